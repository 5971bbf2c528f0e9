package sqlexec

// Data-modifying statements in WITH at apply (pgdialect/dmlcte.go plans
// them).
//
// PostgreSQL runs every data-modifying CTE and the main statement on the
// snapshot taken before the statement, each CTE exactly once and to
// completion; their effects are seen only through RETURNING. Here they
// run in the order of the WITH list, each CTE's RETURNING rows kept in a
// temporary table of the apply connection that the later parts read in
// its place, then the main statement; all of it in one savepoint, undone
// on any error, so the statement is atomic. That gives PostgreSQL's
// answer exactly when no part reads or writes a table an earlier part
// wrote (directly, through a trigger or a foreign key action), and no
// part's foreign key checks read a table a later part writes (PostgreSQL
// checks at the end of the statement, SQLite when the part ends). Before
// anything runs every part is compiled with the authorizer reporting the
// tables it reads and writes, and any other case is refused with 0A000:
// a function of the statement and the schema, the same on every node.
//
// The temporary tables live only inside the savepoint: they are dropped
// before it is released and undone with it on error, so nothing of them
// outlives the statement or reaches the replicated database.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// tableUse is what one part of the statement does to tables (lower-case
// names of the main schema).
type tableUse struct {
	part   string          // `WITH query "d"`, or "the main statement"
	reads  map[string]bool // read (also by a trigger or view)
	writes map[string]bool // inserted, updated, deleted (also by triggers)
	// cascades: changed by its foreign key actions (CASCADE, SET NULL,
	// SET DEFAULT), which PostgreSQL runs at the end of the statement
	cascades map[string]bool
	// checks: read by its foreign key checks, which PostgreSQL makes at
	// the end of the statement
	checks map[string]bool
}

// runWithDML carries out the plan w on the apply connection c.
func runWithDML(c *lconn, w pgdialect.WithDML, args []any, verb string) (res StatementResult, readonly bool) {
	if c.replicatedMode() != authWrite || c.auth == nil {
		res.Err = errf(CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", verb)
		return res, false
	}
	defer c.enterAuth(authOff)() // raftsql's own statements; the parts enter the write policy
	if err := c.exec("SAVEPOINT raftsql_with_dml"); err != nil {
		res.Err = mapError(err, "")
		return res, false
	}
	done := false
	defer func() {
		if !done {
			_ = c.exec("ROLLBACK TO raftsql_with_dml")
		}
		_ = c.exec("RELEASE raftsql_with_dml")
	}()
	p := &withPlan{w: w, names: make([][]string, len(w.Items))}
	if e := p.prepare(c, args); e != nil {
		return StatementResult{Err: e}, false
	}
	for k, it := range w.Items {
		if it.DML == "" {
			continue
		}
		var keep keptRows
		r, _ := runSQLKeep(c, w.Part(k, p.cols), args, "", &keep)
		if r.Err != nil {
			return r, false
		}
		if it.Returning {
			if err := keepRows(c, pgdialect.CTETable(k), keep.rows); err != nil {
				res.Err = mapError(err, "")
				return res, false
			}
		}
	}
	res, _ = runSQL(c, p.main, args, verb)
	if res.Err != nil {
		return res, false
	}
	for _, t := range p.tables {
		if err := c.exec("DROP TABLE " + t); err != nil {
			return StatementResult{Err: mapError(err, "")}, false
		}
	}
	done = true
	return res, false
}

// withPlan is a plan being carried out on one connection.
type withPlan struct {
	w      pgdialect.WithDML
	names  [][]string // the column names each data-modifying item's CTE shows
	tables []string   // the temporary tables created
	main   string     // the main statement as it runs
}

func (p *withPlan) cols(j int) []string { return p.names[j] }

// prepare compiles every part in order, creating each data-modifying
// item's (empty) table, and refuses overlapping parts; nothing of the
// statement runs. c is in a savepoint that the caller undoes or releases.
func (p *withPlan) prepare(c *lconn, args []any) *Error {
	fail := func(sqlText string, err error) *Error {
		if e, ok := err.(*Error); ok {
			return e
		}
		// a compile error: runSQL reports it as it reports the
		// statement's own (nothing runs)
		if r, _ := runSQL(c, sqlText, args, ""); r.Err != nil {
			return mapError(r.Err, sqlText)
		}
		return mapError(err, sqlText)
	}
	var uses []tableUse
	for k, it := range p.w.Items {
		if it.DML == "" {
			continue
		}
		sqlText := p.w.Part(k, p.cols)
		u, st, err := compileUse(c, sqlText)
		if err != nil {
			return fail(sqlText, err)
		}
		u.part = fmt.Sprintf("WITH query %q", it.Name)
		uses = append(uses, u)
		if !it.Returning {
			st.finalize()
			continue
		}
		ddl, shown, e := cteTable(c, k, it, sqlText, st)
		st.finalize()
		if e != nil {
			return e
		}
		// (one left by a failure that could not be undone would fail
		// this node alone)
		if err := c.exec("DROP TABLE IF EXISTS " + pgdialect.CTETable(k) + "; " + ddl); err != nil {
			return mapError(err, "")
		}
		// the statements of an earlier one of this name read other columns
		c.dropCachedReading(pgdialect.CTETable(k))
		p.names[k] = shown
		p.tables = append(p.tables, pgdialect.CTETable(k))
	}
	p.main = p.w.MainSQL(p.cols)
	u, st, err := compileUse(c, p.main)
	if err != nil {
		return fail(p.main, err)
	}
	st.finalize()
	u.part = "the main statement"
	uses = append(uses, u)
	return refuseOverlap(c, uses)
}

// compileUse compiles sqlText under the write allow-list with the
// authorizer recording the tables it reads and writes, and adds what its
// foreign key actions and checks reach. The statement is compiled afresh
// (a cached one would not be authorized again) with foreign key
// enforcement off, so that the authorizer reports only the statement's
// own reads (a foreign key check reads the parent's key columns, which
// cannot be told from a query's), and again as it runs.
func compileUse(c *lconn, sqlText string) (tableUse, *lstmt, error) {
	u := tableUse{reads: map[string]bool{}, writes: map[string]bool{}, cascades: map[string]bool{}, checks: map[string]bool{}}
	ins, upd, del := map[string]bool{}, map[string]bool{}, map[string]bool{}
	c.syncSchema()
	restore := c.enterAuth(authWrite)
	c.auth.touch = func(action int32, table, dbName string) {
		if strings.EqualFold(dbName, "temp") {
			return // the CTEs' tables, the catalog views
		}
		// (a table read for no column, as by count(*), comes without
		// its schema's name)
		t := strings.ToLower(table)
		switch action {
		case lib.SQLITE_READ:
			u.reads[t] = true
		case lib.SQLITE_INSERT:
			ins[t] = true
		case lib.SQLITE_UPDATE:
			upd[t] = true
		case lib.SQLITE_DELETE:
			del[t] = true
		}
	}
	fkOn := foreignKeysEnforced(c, -1)
	if fkOn {
		foreignKeysEnforced(c, 0)
	}
	probe, _, err := c.prepareFresh(sqlText)
	if fkOn {
		foreignKeysEnforced(c, 1)
	}
	c.auth.touch = nil
	if probe != nil {
		probe.finalize()
	}
	var st *lstmt
	if err == nil {
		st, _, err = c.prepareFresh(sqlText)
	}
	restore()
	if err != nil {
		return u, nil, err
	}
	if st == nil {
		return u, nil, errf(CodeSyntaxError, "empty statement in WITH")
	}
	fks, err := foreignKeys(c)
	if err != nil {
		st.finalize()
		return u, nil, err
	}
	for _, m := range []map[string]bool{ins, upd, del} {
		for t := range m {
			u.writes[t] = true
		}
	}
	// Foreign key actions: a change to a parent row changes its children,
	// transitively.
	frontier := keys(upd, del)
	for len(frontier) > 0 {
		p := frontier[0]
		frontier = frontier[1:]
		for _, f := range fks {
			if f.parent == p && f.acts() && !u.cascades[f.child] {
				u.cascades[f.child] = true
				frontier = append(frontier, f.child)
			}
		}
	}
	// Foreign key checks: an inserted or updated child reads its parents,
	// an updated or deleted parent its children.
	for _, f := range fks {
		if ins[f.child] || upd[f.child] || u.cascades[f.child] {
			u.checks[f.parent] = true
		}
		if upd[f.parent] || del[f.parent] || u.cascades[f.parent] {
			u.checks[f.child] = true
		}
	}
	return u, st, nil
}

// foreignKeysEnforced sets whether c enforces foreign keys (on: 1 or 0;
// -1 leaves it) and reports whether it does. Unlike PRAGMA foreign_keys
// this works inside a transaction; it only decides how statements
// compile (it expires the compiled ones, which recompile when next run).
func foreignKeysEnforced(c *lconn, on int32) bool {
	out := libc.Xmalloc(c.tls, 8)
	defer libc.Xfree(c.tls, out)
	*(*int32)(cptr(out)) = 0
	va := libc.NewVaList(on, out)
	lib.Xsqlite3_db_config(c.tls, c.db, lib.SQLITE_DBCONFIG_ENABLE_FKEY, va)
	libc.Xfree(c.tls, va)
	return *(*int32)(cptr(out)) != 0
}

func keys(ms ...map[string]bool) []string {
	var out []string
	for _, m := range ms {
		for k := range m {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// fkEdge is one foreign key: child references parent.
type fkEdge struct {
	child, parent      string
	onUpdate, onDelete string
}

// acts reports a foreign key whose action changes the child rows.
func (f fkEdge) acts() bool {
	for _, a := range []string{f.onUpdate, f.onDelete} {
		switch strings.ToUpper(a) {
		case "CASCADE", "SET NULL", "SET DEFAULT":
			return true
		}
	}
	return false
}

// foreignKeys lists the main schema's foreign keys.
func foreignKeys(c *lconn) ([]fkEdge, error) {
	defer c.enterAuth(authOff)()
	st, _, err := c.prepareCached(`SELECT m.name, f."table", f.on_update, f.on_delete FROM sqlite_schema AS m, pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table' ORDER BY 1, 2`)
	if err != nil {
		return nil, err
	}
	defer st.release()
	var out []fkEdge
	_, err = st.run(nil, func(r []any) error {
		s := func(i int) string { v, _ := r[i].(string); return v }
		out = append(out, fkEdge{child: strings.ToLower(s(0)), parent: strings.ToLower(s(1)), onUpdate: s(2), onDelete: s(3)})
		return nil
	})
	return out, err
}

// refuseOverlap is 0A000 when running the parts in order could give an
// answer PostgreSQL's single snapshot would not (see the comment at the
// top).
func refuseOverlap(c *lconn, uses []tableUse) *Error {
	for j := range uses {
		for i := 0; i < j; i++ {
			for _, t := range keys(uses[i].writes, uses[i].cascades) {
				how := ""
				switch {
				case uses[j].writes[t]:
					how = "also modifies"
				case uses[j].reads[t]:
					how = "reads"
				}
				if how != "" {
					return unsupportedOverlap(fmt.Sprintf("%s %s table %q, which %s modifies", uses[j].part, how, t, uses[i].part))
				}
			}
			for _, t := range keys(uses[i].checks) {
				if uses[j].writes[t] || uses[j].cascades[t] {
					return unsupportedOverlap(fmt.Sprintf("%s modifies table %q, which the foreign key checks of %s read", uses[j].part, t, uses[i].part))
				}
			}
		}
	}
	return nil
}

func unsupportedOverlap(what string) *Error {
	e := errf(CodeFeatureNotSupported, "data-modifying statements in WITH where %s are not supported"+
		" (PostgreSQL runs every part on the data before the statement, raftsql runs them in order)", what)
	e.HintText = "Run the parts as statements of their own in a transaction."
	return e
}

// cteTable is the CREATE TABLE of the temporary table that keeps the
// RETURNING rows of item k (compiled as st from sqlText), and the column
// names its CTE shows: the CTE's column list, then the RETURNING names.
func cteTable(c *lconn, k int, it pgdialect.WithItem, sqlText string, st *lstmt) (string, []string, *Error) {
	n := st.columnCount()
	if len(it.Cols) > n {
		e := errf(CodeInvalidColumnReference, "WITH query %q has %d columns available but %d columns specified",
			it.Name, n, len(it.Cols))
		e.Pos = it.Pos
		return "", nil, e
	}
	infos := make([]colInfo, n)
	for i := range infos {
		infos[i] = newColInfo(st, i)
	}
	resultTypes(c, sqlText, infos)
	decls := keptColumnDecls(c, sqlText, infos, it.OIDs)
	var b strings.Builder
	b.WriteString("CREATE TABLE " + pgdialect.CTETable(k) + " (")
	shown := make([]string, n)
	for i, in := range infos {
		shown[i] = in.name
		if i < len(it.Cols) {
			shown[i] = it.Cols[i]
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "c%d", i+1)
		if decls[i] != "" {
			b.WriteString(" " + decls[i])
		}
	}
	b.WriteString(")")
	return b.String(), shown, nil
}

// keptColumnDecls are the declarations (type and collation) of the
// columns of a temporary table that keeps the result rows of sqlText
// (infos: its result columns, typed by resultTypes; oids: the types the
// translation shows, 0 unknown): each column takes the declared type the
// result column has, or the one its expression has, so that a statement
// reading the table reads values of the same types ("" where none is
// known).
func keptColumnDecls(c *lconn, sqlText string, infos []colInfo, oids []uint32) []string {
	items := returningItems(sqlText)
	decls := fillDeclFromTable(c, sqlText, infos, items)
	table := dmlTable(sqlText)
	out := make([]string, len(infos))
	for i, in := range infos {
		if in.decl != "" {
			out[i] = in.decl
			if coll := columnCollation(c, table, in.name, in.decl); coll != "" {
				out[i] += " COLLATE " + coll
			}
			continue
		}
		// an expression: the type the translation shows, or the one its
		// operands give (as the statement's own description types it)
		oid := in.hint // resulttypes.go: typed at run time
		if oid == 0 && i < len(oids) {
			oid = oids[i]
		}
		if oid == 0 && i < len(items) {
			oid = inferExpr(items[i], decls)
		}
		out[i] = pgdialect.ColumnDecl(oid)
	}
	return out
}

// columnCollation is the collation of table's column col when it is
// declared decl ("" for BINARY, or another column).
func columnCollation(c *lconn, table, col, decl string) string {
	if table == "" {
		return ""
	}
	zt, err := libc.CString(table)
	if err != nil {
		return ""
	}
	defer libc.Xfree(c.tls, zt)
	zc, err := libc.CString(col)
	if err != nil {
		return ""
	}
	defer libc.Xfree(c.tls, zc)
	zm, err := libc.CString("main")
	if err != nil {
		return ""
	}
	defer libc.Xfree(c.tls, zm)
	out := libc.Xmalloc(c.tls, 16)
	defer libc.Xfree(c.tls, out)
	if lib.Xsqlite3_table_column_metadata(c.tls, c.db, zm, zt, zc, out, out+8, 0, 0, 0) != lib.SQLITE_OK {
		return ""
	}
	typ := libc.GoString(*(*uintptr)(cptr(out)))
	coll := libc.GoString(*(*uintptr)(cptr(out + 8)))
	if !strings.EqualFold(typ, decl) || strings.EqualFold(coll, "BINARY") || coll == "" {
		return ""
	}
	return coll
}

// keepRows stores rows in the temporary table (the RETURNING rows of a
// data-modifying item, MERGE's join rows: merge.go).
func keepRows(c *lconn, table string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	defer c.enterAuth(authOff)()
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " VALUES (")
	for i := range rows[0] {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "?%d", i+1)
	}
	b.WriteString(")")
	st, _, err := c.prepareFresh(b.String())
	if err != nil {
		return err
	}
	defer st.finalize()
	for _, r := range rows {
		_, err := st.run(r, nil)
		st.reset()
		if err != nil {
			return err
		}
	}
	return nil
}
