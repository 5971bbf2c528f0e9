package sqlexec

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// CREATE TABLE t (LIKE s ...) (pgdialect/createlike.go): the session
// writes t's definition out in PostgreSQL's terms from what the catalog
// shows of s, on the state the statement sees (the transaction's, or the
// latest applied state after a read barrier), and translates it: one
// CREATE TABLE, then a CREATE INDEX per copied index that is no
// constraint's and a COMMENT per copied column comment, proposed as one
// entry. What enters the log is the written-out statement, so every node
// creates the same table.
//
// As PostgreSQL 15: columns, types and NOT NULL always; DEFAULTS the
// default expressions (a serial column's nextval of s's own sequence, not
// a new one); IDENTITY the identity (a new sequence, default options);
// CONSTRAINTS the CHECK constraints, by name (foreign keys never);
// INDEXES the primary key and UNIQUE constraints (named for t by
// PostgreSQL's rules, as unnamed ones are) and the other indexes (named
// t_<columns>_idx); COMMENTS the columns' comments. STORAGE, COMPRESSION
// and STATISTICS change nothing raftsql keeps. Refused (0A000): GENERATED
// of a generated column (the catalog does not keep its expression in
// PostgreSQL's terms).

// likeColumn is one column of a LIKE's source, as the catalog shows it.
type likeColumn struct {
	name, typ, dflt, identity, generated, comment string
	notNull                                       bool
}

// likeIndex is one index of a LIKE's source.
type likeIndex struct {
	name, def, condef string // condef: the constraint's definition ("" for a plain index)
	unique            bool
}

var likeQueries = struct{ exists, cols, checks, indexes string }{
	exists: `SELECT relkind FROM pg_class WHERE relname = $1 AND relkind IN ('r', 'v')`,
	cols: `SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity, a.attgenerated,
  coalesce(pg_get_expr(d.adbin, d.adrelid), ''), coalesce(col_description(a.attrelid, a.attnum), '')
 FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE a.attrelid = (SELECT oid FROM pg_class WHERE relname = $1 AND relkind IN ('r', 'v')) AND a.attnum > 0 ORDER BY a.attnum`,
	checks: `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
 WHERE conrelid = (SELECT oid FROM pg_class WHERE relname = $1 AND relkind = 'r') AND contype = 'c' ORDER BY conname`,
	indexes: `SELECT c.relname, i.indisunique, pg_get_indexdef(i.indexrelid),
  coalesce((SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u')), '')
 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = (SELECT oid FROM pg_class WHERE relname = $1 AND relkind = 'r') ORDER BY i.indisprimary DESC, c.relname`,
}

// likeRows runs one of likeQueries (PostgreSQL text) on c.
func likeRows(c *lconn, query, table string) ([][]any, error) {
	st, err := translate(query)
	if err != nil || len(st.Exec) != 1 {
		return nil, fmt.Errorf("createlike: catalog query: %w", err)
	}
	sel, _, err := c.prepareFresh(st.Exec[0])
	if err != nil {
		return nil, mapError(err, "")
	}
	defer sel.finalize()
	var rows [][]any
	_, err = sel.run([]any{table}, func(r []any) error {
		rows = append(rows, append([]any(nil), r...))
		return nil
	})
	if err != nil {
		// e.g. a view whose table is gone: SQLite's error, as a
		// statement's (42P01 ...), not an internal one
		return nil, mapError(err, "")
	}
	return rows, nil
}

func likeText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

func likeBool(v any) bool {
	switch x := v.(type) {
	case int64:
		return x != 0
	case bool:
		return x
	case string:
		return x == "t" || x == "1" || x == "true"
	}
	return false
}

// expandLike writes out st (Like set) and translates it.
func (s *Session) expandLike(ctx context.Context, st *pgdialect.Stmt) (*pgdialect.Stmt, error) {
	cl := st.Like
	if s.tx == nil {
		if err := s.barrier(ctx); err != nil {
			return nil, err
		}
	}
	var stmts []string
	err := s.onTxState(ctx, func(c *lconn) error {
		var err error
		stmts, err = likeStatements(c, cl)
		return err
	})
	if err != nil {
		return nil, toError(err)
	}
	var out *pgdialect.Stmt
	for _, text := range stmts {
		t, err := translate(text)
		if err != nil {
			return nil, err
		}
		if t.Kind != pgdialect.KindQuery || t.Like != nil {
			return nil, errf(CodeInternal, "createlike: %q did not translate to statements", text)
		}
		if out == nil {
			out = t
			continue
		}
		out.Exec = append(out.Exec, t.Exec...)
	}
	out.Tag, out.NoRows = "CREATE TABLE", true
	return out, nil
}

// likeStatements is the PostgreSQL text of cl written out on c: the
// CREATE TABLE, then its indexes and comments.
func likeStatements(c *lconn, cl *pgdialect.CreateLike) ([]string, error) {
	var elems, after []string
	seen := map[string]bool{}
	column := func(name string) error {
		if seen[name] {
			return &Error{Code: CodeDuplicateColumn, Statement: -1, Message: fmt.Sprintf("column \"%s\" specified more than once", name)}
		}
		seen[name] = true
		return nil
	}
	var constraints []string   // after the columns, as PostgreSQL adds them
	taken := map[string]bool{} // index names this statement gives
	for _, el := range cl.Elements {
		if el.Source == "" {
			if el.Column != "" {
				if err := column(el.Column); err != nil {
					return nil, err
				}
			}
			elems = append(elems, el.Text)
			continue
		}
		rows, err := likeRows(c, likeQueries.exists, el.Source)
		if err != nil {
			return nil, err
		}
		if len(rows) == 0 {
			return nil, errf(CodeUndefinedTable, "relation \"%s\" does not exist", el.Source)
		}
		if rows, err = likeRows(c, likeQueries.cols, el.Source); err != nil {
			return nil, err
		}
		for _, r := range rows {
			col := likeColumn{name: likeText(r[0]), typ: likeText(r[1]), notNull: likeBool(r[2]),
				identity: likeText(r[3]), generated: likeText(r[4]), dflt: likeText(r[5]), comment: likeText(r[6])}
			if err := column(col.name); err != nil {
				return nil, err
			}
			def := quoteIdent(col.name) + " " + col.typ
			switch {
			case col.generated != "":
				if el.Options&pgdialect.LikeGenerated != 0 {
					return nil, Unsupported(fmt.Sprintf("CREATE TABLE ... (LIKE %s INCLUDING GENERATED) of a generated column (\"%s\")", el.Source, col.name))
				}
			case col.identity != "":
				if el.Options&pgdialect.LikeIdentity != 0 {
					def += map[bool]string{true: " GENERATED ALWAYS AS IDENTITY", false: " GENERATED BY DEFAULT AS IDENTITY"}[col.identity == "a"]
				}
			case col.dflt != "" && el.Options&pgdialect.LikeDefaults != 0:
				def += " DEFAULT " + col.dflt
			}
			if col.notNull {
				def += " NOT NULL"
			}
			elems = append(elems, def)
			if col.comment != "" && el.Options&pgdialect.LikeComments != 0 {
				after = append(after, "COMMENT ON COLUMN "+quoteIdent(cl.Table)+"."+quoteIdent(col.name)+" IS '"+strings.ReplaceAll(col.comment, "'", "''")+"'")
			}
		}
		if el.Options&pgdialect.LikeConstraints != 0 {
			rows, err := likeRows(c, likeQueries.checks, el.Source)
			if err != nil {
				return nil, err
			}
			for _, r := range rows {
				constraints = append(constraints, "CONSTRAINT "+quoteIdent(likeText(r[0]))+" "+likeText(r[1]))
			}
		}
		if el.Options&pgdialect.LikeIndexes != 0 {
			rows, err := likeRows(c, likeQueries.indexes, el.Source)
			if err != nil {
				return nil, err
			}
			for _, r := range rows {
				ix := likeIndex{name: likeText(r[0]), unique: likeBool(r[1]), def: likeText(r[2]), condef: likeText(r[3])}
				if ix.condef != "" {
					// unnamed: PostgreSQL names the copy for the new
					// table as the translation names an unnamed key
					constraints = append(constraints, ix.condef)
					continue
				}
				text, err := likeIndexStatement(c, cl.Table, ix, taken)
				if err != nil {
					return nil, err
				}
				after = append(after, text)
			}
		}
	}
	create := "CREATE TABLE "
	if cl.IfNotExists {
		create += "IF NOT EXISTS "
		// an existing table is skipped with a NOTICE at apply; its
		// indexes and comments must not be made on it
		rows, err := likeRows(c, `SELECT 1 FROM pg_class WHERE relname = $1`, cl.Table)
		if err != nil {
			return nil, err
		}
		if len(rows) > 0 {
			after = nil
		}
	}
	return append([]string{create + quoteIdent(cl.Table) + " (" + strings.Join(append(elems, constraints...), ", ") + ")"}, after...), nil
}

// likeIndexStatement is the CREATE INDEX of a copy of ix on table: the
// key and predicate from ix's definition ("CREATE [UNIQUE] INDEX n ON t
// USING method (key) [WHERE pred]"), the name PostgreSQL chooses: a name
// a relation or an earlier copy (taken) has is numbered 1, 2, ...
func likeIndexStatement(c *lconn, table string, ix likeIndex, taken map[string]bool) (string, error) {
	u := strings.Index(ix.def, " USING ")
	if u < 0 {
		return "", errf(CodeInternal, "createlike: index definition %q", ix.def)
	}
	rest := ix.def[u+len(" USING "):]
	sp := strings.IndexByte(rest, ' ')
	if sp < 0 {
		return "", errf(CodeInternal, "createlike: index definition %q", ix.def)
	}
	rest = rest[sp+1:]
	cols := pgdialect.IndexKeyNames(rest)
	verb := "CREATE INDEX "
	if ix.unique {
		verb = "CREATE UNIQUE INDEX "
	}
	base := pgdialect.LikeIndexName(table, cols)
	name := base
	for n := 1; ; n++ {
		if !taken[strings.ToLower(name)] {
			rows, err := likeRows(c, `SELECT 1 FROM pg_class WHERE relname = $1`, name)
			if err != nil {
				return "", err
			}
			if len(rows) == 0 {
				break
			}
		}
		name = base + strconv.Itoa(n)
	}
	taken[strings.ToLower(name)] = true
	return verb + quoteIdent(name) + " ON " + quoteIdent(table) + " " + rest, nil
}
