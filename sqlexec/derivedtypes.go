package sqlexec

import (
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Result columns that read the columns of subqueries, CTEs and views
// (pgdialect/derivedrefs.go): SQLite declares a type for such a column
// only when the relation's column reads a table's; one the relation
// computes (an aggregate, a constant, a window function) takes the type
// its query gives it, the query described as a statement of its own, the
// way any statement is (resultTypes), as PostgreSQL does.

// maxDeriving bounds the nesting of relations described for one
// statement (a recursive CTE's query reads the CTE itself).
const maxDeriving = 4

// derivedTypes sets the hint of each untyped result column of sqlText that
// is a bare reference to a column (or a star over the columns) of a FROM
// item whose columns can be described: a subquery, a CTE, a view, a table.
func derivedTypes(c *lconn, sqlText string, infos []colInfo) {
	if !untyped(infos) || c.deriving >= maxDeriving || !pgdialect.MentionsDerived(sqlText) {
		return
	}
	q := pgdialect.DerivedColumns(sqlText)
	if q == nil {
		return
	}
	c.deriving++
	defer func() { c.deriving-- }()
	rels := make([][]colInfo, len(q.Rels))
	done := make([]bool, len(q.Rels))
	relCols := func(k int) []colInfo {
		if !done[k] {
			done[k] = true
			rels[k] = describeRel(c, q.Rels[k])
		}
		return rels[k]
	}
	set := func(i int, from colInfo) {
		in := &infos[i]
		if in.decl != "" || in.hint != 0 {
			return
		}
		if o, m := typeFromDeclMod(from.decl); o != 0 {
			in.hint, in.hintMod = o, m
		} else if from.hint != 0 {
			in.hint, in.hintMod = from.hint, from.hintMod
		}
	}
	col := 0
	for _, it := range q.Items {
		if col >= len(infos) {
			return
		}
		switch {
		case it.Star:
			ks := []int{it.Rel}
			if it.Rel < 0 {
				ks = ks[:0]
				for k := range q.Rels {
					ks = append(ks, k)
				}
			}
			for _, k := range ks {
				cols := relCols(k)
				if cols == nil {
					return // its width is not known: the columns after it neither
				}
				for _, ci := range cols {
					if col < len(infos) {
						set(col, ci)
					}
					col++
				}
			}
			continue
		case it.Type != 0:
			set(col, colInfo{hint: it.Type, hintMod: -1})
		case it.Col != "" && infos[col].decl == "" && infos[col].hint == 0:
			if ci, ok := relColumn(q, it, relCols); ok {
				set(col, ci)
			}
		}
		col++
	}
}

// relColumn is the column item it reads: of its relation, or of the one
// relation that has a column of its name (none when a relation's columns
// are not known: it could be that one's).
func relColumn(q *pgdialect.DerivedQuery, it pgdialect.DerivedItem, relCols func(int) []colInfo) (colInfo, bool) {
	var found colInfo
	n := 0
	for k, r := range q.Rels {
		if it.Rel >= 0 && k != it.Rel {
			continue
		}
		cols := relCols(k)
		if cols == nil {
			return colInfo{}, false
		}
		names := make([]string, len(cols))
		for i, ci := range cols {
			names[i] = ci.name
		}
		if i := pgdialect.ColumnIndex(names, r.Cols, it.Col); i >= 0 {
			found = cols[i]
			n++
		}
	}
	return found, n == 1
}

// describeRel describes the columns of a FROM item: its query's result
// columns, typed as a statement's are; nil when they cannot be known (a
// function, a correlated subquery, a name that is not a relation).
func describeRel(c *lconn, r pgdialect.DerivedRel) []colInfo {
	if r.Types != nil {
		// a json table function the dialect typed (jsonb_each(t.doc)
		// after the table it reads): no statement of its own
		cols := make([]colInfo, len(r.Columns))
		for i := range cols {
			cols[i] = colInfo{name: r.Columns[i], hint: r.Types[i], hintMod: -1}
		}
		return cols
	}
	sqlText, hints := r.SQL, colHints{}
	var names []string
	if r.SQL == "" && r.Name != "" {
		sqlText = "SELECT * FROM " + quoteIdent(r.Name)
		if q, ok := viewQuery(c, r.Name); ok {
			// a view: the columns of its query as the dialect translates
			// it today (with the hints of its constants), under the
			// view's own column names
			st, err := pgdialect.Translate(q)
			if err != nil || st.Kind != pgdialect.KindQuery || len(st.Exec) != 1 {
				return nil
			}
			if names = columnNames(c, sqlText); names == nil {
				return nil
			}
			sqlText, hints = st.Exec[0], stmtHints(st)
		}
	}
	if sqlText == "" {
		return nil
	}
	cols := describeSQL(c, sqlText, hints)
	if names != nil {
		if len(names) != len(cols) {
			return nil
		}
		for i := range cols {
			cols[i].name = names[i]
		}
	}
	return cols
}

// describeSQL compiles the SQLite query sqlText and describes its result
// columns; nil when it does not compile alone.
func describeSQL(c *lconn, sqlText string, hints colHints) []colInfo {
	st, _, err := c.prepareCached(sqlText)
	if err != nil || st == nil {
		return nil
	}
	defer st.release()
	infos := make([]colInfo, st.columnCount())
	var consts []uint32
	for i := range infos {
		infos[i] = newColInfo(st, i)
		infos[i].setHint(hints, i)
		if infos[i].decl == "" && infos[i].hint == 0 {
			// a constant of the query (SELECT 1 AS s): its type, which the
			// translation gave the statement it was part of
			if consts == nil {
				consts = pgdialect.ItemTypes(sqlText)
			}
			if i < len(consts) {
				infos[i].hint = consts[i]
			}
		}
	}
	resultTypes(c, sqlText, infos)
	return infos
}

// columnNames are the names of the result columns of the SQLite query
// sqlText, nil when it does not compile.
func columnNames(c *lconn, sqlText string) []string {
	st, _, err := c.prepareCached(sqlText)
	if err != nil || st == nil {
		return nil
	}
	defer st.release()
	names := make([]string, st.columnCount())
	for i := range names {
		names[i] = st.columnName(i)
	}
	return names
}

// viewQuery is the PostgreSQL text of the query of view name, false when
// name is no view (or one that keeps no text).
func viewQuery(c *lconn, name string) (string, bool) {
	st, _, err := c.prepareCached("SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = ?1 COLLATE NOCASE")
	if err != nil || st == nil {
		return "", false
	}
	defer st.release()
	var createSQL string
	_, _ = st.run([]any{name}, func(r []any) error {
		createSQL, _ = r[0].(string)
		return nil
	})
	if createSQL == "" {
		return "", false
	}
	return pgdialect.ViewQuery(createSQL)
}
