package sqlexec

import (
	"fmt"
	"maps"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// Constraint violations as PostgreSQL reports them.
//
// SQLite's constraint errors name a table and columns at best ("NOT NULL
// constraint failed: t.a") and its foreign key error names nothing, while
// PostgreSQL's say which row or key failed (DETAIL "Failing row contains
// (...)", "Key (a)=(1) already exists.", "Key (parent_id)=(99) is not
// present in table ...") and name the constraint, which applications and
// ORMs read. So on the error path only, explainViolation runs the failed
// statement again inside a savepoint that is always rolled back,
// instrumented to show what it was writing:
//
//   - 23502, 23514, 23505: temporary BEFORE INSERT and BEFORE UPDATE
//     triggers on the statement's table hand each new row (defaults
//     applied) to raftsql_explain_row, which keeps the last one. SQLite
//     checks a row's NOT NULL, CHECK and UNIQUE constraints after its
//     BEFORE triggers and stops at the first failure, so the last row
//     seen is the failing row; a unique key's values are read from it (an
//     expression of an index on expressions evaluated over it).
//   - 23503: with PRAGMA defer_foreign_keys the statement runs to its end
//     and pragma_foreign_key_check on the statement's table and the tables
//     referencing it finds the violating row, whose foreign key names the
//     constraint (as pg_constraint names it) and the key.
//
// Determinism: the same statement runs on the same state (SQLite undid
// the failed statement) with the same pinned time, seed and SQLite PRNG,
// so every node, and a transaction's speculation and its apply, find the
// same row; its nextval calls return the values the statement drew
// (pinStatementDraws), so a serial column shows the value the failed row
// took and no sequence advances twice. The re-run is metered like any
// statement (budget.go): one that goes over the entry's work budget makes
// the statement's result the budget error (54000), as if the statement
// itself had used the work. The
// savepoint undoes the re-run's writes and the session's sequence history
// is restored, so nothing of it remains. When the explanation finds
// nothing (an unexpected shape) the error stays as
// SQLite's mapping gave it.

// explainRowFunc is the function the capturing triggers call; user
// statements cannot call it (guardInternal refuses raftsql_* names).
const explainRowFunc = "raftsql_explain_row"

// rowCapture is the last row raftsql_explain_row saw on one connection.
type rowCapture struct {
	id  uintptr
	row []any
	n   int
}

var (
	rowCaptures   sync.Map // id -> *rowCapture
	rowCaptureSeq atomic.Uintptr
)

// installRowCapture registers raftsql_explain_row on c (the apply
// connection: where writes, and so violations, happen).
func installRowCapture(c *lconn) error {
	r := &rowCapture{id: rowCaptureSeq.Add(1)}
	z, err := libc.CString(explainRowFunc)
	if err != nil {
		return err
	}
	rc := lib.Xsqlite3_create_function_v2(c.tls, c.db, z, -1, lib.SQLITE_UTF8, r.id, cFuncPointer(fnExplainRow), 0, 0, 0)
	libc.Xfree(c.tls, z)
	if rc != lib.SQLITE_OK {
		return c.err(rc)
	}
	rowCaptures.Store(r.id, r)
	c.explain = r
	return nil
}

// remove forgets r (its connection is closing).
func (r *rowCapture) remove() {
	if r != nil {
		rowCaptures.Delete(r.id)
	}
}

func fnExplainRow(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	if v, ok := rowCaptures.Load(lib.Xsqlite3_user_data(tls, ctx)); ok {
		r := v.(*rowCapture)
		r.row = make([]any, argc)
		for i := range r.row {
			r.row[i] = argValue(tls, argv, i)
		}
		r.n++
	}
	lib.Xsqlite3_result_null(tls, ctx)
}

// tableCol is a column of a table, in the table's order.
type tableCol struct{ name, decl string }

// explainViolation completes e, the constraint violation SQLite reported
// for sqlText with args on c, with what PostgreSQL reports (see above).
// It returns the statement's result: e, or the work budget's error when
// the explanation went over it.
func explainViolation(c *lconn, e *Error, sqlText string, args []any) *Error {
	switch e.Code {
	case CodeNotNullViolation, CodeCheckViolation, CodeUniqueViolation, CodeForeignKeyViolation:
	default:
		return e
	}
	w := words(sqlText, 3)
	build := e.Code == CodeUniqueViolation && len(w) == 3 && w[0] == "CREATE" && w[1] == "UNIQUE" && w[2] == "INDEX"
	// (an index on expressions names no table in SQLite's message: the
	// build reads it from the statement)
	if c.explain == nil || e.Table == "" && !build || !c.inTx() {
		return e
	}
	defer c.enterAuth(authOff)()
	if c.auth != nil && c.auth.det != nil {
		defer restoreSequences(c.auth.det)()
		c.auth.det.pinStatementDraws()
	}
	var before *Error
	if c.meter != nil {
		before = c.meter.unitErr
	}
	var x *Error
	savepoint := false
	if build {
		x = explainIndexBuild(c, e, sqlText) // a read: no savepoint
	} else {
		if c.exec("SAVEPOINT raftsql_explain") != nil {
			return e
		}
		savepoint = true
		if e.Code == CodeForeignKeyViolation {
			x = explainForeignKey(c, e, sqlText, args)
		} else {
			x = explainRow(c, e, sqlText, args)
		}
	}
	if c.meter != nil && c.meter.unitErr != nil && c.meter.unitErr != before {
		// Over the budget (or stopped): SQLite rolled the transaction
		// back, as for the statement itself.
		return c.meter.unitErr
	}
	if !c.inTx() {
		// Not the statement's doing (it would have ended the transaction
		// itself): the storage failed under the explanation. A fault,
		// never a result that could differ between nodes.
		return &Error{Code: CodeIOError, Statement: -1, kind: faultStorage,
			Message: "the transaction ended while a constraint violation was explained"}
	}
	if savepoint {
		_ = c.exec("ROLLBACK TO raftsql_explain")
		_ = c.exec("RELEASE raftsql_explain")
	}
	if x != nil {
		return x
	}
	return e
}

// restoreSequences saves the sequence history of the session whose
// statement runs on d and returns the function that puts it back: the
// re-run may call nextval (a serial column's default).
func restoreSequences(d *detState) func() {
	old := d.seq
	if old == nil {
		return func() {}
	}
	cp := &seqSession{Cur: maps.Clone(old.Cur), Last: old.Last, drawn: maps.Clone(old.drawn), stmt: old.stmt, kept: maps.Clone(old.kept)}
	if old.Pin != nil {
		cp.Pin = make(map[string][]int64, len(old.Pin))
		for k, v := range old.Pin {
			cp.Pin[k] = append([]int64(nil), v...)
		}
	}
	return func() { d.seq = cp }
}

// rerun runs the failed statement again (the same SQLite PRNG state as
// its first run) and returns its error.
func rerun(c *lconn, sqlText string, args []any) error {
	if t := notValidUpdate(c, sqlText); t != "" { // tested as when it failed (notvalid_update.go)
		sqlText = t
	}
	st, _, err := c.prepareFresh(sqlText)
	if err != nil || st == nil {
		return err
	}
	defer st.finalize()
	run := func() { _, err = st.run(args, nil) }
	if seed, ok := c.sqliteSeed(); ok {
		withSQLitePRNG(c.tls, seed, run)
	} else {
		run()
	}
	return err
}

// rerunCapturing is rerun with capturing triggers in place: the
// statement's error and the last row the triggers handed to
// raftsql_explain_row (nil when none).
func rerunCapturing(c *lconn, sqlText string, args []any) ([]any, error) {
	c.explain.row, c.explain.n = nil, 0
	err := rerun(c, sqlText, args)
	row := c.explain.row
	if c.explain.n == 0 {
		row = nil
	}
	c.explain.row = nil
	return row, err
}

// explainRow finds the row that failed a NOT NULL, CHECK or UNIQUE
// constraint of e.Table and returns e with PostgreSQL's DETAIL.
func explainRow(c *lconn, e *Error, sqlText string, args []any) *Error {
	cols := tableColumns(c, e.Table)
	if len(cols) == 0 {
		return nil
	}
	refs := make([]string, len(cols))
	for i, col := range cols {
		refs[i] = "NEW." + quoteIdent(col.name)
	}
	call := "SELECT " + explainRowFunc + "(" + strings.Join(refs, ", ") + ");"
	// (the savepoint's rollback would drop them too)
	defer func() {
		_ = c.exec("DROP TRIGGER IF EXISTS temp.raftsql_explain_insert; DROP TRIGGER IF EXISTS temp.raftsql_explain_update")
	}()
	for _, ev := range []string{"INSERT", "UPDATE"} {
		trig := fmt.Sprintf("CREATE TEMP TRIGGER raftsql_explain_%s BEFORE %s ON main.%s BEGIN %s END",
			strings.ToLower(ev), ev, quoteIdent(e.Table), call)
		if c.exec(trig) != nil {
			return nil
		}
	}
	row, err := rerunCapturing(c, sqlText, args)
	if err == nil || row == nil || len(row) != len(cols) || mapError(err, sqlText).Code != e.Code {
		return nil
	}
	out := *e
	loc := zoneOf(c)
	if e.Code == CodeUniqueViolation {
		key, vals, ok := uniqueKey(c, &out, cols, row, loc)
		if !ok {
			return nil
		}
		out.DetailText = fmt.Sprintf("Key (%s)=(%s) already exists.", key, vals)
		return &out
	}
	vals := make([]string, len(row))
	for i, v := range row {
		vals[i] = textOf(v, cols[i].decl, loc)
	}
	out.DetailText = fmt.Sprintf("Failing row contains (%s).", strings.Join(vals, ", "))
	return &out
}

// uniqueKey is the key a unique violation names, "a, b" or
// "lower(code)", and its values in the failing row; it corrects the
// constraint e names where SQLite's message left it to a guess.
func uniqueKey(c *lconn, e *Error, cols []tableCol, row []any, loc *time.Location) (key, vals string, ok bool) {
	var elems []string
	if d, found := strings.CutPrefix(e.DetailText, "Key ("); found && strings.HasSuffix(d, ") already exists.") {
		// mapError's columns from SQLite's message
		elems = strings.Split(strings.TrimSuffix(d, ") already exists."), ", ")
		if name := uniqueIndexName(c, e.Table, elems); name != "" && name != e.Constraint {
			// a unique index on those columns: by its name, or its
			// constraint's as the catalog shows it
			e.Constraint = name
			e.Message = fmt.Sprintf("duplicate key value violates unique constraint %q", name)
		}
	} else if e.Constraint != "" {
		// an index on expressions: its elements from its definition
		sqls, _ := queryStrings(c, `SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1`, e.Constraint)
		if len(sqls) == 1 {
			def, _ := pgdialect.ParseIndex(sqls[0])
			elems = def.Elems
		}
	}
	if len(elems) == 0 {
		return "", "", false
	}
	got := make([]any, len(elems))
	for i, el := range elems {
		if name, isCol := pgdialect.IdentName(el); isCol {
			k := columnIndex(cols, name)
			if k < 0 {
				return "", "", false
			}
			got[i] = row[k]
			continue
		}
		v, ok := evalOverRow(c, el, cols, row)
		if !ok {
			return "", "", false
		}
		got[i] = v
	}
	return shownElems(elems, cols), keyText(elems, got, cols, loc), true
}

// shownElems is a key's elements as PostgreSQL's DETAIL names them: an
// expression with the implicit casts it shows (lower(v::text) of a
// varchar column: pgdialect.IndexElemShown).
func shownElems(elems []string, cols []tableCol) string {
	out := make([]string, len(elems))
	for i, el := range elems {
		out[i] = pgdialect.IndexElemShown(el, func(name string) uint32 {
			if k := columnIndex(cols, name); k >= 0 {
				o, _ := pgdialect.DeclTypeOID(cols[k].decl)
				return o
			}
			return 0
		})
	}
	return strings.Join(out, ", ")
}

// keyText writes the values of a key's elements: a column's by its type,
// an expression's by its value.
func keyText(elems []string, vals []any, cols []tableCol, loc *time.Location) string {
	out := make([]string, len(elems))
	for i, el := range elems {
		decl := ""
		if name, isCol := pgdialect.IdentName(el); isCol {
			if k := columnIndex(cols, name); k >= 0 {
				decl = cols[k].decl
			}
		}
		out[i] = textOf(vals[i], decl, loc)
	}
	return strings.Join(out, ", ")
}

// explainIndexBuild is a CREATE UNIQUE INDEX over rows that are not
// unique as PostgreSQL reports it: the index, and the first duplicated key
// in the key's order.
func explainIndexBuild(c *lconn, e *Error, sqlText string) *Error {
	def, ok := pgdialect.ParseIndex(sqlText)
	if !ok || def.Name == "" {
		return nil
	}
	keys := strings.Join(def.Elems, ", ")
	cond := make([]string, len(def.Elems))
	for i, el := range def.Elems {
		cond[i] = "(" + el + ") IS NOT NULL" // NULLs are never duplicates
	}
	if def.Where != "" {
		cond = append(cond, "("+def.Where+")")
	}
	st, _, err := c.prepareFresh("SELECT " + keys + " FROM main." + quoteIdent(def.Table) + " WHERE " + strings.Join(cond, " AND ") +
		" GROUP BY " + keys + " HAVING count(*) > 1 ORDER BY " + keys + " LIMIT 1")
	if err != nil || st == nil {
		return nil
	}
	defer st.finalize()
	var dup []any
	if _, err := st.run(nil, func(r []any) error {
		dup = r
		return nil
	}); err != nil || len(dup) != len(def.Elems) {
		return nil
	}
	out := *e
	out.Table, out.Constraint = def.Table, def.Name
	out.Message = fmt.Sprintf("could not create unique index %q", def.Name)
	cols := tableColumns(c, def.Table)
	out.DetailText = fmt.Sprintf("Key (%s)=(%s) is duplicated.", shownElems(def.Elems, cols), keyText(def.Elems, dup, cols, zoneOf(c)))
	return &out
}

// uniqueIndexName is the name pg_constraint/pg_class give the unique
// index of table on exactly cols ("" if none: a rowid primary key).
func uniqueIndexName(c *lconn, table string, cols []string) string {
	names, err := queryStrings(c, `SELECT i.pgname FROM pgd_idx i WHERE i.tbl = ?1 AND i.uniq AND i.sname IS NOT NULL
 AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(i.sname) ORDER BY seqno)) = ?2 COLLATE NOCASE`,
		table, strings.Join(cols, ","))
	if err != nil || len(names) == 0 {
		return ""
	}
	return names[0]
}

// evalOverRow evaluates an index expression over a row of the table.
func evalOverRow(c *lconn, expr string, cols []tableCol, row []any) (any, bool) {
	sel := make([]string, len(cols))
	for i, col := range cols {
		sel[i] = fmt.Sprintf("?%d AS %s", i+1, quoteIdent(col.name))
	}
	st, _, err := c.prepareFresh("SELECT " + expr + " FROM (SELECT " + strings.Join(sel, ", ") + ")")
	if err != nil || st == nil {
		return nil, false
	}
	defer st.finalize()
	var v any
	found := false
	_, err = st.run(row, func(r []any) error {
		if len(r) == 1 && !found {
			v, found = r[0], true
		}
		return nil
	})
	return v, err == nil && found
}

// explainForeignKey finds the row that violates a foreign key after the
// statement (run with the check deferred to its end) and returns e as
// PostgreSQL words it, naming the constraint and the key.
func explainForeignKey(c *lconn, e *Error, sqlText string, args []any) *Error {
	table := e.Table
	referencing, err := queryStrings(c, `SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
 WHERE m.type = 'table' AND f."table" = ?1 COLLATE NOCASE AND m.name <> ?1 COLLATE NOCASE ORDER BY m.name`, table)
	if err != nil {
		return nil
	}
	// The statement's own rows first (an INSERT or UPDATE of the
	// referencing table), the rows it left without their key after
	// (a DELETE or UPDATE of the referenced table).
	if e.fkRestrict {
		// checked at the row, deferred or not (fk_restrict.go); one
		// reached through a cascade is found by the deferred run below
		if x := explainRestrict(c, e, sqlText, args, append(referencing, table)); x != nil {
			return x
		}
	}
	children := append([]string{table}, referencing...)
	deleting := dmlVerb(sqlText) == "DELETE"
	if deleting {
		children = append(referencing, table)
	}
	if c.exec("PRAGMA defer_foreign_keys = ON") != nil {
		return nil
	}
	err = rerun(c, sqlText, args)
	_ = c.exec("PRAGMA defer_foreign_keys = OFF")
	if err != nil {
		return nil
	}
	// Last, any table: the statement's cascades reach further (a DELETE
	// cascading to rows that others still reference).
	for _, child := range append(children, "") {
		if x := foreignKeyViolation(c, e, child, table, deleting); x != nil {
			return x
		}
	}
	return nil
}

// foreignKeyViolation reports the first row of child ("": of any table)
// that violates one of its foreign keys, as the error of a statement on
// table (a DELETE when deleting: the referenced side even where a table
// references itself); nil if none.
func foreignKeyViolation(c *lconn, e *Error, child, table string, deleting bool) *Error {
	return foreignKeyViolationOf(c, e, child, table, deleting, nil)
}

// foreignKeyViolationOf is foreignKeyViolation for only the foreign keys
// fkids of child (all of them when nil).
func foreignKeyViolationOf(c *lconn, e *Error, child, table string, deleting bool, fkids []int64) *Error {
	q, args := `SELECT "table", rowid, "parent", fkid FROM pragma_foreign_key_check LIMIT 1`, []any(nil)
	if child != "" {
		q, args = `SELECT "table", rowid, "parent", fkid FROM pragma_foreign_key_check(?1) LIMIT 1`, []any{child}
	}
	if child != "" && fkids != nil {
		ids := make([]string, len(fkids))
		for i, id := range fkids {
			ids[i] = strconv.FormatInt(id, 10)
		}
		q = `SELECT "table", rowid, "parent", fkid FROM pragma_foreign_key_check(?1) WHERE fkid IN (` + strings.Join(ids, ", ") + `) LIMIT 1`
	}
	st, _, err := c.prepareFresh(q)
	if err != nil || st == nil {
		return nil
	}
	var hit []any
	_, err = st.run(args, func(r []any) error {
		if hit == nil {
			hit = r
		}
		return nil
	})
	st.finalize()
	if err != nil || len(hit) != 4 {
		return nil // none
	}
	child, _ = hit[0].(string)
	parent, _ := hit[2].(string)
	hit = hit[1:]
	from, to, ok := fkColumns(c, child, parent, hit[2])
	if !ok {
		return nil
	}
	cols := tableColumns(c, child)
	key := violatingKey(c, child, parent, from, to, hit[0])
	if len(key) != len(from) {
		return nil
	}
	loc := zoneOf(c)
	vals := make([]string, len(key))
	for i, v := range key {
		decl := ""
		if k := columnIndex(cols, from[i]); k >= 0 {
			decl = cols[k].decl
		}
		vals[i] = textOf(v, decl, loc)
	}
	createSQL, _ := queryStrings(c, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1`, child)
	if len(createSQL) != 1 {
		return nil
	}
	out := *e
	out.Constraint = pgdialect.FKConname(createSQL[0], child, from, parent)
	out.Table = child // PostgreSQL's table field is the referencing table's either way
	if strings.EqualFold(child, table) && !deleting {
		out.Message = fmt.Sprintf("insert or update on table %q violates foreign key constraint %q", child, out.Constraint)
		out.DetailText = fmt.Sprintf("Key (%s)=(%s) is not present in table %q.", strings.Join(from, ", "), strings.Join(vals, ", "), parent)
	} else {
		out.Message = fmt.Sprintf("update or delete on table %q violates foreign key constraint %q on table %q", parent, out.Constraint, child)
		out.DetailText = fmt.Sprintf("Key (%s)=(%s) is still referenced from table %q.", strings.Join(to, ", "), strings.Join(vals, ", "), child)
	}
	return &out
}

// violatingKey reads the foreign key columns from of the row of child
// that pragma_foreign_key_check reported by its rowid. For a WITHOUT ROWID
// table (SQLite's option, which passes through) rowid is NULL, and the
// first row without its key in parent, in the table's key order, is
// searched instead: the row the pragma's own scan finds first. nil if it
// cannot.
func violatingKey(c *lconn, child, parent string, from, to []string, rowid any) []any {
	sel := make([]string, len(from))
	for i, f := range from {
		sel[i] = "c." + quoteIdent(f)
	}
	q, args := "SELECT "+strings.Join(sel, ", ")+" FROM main."+quoteIdent(child)+" AS c WHERE c.rowid = ?1", []any{rowid}
	if rowid == nil {
		// MATCH SIMPLE: a row with a NULL in its key references nothing
		conds, match := make([]string, len(from)), make([]string, len(from))
		for i := range from {
			conds[i] = sel[i] + " IS NOT NULL"
			match[i] = "p." + quoteIdent(to[i]) + " = " + sel[i]
		}
		q = "SELECT " + strings.Join(sel, ", ") + " FROM main." + quoteIdent(child) + " AS c WHERE " + strings.Join(conds, " AND ") +
			" AND NOT EXISTS (SELECT 1 FROM main." + quoteIdent(parent) + " AS p WHERE " + strings.Join(match, " AND ") + ") LIMIT 1"
		args = nil
	}
	st, _, err := c.prepareFresh(q)
	if err != nil || st == nil {
		return nil
	}
	var key []any
	_, err = st.run(args, func(r []any) error {
		if key == nil {
			key = r
		}
		return nil
	})
	st.finalize()
	if err != nil {
		return nil
	}
	return key
}

// fkColumns are the referencing and referenced columns of child's
// foreign key fkid (a key naming no columns references parent's primary
// key).
func fkColumns(c *lconn, child, parent string, fkid any) (from, to []string, ok bool) {
	st, _, err := c.prepareFresh(`SELECT "from", "to" FROM pragma_foreign_key_list(?1) WHERE id = ?2 ORDER BY seq`)
	if err != nil || st == nil {
		return nil, nil, false
	}
	missing := false
	_, err = st.run([]any{child, fkid}, func(r []any) error {
		f, _ := r[0].(string)
		t, _ := r[1].(string)
		missing = missing || t == ""
		from, to = append(from, f), append(to, t)
		return nil
	})
	st.finalize()
	if err != nil || len(from) == 0 {
		return nil, nil, false
	}
	if missing {
		pk, err := queryStrings(c, `SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk`, parent)
		if err != nil || len(pk) != len(from) {
			return nil, nil, false
		}
		to = pk
	}
	return from, to, true
}

// tableColumns lists table's columns as PostgreSQL's row shows them.
func tableColumns(c *lconn, table string) []tableCol {
	st, _, err := c.prepareFresh(`SELECT name, type FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid`)
	if err != nil || st == nil {
		return nil
	}
	defer st.finalize()
	var out []tableCol
	if _, err := st.run([]any{table}, func(r []any) error {
		n, _ := r[0].(string)
		d, _ := r[1].(string)
		out = append(out, tableCol{n, d})
		return nil
	}); err != nil {
		return nil
	}
	return out
}

func columnIndex(cols []tableCol, name string) int {
	for i, c := range cols {
		if strings.EqualFold(c.name, name) {
			return i
		}
	}
	return -1
}

// zoneOf is the TimeZone timestamptz values are shown in: the entry's.
func zoneOf(c *lconn) *time.Location {
	if c.auth != nil && c.auth.det != nil {
		return c.auth.det.zoneLoc()
	}
	return time.UTC
}

// textOf is a stored value as PostgreSQL's output function for the
// column's declared type writes it inside a message; NULL is "null".
func textOf(v any, decl string, loc *time.Location) string {
	if v == nil {
		return "null"
	}
	oid, mod := typeFromDeclMod(decl)
	if oid == 0 {
		oid = typeFromValue(v)
	}
	col := []pgwire.Column{{TypeOID: oid, TypeModifier: mod}}
	row := []any{v}
	convertRow(col, row)
	if s, ok := pgwire.TextValue(row[0], col[0], loc); ok {
		return s
	}
	return fmt.Sprint(v)
}
