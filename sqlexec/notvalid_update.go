package sqlexec

import (
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL tests each row an UPDATE writes against every CHECK of its
// table, NOT VALID ones too (23514); SQLite tests only the CHECKs that
// read a column the statement assigns, so a row that breaks a CHECK added
// NOT VALID took an update of its other columns. An UPDATE or upsert of a
// table with such CHECKs is compiled with the columns they read assigned
// their own values first (pgdialect/notvalid_update.go), so SQLite tests
// them on every row it writes, and only on those. The statement depends
// on the text and the main schema the apply connection sees, so every node
// runs the same one; it is made when the statement is compiled
// (convertCompiled), once per cached statement, and only tables with such
// CHECKs pay anything: the tables are read once per schema version.

// notValidTables maps a table with CHECKs added NOT VALID (lower-cased)
// to the assignments that make SQLite test them: `"c" = ` followed by the
// row's name and `."c"` for each column they read.
type notValidTables map[string][]string

// notValidUpdate is sqlText with the assignments of its UPDATE's table's
// NOT VALID CHECK columns, or "" when it needs none.
func notValidUpdate(c *lconn, sqlText string) string {
	if !c.soleWriter {
		return "" // only the apply connection writes the database
	}
	nv := c.notValidChecks()
	if len(nv) == 0 {
		return ""
	}
	table, row, at, ok := pgdialect.UpdateSet(sqlText)
	if !ok {
		return ""
	}
	cols := nv[strings.ToLower(table)]
	if len(cols) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(sqlText[:at])
	for _, col := range cols {
		b.WriteString(" " + quoteIdent(col) + " = " + row + "." + quoteIdent(col) + ",")
	}
	b.WriteString(sqlText[at:])
	return b.String()
}

// notValidChecks is the main schema's tables with CHECKs added NOT VALID,
// read once per schema version (dropCache forgets it).
func (c *lconn) notValidChecks() notValidTables {
	if c.notValid != nil {
		return *c.notValid
	}
	nv := notValidTables{}
	c.notValid = &nv
	defer c.enterAuth(authOff)() // raftsql's own catalog reads
	rows, err := notValidRows(c, "SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND instr(sql, '/*pg_not_valid*/') > 0")
	if err != nil {
		return nv
	}
	for _, r := range rows {
		name, _ := r[0].(string)
		createSQL, _ := r[1].(string)
		checks := pgdialect.NotValidCheckIdents(createSQL)
		if len(checks) == 0 {
			continue
		}
		if cols := notValidColumns(c, name, checks); len(cols) > 0 {
			nv[strings.ToLower(name)] = cols
		}
	}
	return nv
}

// notValidColumns is the columns of table whose assignment makes SQLite
// test checks (each the identifiers of one CHECK): the stored columns
// each reads; for one that reads none (a constant, or generated columns
// only, which SQLite counts as assigned when a column they read is), every
// stored column.
func notValidColumns(c *lconn, table string, checks [][]string) []string {
	rows, err := notValidRows(c, "SELECT name, hidden FROM pragma_table_xinfo(?1) ORDER BY cid", table)
	if err != nil {
		return nil
	}
	stored := map[string]string{} // lower-cased -> as declared
	var all []string
	for _, r := range rows {
		name, _ := r[0].(string)
		if h, _ := r[1].(int64); h != 0 {
			continue // generated (2, 3) or hidden: not assignable
		}
		stored[strings.ToLower(name)] = name
		all = append(all, name)
	}
	var cols []string
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			cols = append(cols, name)
		}
	}
	for _, idents := range checks {
		reads := false
		for _, id := range idents {
			if name, ok := stored[strings.ToLower(id)]; ok {
				add(name)
				reads = true
			}
		}
		if !reads {
			for _, name := range all {
				add(name)
			}
		}
	}
	return cols
}

// notValidRows is the rows of one of notValidChecks' catalog reads.
func notValidRows(c *lconn, sqlText string, args ...any) ([][]any, error) {
	st, _, err := c.prepareFresh(sqlText)
	if err != nil || st == nil {
		return nil, err
	}
	defer st.finalize()
	var out [][]any
	_, err = st.run(args, func(r []any) error {
		out = append(out, append([]any(nil), r...))
		return nil
	})
	return out, err
}
