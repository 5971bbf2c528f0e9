package sqlexec

import (
	"sync"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL's 42803 for a column neither grouped nor aggregated
// (pgdialect/groupcheck.go), checked on the SQLite text once SQLite has
// compiled it: every statement that runs passes here (reads, writes at
// apply, replays), so the refusal is the statement's result on every
// node. The answer depends only on the text and the schema.

// prepareUser is prepareCached for a client's statement: one that
// compiles is also held to PostgreSQL's grouping rule. (raftsql's own
// statements and the type probes derived from a client's, which replace
// aggregate calls by their arguments, are not.)
func (c *lconn) prepareUser(sqlText string) (*lstmt, string, error) {
	st, tail, err := c.prepareCached(sqlText)
	if err != nil || st == nil {
		return st, tail, err
	}
	if st, err = c.convertCompiled(st, tail); err != nil || st == nil { // compiledconvert.go
		return nil, "", err
	}
	if st.groupChecked {
		return st, tail, nil
	}
	if e := compiledChecks(c, sqlText); e != nil {
		st.release()
		return nil, "", e
	}
	st.groupChecked = true
	return st, tail, nil
}

// compiledChecks are PostgreSQL's refusals that the SQLite text of a
// statement that compiled is held to (groupChecked covers all four).
func compiledChecks(c *lconn, sqlText string) *Error {
	if e := groupCheck(c, sqlText); e != nil {
		return e
	}
	if e := typeCompareCheck(c, sqlText); e != nil { // typecompare.go
		return e
	}
	if e := concatCheck(c, sqlText); e != nil { // concatcheck.go
		return e
	}
	return assignCheck(c, sqlText) // assigncheck.go
}

// groupCheck returns the 42803 error for sqlText, or nil.
func groupCheck(c *lconn, sqlText string) *Error {
	// the catalog reads are raftsql's own, outside the user's allow-list
	restore := c.enterAuth(authOff)
	u, ok := pgdialect.CheckGrouping(sqlText, liteGroupCatalog{c})
	restore()
	if !ok {
		return nil
	}
	e := &Error{Code: "42803", Message: u.Message(), Statement: -1}
	e.lite.sql, e.lite.off = sqlText, u.Off // fixPosition places it in the client's text
	return e
}

// liteGroupCatalog answers the check from the connection's schema.
type liteGroupCatalog struct{ c *lconn }

// TableColumns reads the columns of a table or view and its keys: SQLite's
// PRIMARY KEY, and the unique indexes made by CREATE INDEX, which is how a
// primary key added by ALTER TABLE is kept (a UNIQUE column's automatic
// index is not one: PostgreSQL's dependency needs the primary key).
func (g liteGroupCatalog) TableColumns(name string) ([]string, [][]string, bool) {
	type answer struct {
		cols []string
		keys [][]string
		ok   bool
	}
	a := catalogRead(g.c, "columns\x00"+name, func() answer {
		cols, keys, ok := tableColumnsKeys(g.c, name)
		return answer{cols, keys, ok}
	})
	return a.cols, a.keys, a.ok
}

// tableColumnsKeys reads TableColumns' answer.
func tableColumnsKeys(c *lconn, name string) ([]string, [][]string, bool) {
	g := liteGroupCatalog{c}
	cols, err := queryStrings(g.c, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", name)
	if err != nil || len(cols) == 0 {
		return nil, nil, false
	}
	var keys [][]string
	if pk, err := queryStrings(g.c, "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk", name); err != nil {
		return nil, nil, false
	} else if len(pk) > 0 {
		keys = append(keys, pk)
	}
	idx, err := queryStrings(g.c, `SELECT name FROM pragma_index_list(?1) WHERE "unique" AND origin = 'c' AND NOT partial`, name)
	if err != nil {
		return nil, nil, false
	}
	for _, ix := range idx {
		k, err := queryStrings(g.c, "SELECT name FROM pragma_index_info(?1) ORDER BY seqno", ix)
		if err != nil {
			return nil, nil, false
		}
		keys = append(keys, k) // an expression's column is NULL: the key stays ungrouped
	}
	return cols, keys, true
}

// aggregateNames: SQLite's aggregate and window functions, the built-in
// ones and those raftsql registers (the same on every connection).
var aggregateNames struct {
	once  sync.Once
	names map[string]bool
}

// Aggregate reports whether name is an aggregate or window function.
func (g liteGroupCatalog) Aggregate(name string) bool {
	aggregateNames.once.Do(func() {
		names, _ := queryStrings(g.c, "SELECT DISTINCT name FROM pragma_function_list WHERE type IN ('a', 'w')")
		aggregateNames.names = make(map[string]bool, len(names))
		for _, n := range names {
			aggregateNames.names[n] = true
		}
	})
	return aggregateNames.names[name]
}
