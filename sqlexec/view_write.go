package sqlexec

import (
	"context"
	"strings"
	"sync"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// view_write.go: INSERT, UPDATE and DELETE through an automatically
// updatable view (pgdialect/view_write.go), rewritten onto the view's
// base relation from the schema the session sees. The rewritten statement
// is what every node applies: a view re-created between this lookup and
// the statement's place in the log is not seen (as for
// fillColumnList's columns).

// maxViewDepth bounds views over views (PostgreSQL refuses a view that
// reads itself; this only guards the loop).
const maxViewDepth = 32

// viewWriteHints are PostgreSQL's HINTs for a view that is not
// automatically updatable, by verb.
var viewWriteHints = map[string][2]string{
	"INSERT": {"insert into", "To enable inserting into the view, provide an INSTEAD OF INSERT trigger or an unconditional ON INSERT DO INSTEAD rule."},
	"UPDATE": {"update", "To enable updating the view, provide an INSTEAD OF UPDATE trigger or an unconditional ON UPDATE DO INSTEAD rule."},
	"DELETE": {"delete from", "To enable deleting from the view, provide an INSTEAD OF DELETE trigger or an unconditional ON DELETE DO INSTEAD rule."},
}

// rewriteViewWrite is sql written onto the base relation of the view it
// writes through, view after view; sql itself when its target is no
// view. checks are the conditions of the views WITH CHECK OPTION that an
// INSERT's or UPDATE's new rows must meet, innermost first (see
// pgdialect/view_check.go); nil when none applies.
func (s *Session) rewriteViewWrite(ctx context.Context, sql string) (string, []pgdialect.ViewCheck, error) {
	verb, table := pgdialect.MainDML(sql)
	if verb == "" || table == "" || verb == "MERGE" {
		return sql, nil, nil
	}
	// pending: the checks of the views above, each over the relation
	// the loop has reached, outermost first; cascaded: a view above has
	// a CASCADED option, so every view below is checked (PostgreSQL's
	// rewriteTargetView)
	cols := s.relationColumns(ctx)
	type pending struct{ view, stmt string }
	var checks []pending
	cascaded := false
	done := func(sql string) (string, []pgdialect.ViewCheck, error) {
		var out []pgdialect.ViewCheck
		for k := len(checks) - 1; k >= 0; k-- {
			c, err := pgdialect.ViewCheckCond(checks[k].view, checks[k].stmt)
			if err != nil {
				return "", nil, viewWriteErr(err)
			}
			out = append(out, c)
		}
		return sql, out, nil
	}
	for depth := 0; depth < maxViewDepth; depth++ {
		v, err := s.viewWriteDef(ctx, table)
		if err != nil || v == nil {
			return done(sql) // no view here: the statement as it is
		}
		h := viewWriteHints[verb]
		if h[0] == "" {
			return sql, nil, nil
		}
		detail := v.NotUpdatable
		if detail == "" && verb != "DELETE" && !v.Updatable() {
			detail = "Views that have no updatable columns are not automatically updatable."
		}
		if detail != "" {
			return "", nil, &Error{Code: "55000", Message: "cannot " + h[0] + " view \"" + v.Name + "\"", DetailText: detail, HintText: h[1]}
		}
		out, ok, err := pgdialect.RewriteViewWrite(sql, v, cols)
		if err != nil {
			return "", nil, viewWriteErr(err)
		}
		if !ok {
			return sql, nil, nil
		}
		if verb != "DELETE" {
			for k := range checks {
				if checks[k].stmt, err = pgdialect.RewriteCheck(checks[k].stmt, v, cols); err != nil {
					return "", nil, viewWriteErr(err)
				}
			}
			if v.Check != "" || cascaded {
				if c := v.CheckStatement(); c != "" {
					checks = append(checks, pending{v.Name, c})
				}
			}
			cascaded = cascaded || v.Check == "CASCADED"
		}
		sql, table = out, v.Base
	}
	return done(sql)
}

// viewWriteErr is the session's error for an error of the rewrite.
func viewWriteErr(err error) error {
	switch e := err.(type) {
	case *pgdialect.ViewWriteError:
		return &Error{Code: e.Code, Message: e.Message, DetailText: e.Detail, Pos: e.Position}
	case *pgdialect.Error:
		// (a view's condition, not the client's text: no position)
		return &Error{Code: e.Code, Message: e.Message, DetailText: e.Detail, HintText: e.Hint}
	}
	return err
}

// viewNameCache holds the names of the schema's views (lower case) as of
// a schema version, so that a write to a table costs no schema read.
type viewNameCache struct {
	mu    sync.Mutex
	at    int64 // schema version; 0: not loaded
	names map[string]bool
}

// isView reports whether the committed schema may have a view called
// name (true when that cannot be read: the full lookup decides).
func (db *DB) isView(ctx context.Context, name string) bool {
	v := db.schemaVer.Load()
	db.views.mu.Lock()
	defer db.views.mu.Unlock()
	if db.views.at != v || v == 0 {
		var names []string
		err := db.withReader(ctx, func(c *lconn) error {
			c.syncSchema()
			var err error
			names, err = queryStrings(c, "SELECT lower(name) FROM main.sqlite_schema WHERE type = 'view'")
			return err
		})
		if err != nil {
			return true
		}
		db.views.at, db.views.names = v, map[string]bool{}
		for _, n := range names {
			db.views.names[n] = true
		}
	}
	return db.views.names[strings.ToLower(name)]
}

// viewWriteDef reads the view called name (nil when it is no view).
func (s *Session) viewWriteDef(ctx context.Context, name string) (*pgdialect.ViewWrite, error) {
	if (s.tx == nil || !s.tx.schemaChanged) && !s.e.db.isView(ctx, name) {
		return nil, nil
	}
	var v *pgdialect.ViewWrite
	read := func(c *lconn) error {
		sqls, err := queryStrings(c, "SELECT name || char(0) || sql FROM main.sqlite_schema WHERE type = 'view' AND name = ?1 COLLATE NOCASE", name)
		if err != nil || len(sqls) != 1 {
			return err
		}
		real, create, _ := strings.Cut(sqls[0], "\x00")
		names, err := queryStrings(c, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", real)
		if err != nil {
			return err
		}
		v = pgdialect.ParseViewWrite(real, create, names, func(rel string) []string {
			cols, err := queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid", rel)
			if err != nil || len(cols) == 0 {
				return nil
			}
			return cols
		})
		return nil
	}
	err := s.readSchema(ctx, read)
	return v, err
}

// relationColumns reads a relation's columns as the session sees them
// (nil for an unknown one), each relation once per statement: what a
// bare name in a write through a view means depends on the other
// relations the statement reads (pgdialect/view_write_scope.go).
func (s *Session) relationColumns(ctx context.Context) pgdialect.RelCols {
	seen := map[string][]string{}
	return func(rel string) []string {
		key := strings.ToLower(rel)
		if cols, ok := seen[key]; ok {
			return cols
		}
		var cols []string
		_ = s.readSchema(ctx, func(c *lconn) error {
			names, err := queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid", rel)
			if err == nil && len(names) > 0 {
				cols = names
			}
			return nil
		})
		seen[key] = cols
		return cols
	}
}
