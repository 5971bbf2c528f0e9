package sqlexec

// MERGE at apply (pgdialect/merge.go plans it).
//
// The join is evaluated once, before anything changes, and its acting
// rows are kept in a temporary table of the apply connection; then each
// action runs as the ordinary INSERT, UPDATE or DELETE it is, reading the
// kept rows, under the write allow-list and with every check those
// statements make. All of it runs in one savepoint, undone on any error,
// so the statement is atomic; the temporary table is dropped before the
// savepoint is released (and undone with it on error), so nothing of it
// outlives the statement or reaches the replicated database.
//
// PostgreSQL acts on each source row as the join produces it; here the
// join's rows are acted on in the source's order (the matched rows and
// the others as the source gives them, mergeJoin), each run of rows of
// one WHEN clause by one statement (runMergeSteps). Which target row each source row acts
// on, and how, is decided before any runs, as PostgreSQL decides it on
// the statement's snapshot, so the rows written are the same; what can
// differ is which error a statement that fails reports when it has
// several, and which serial values inserted rows take where PostgreSQL's
// plan gives the rows in another order.

import (
	"context"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// runMerge carries out the plan m on the apply connection c.
func runMerge(c *lconn, m pgdialect.Merge, args []any) (res StatementResult, readonly bool) {
	if c.replicatedMode() != authWrite || c.auth == nil {
		res.Err = errf(CodeReadOnlyTransaction, "cannot execute MERGE in a read-only transaction")
		return res, false
	}
	defer c.enterAuth(authOff)() // raftsql's own statements; the parts enter the write policy
	if err := c.exec("SAVEPOINT raftsql_merge"); err != nil {
		res.Err = mapError(err, "")
		return res, false
	}
	done := false
	defer func() {
		if !done {
			_ = c.exec("ROLLBACK TO raftsql_merge")
		}
		_ = c.exec("RELEASE raftsql_merge")
	}()
	fail := func(e *Error) (StatementResult, bool) {
		if e != nil {
			e.Pos = 0 // a position in a part, not in the client's statement
		}
		return StatementResult{Err: e}, false
	}
	infos, rows, e := mergeJoin(c, m, args)
	if e != nil {
		return fail(e)
	}
	if e := mergeTwice(m, rows); e != nil {
		return fail(e)
	}
	kept := mergeKeptParts(m, infos)
	if e := keepMergeRows(c, m, infos, kept); e != nil {
		return fail(e)
	}
	n, e := runMergeSteps(c, m, kept, rows, args)
	if e != nil {
		return fail(e)
	}
	for k := range kept {
		if err := c.exec("DROP TABLE " + pgdialect.MergeRelTable(k)); err != nil {
			return fail(mapError(err, ""))
		}
	}
	done = true
	res.RowsAffected = n
	res.Tag = makeTag("MERGE", n)
	return res, false
}

// mergeJoin evaluates the join's rows (under the write allow-list, as
// the user's expressions are), keeping those that act.
func mergeJoin(c *lconn, m pgdialect.Merge, args []any) ([]colInfo, [][]any, *Error) {
	var infos []colInfo
	var got [2][][]any // Match's rows, NoMatch's
	for k, q := range []string{m.Match, m.NoMatch} {
		if q == "" {
			continue
		}
		var keep keptRows
		r, _ := runSQLKeep(c, q, args, "SELECT", &keep)
		if r.Err != nil {
			return nil, nil, mapError(r.Err, "")
		}
		if infos == nil {
			infos = keep.infos
		}
		got[k] = keep.rows
	}
	// NoMatch's rows in the places Match marks for them (in the source's
	// order), the rest after Match's (a plan without marks)
	var rows [][]any
	next := 0
	keep := func(row []any) {
		if mergeAct(row) != 0 {
			rows = append(rows, row)
		}
	}
	for _, row := range got[0] {
		if mergeAct(row) != pgdialect.MergeUnmatched {
			keep(row)
		} else if next < len(got[1]) {
			keep(got[1][next])
			next++
		}
	}
	for _, row := range got[1][next:] {
		keep(row)
	}
	return infos, rows, nil
}

// mergeAct is the WHEN clause a join row acts by (0: none).
func mergeAct(row []any) int {
	if len(row) < 2 {
		return 0
	}
	switch v := row[1].(type) {
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

// mergeTwice is PostgreSQL's 21000 when a target row would be updated or
// deleted by more than one source row.
func mergeTwice(m pgdialect.Merge, rows [][]any) *Error {
	acting := map[int]bool{}
	for _, k := range m.Acting {
		acting[k] = true
	}
	seen := map[int64]bool{}
	for _, r := range rows {
		tid, ok := r[0].(int64)
		if !ok || !acting[mergeAct(r)] {
			continue
		}
		if seen[tid] {
			e := errf("21000", "MERGE command cannot affect row a second time")
			e.HintText = "Ensure that not more than one source row matches any one target row."
			return e
		}
		seen[tid] = true
	}
	return nil
}

// runMergeSteps runs the plan's actions on the join's acting rows and
// returns the number of rows they changed.
//
// A plan made Ordered acts on the rows in the join's order, as
// PostgreSQL's MERGE acts on each row as its join produces it: each run
// of consecutive rows of one WHEN clause is kept alone and its clause's
// action runs on it, so serial values are drawn, and keys freed and
// taken, in that order. The actions of clauses no row takes run once on
// no rows first, for the errors PostgreSQL reports when it plans them
// (an unknown column, an assignment's type). A plan without Ordered was
// logged by an earlier version and applies as it did then: each action
// once over all its rows, in the plan's order.
func runMergeSteps(c *lconn, m pgdialect.Merge, kept [][2]int, rows [][]any, args []any) (int64, *Error) {
	perClause := map[int]int{}
	for _, r := range rows {
		perClause[mergeAct(r)]++
	}
	var n int64
	run := func(s pgdialect.MergeStep, times int) *Error {
		for range times {
			r, _ := runSQL(c, s.SQL, args, s.Verb)
			if r.Err != nil {
				return mapError(r.Err, "")
			}
			n += r.RowsAffected
		}
		return nil
	}
	if !m.Ordered {
		if e := keepMergeBatch(c, kept, rows, false); e != nil {
			return 0, e
		}
		for _, s := range m.Steps {
			times := 1
			if s.Each {
				times = perClause[s.Clause]
			}
			if e := run(s, times); e != nil {
				return 0, e
			}
		}
		return n, nil
	}
	for _, s := range m.Steps {
		if perClause[s.Clause] == 0 && !s.Each {
			if e := run(s, 1); e != nil {
				return 0, e
			}
		}
	}
	for lo := 0; lo < len(rows); {
		k := mergeAct(rows[lo])
		hi := lo + 1
		for hi < len(rows) && mergeAct(rows[hi]) == k {
			hi++
		}
		if e := keepMergeBatch(c, kept, rows[lo:hi], lo > 0); e != nil {
			return 0, e
		}
		for _, s := range m.Steps {
			if s.Clause != k {
				continue
			}
			times := 1
			if s.Each {
				times = hi - lo
			}
			if e := run(s, times); e != nil {
				return 0, e
			}
		}
		lo = hi
	}
	return n, nil
}

// mergeKeptParts are the column ranges of the join's rows kept in each
// temporary table: all of them, or for a joined source one range per
// relation, the first with MergeTID and MergeAct (pgdialect/mergesource.go).
func mergeKeptParts(m pgdialect.Merge, infos []colInfo) [][2]int {
	if m.Rels == 0 {
		return [][2]int{{0, len(infos)}}
	}
	var out [][2]int
	lo := 0
	for i, in := range infos {
		if in.name == pgdialect.MergeRelMark && i >= 2 {
			out = append(out, [2]int{lo, i})
			lo = i + 1
		}
	}
	return append(out, [2]int{lo, len(infos)})
}

// keepMergeRows creates the (empty) temporary tables of the join's rows,
// one for each part of kept, their columns named and typed as the
// join's (and, for a joined source, numbered by MergeRow).
func keepMergeRows(c *lconn, m pgdialect.Merge, infos []colInfo, kept [][2]int) *Error {
	sqlText := m.Match
	restore := c.enterAuth(authOff)
	defer restore()
	oids := m.OIDs
	if m.Rels > 0 {
		// each relation's types in its columns' places (markers unknown)
		oids = make([]uint32, len(infos))
		for k, part := range kept {
			lo := part[0]
			if k == 0 {
				lo += 2 // MergeTID, MergeAct
			}
			if k < len(m.RelOIDs) && len(m.RelOIDs[k]) == part[1]-lo {
				copy(oids[lo:], m.RelOIDs[k])
			}
		}
	}
	decls := keptColumnDecls(c, sqlText, infos, oids)
	for k, part := range kept {
		table := pgdialect.MergeRelTable(k)
		var b strings.Builder
		b.WriteString("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (")
		for i := part[0]; i < part[1]; i++ {
			if i > part[0] {
				b.WriteString(", ")
			}
			b.WriteString(quoteIdent(infos[i].name))
			if i >= 2 && decls[i] != "" {
				b.WriteString(" " + decls[i])
			}
		}
		if m.Rels > 0 {
			b.WriteString(", " + pgdialect.MergeRow + " INTEGER PRIMARY KEY")
		}
		b.WriteString(")")
		// (one left by a failure that could not be undone would fail this
		// node alone)
		if err := c.exec(b.String()); err != nil {
			if strings.Contains(err.Error(), "duplicate column name") {
				return Unsupported("MERGE with a data source that has two columns of one name")
			}
			return mapError(err, "")
		}
		// the statements of an earlier MERGE read other columns
		c.dropCachedReading(table)
	}
	return nil
}

// keepMergeBatch stores rows in the tables of kept (emptied first when
// clear), each row's part in its table, numbered alike in every table.
func keepMergeBatch(c *lconn, kept [][2]int, rows [][]any, clear bool) *Error {
	for k, part := range kept {
		table := pgdialect.MergeRelTable(k)
		if clear {
			if err := c.exec("DELETE FROM " + table); err != nil {
				return mapError(err, "")
			}
		}
		these := rows
		if len(kept) > 1 {
			these = make([][]any, len(rows))
			for n, r := range rows {
				these[n] = append(r[part[0]:part[1]:part[1]], int64(n+1))
			}
		}
		if err := keepRows(c, table, these); err != nil {
			return mapError(err, "")
		}
	}
	return nil
}

// checkMergeIdentity refuses a MERGE whose INSERT or UPDATE action gives
// a GENERATED ALWAYS column an explicit value, as checkIdentity refuses
// the statement the action stands for.
func (s *Session) checkMergeIdentity(ctx context.Context, sql string) error {
	for _, a := range pgdialect.MergeActions(sql) {
		if err := s.checkIdentity(ctx, a); err != nil { // identity.go
			return err
		}
	}
	return nil
}

// refuseMergeView is PostgreSQL's error for a view as MERGE's target,
// read from the local schema (the plan would name the view's rowid, which
// it has none of).
func (s *Session) refuseMergeView(ctx context.Context, sql string) error {
	table := pgdialect.MergeTarget(sql)
	if table == "" {
		return nil
	}
	view := false
	err := s.readSchema(ctx, func(c *lconn) error {
		c.syncSchema()
		n, _, err := queryInt(c, "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name = ?1 COLLATE NOCASE", table)
		view = n > 0
		return err
	})
	if err != nil || !view {
		return nil // nothing known here: the statement's own error
	}
	e := errf(CodeFeatureNotSupported, "cannot execute MERGE on relation \"%s\"", table)
	e.DetailText = "This operation is not supported for views."
	return e
}

// completeMerge gives each INSERT VALUES action of a MERGE without a
// column list the list of the target's leading columns its values fill,
// read from the local schema (as fillColumnList completes an INSERT).
// The columns are part of the statement every node applies.
func (s *Session) completeMerge(ctx context.Context, sql string) string {
	table, ok := pgdialect.MergeColumnless(sql)
	if !ok {
		return sql
	}
	names, _, err := s.insertColumns(ctx, table)
	if err != nil || len(names) == 0 {
		return sql // an unknown table: SQLite's error names it
	}
	return pgdialect.MergeAddColumns(sql, names)
}

// mergeUserValues gives each INSERT OVERRIDING USER VALUE action of a
// MERGE the DEFAULT PostgreSQL takes for its identity columns' values,
// the columns read from the local schema (as completeMerge reads the
// columns), and drops the clause (pgdialect/mergeuservalue.go). The
// rewritten actions are part of the statement every node applies.
func (s *Session) mergeUserValues(ctx context.Context, sql string) string {
	table, ok := pgdialect.MergeUserValue(sql)
	if !ok {
		return sql
	}
	var tableSQL []string
	err := s.readSchema(ctx, func(c *lconn) error {
		c.syncSchema()
		var err error
		tableSQL, err = queryStrings(c, "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1 COLLATE NOCASE", table)
		return err
	})
	if err != nil || len(tableSQL) != 1 {
		return sql // an unknown table: the translation's error names it
	}
	return pgdialect.MergeDropUserValues(sql, func(col string) bool { return pgdialect.IdentityColumn(tableSQL[0], col) })
}
