package sqlexec

import (
	"fmt"
	"sort"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// TRUNCATE with PostgreSQL's foreign-key rules (pgdialect/truncate.go marks
// the statements). Before SQLite runs the marked DELETE FROM t,
// prepareTruncate looks at the schema inside the entry, identically on
// every node:
//
//   - a table referencing one the statement names, and not named itself,
//     refuses the statement without CASCADE (0A000, as PostgreSQL words
//     it), whether or not it holds rows: the rule is about the schema;
//   - the tables referencing t that are truncated with it (named, or with
//     CASCADE any, recursively) are emptied first, the most dependent
//     first, so deleting t's rows finds no referencing row: no ON DELETE
//     action fires and no foreign key refuses. With RESTART IDENTITY the
//     sequences of the tables CASCADE adds restart too.

// prepareTruncate checks the TRUNCATE t belongs to and empties the tables
// that reference t and are truncated with it, on the connection that then
// runs t's DELETE.
func prepareTruncate(c *lconn, t pgdialect.Truncate) *Error {
	objs, err := func() ([]schemaObject, error) {
		defer c.enterAuth(authOff)()
		return schemaObjects(c)
	}()
	if err != nil {
		return mapError(err, "")
	}
	inSet := func(name string) bool {
		for _, s := range t.Set {
			if strings.EqualFold(s, name) {
				return true
			}
		}
		return false
	}
	// referencing(name): the tables other than name with a foreign key to it
	referencing := func(name string) []string {
		var out []string
		for _, o := range objs {
			if o.typ != "table" || strings.EqualFold(o.name, name) {
				continue
			}
			for _, fk := range pgdialect.ForeignKeys(o.sql) {
				if strings.EqualFold(fk.RefTable, name) {
					out = append(out, o.name)
					break
				}
			}
		}
		return out
	}
	if !t.Cascade {
		for _, s := range t.Set {
			for _, r := range referencing(s) {
				if !inSet(r) {
					return &Error{Code: CodeFeatureNotSupported, Statement: -1,
						Message:    "cannot truncate a table referenced in a foreign key constraint",
						DetailText: fmt.Sprintf("Table %q references %q.", r, s),
						HintText:   fmt.Sprintf("Truncate table %q at the same time, or use TRUNCATE ... CASCADE.", r)}
				}
			}
		}
	}
	if t.Cascade && len(t.Set) > 0 && strings.EqualFold(t.Table, t.Set[0]) {
		cascadeNotices(c, t.Set, objs, referencing)
	}
	// The referencing tables, the most dependent first, t last.
	var order []string
	seen := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		seen[strings.ToLower(name)] = true
		for _, r := range referencing(name) {
			if !seen[strings.ToLower(r)] {
				visit(r)
			}
		}
		order = append(order, name)
	}
	visit(t.Table)
	defer c.enterAuth(authWrite)() // the allow-list, as for t's DELETE
	for _, name := range order[:len(order)-1] {
		if err := c.exec("DELETE FROM " + quoteIdent(name)); err != nil {
			return mapError(err, "")
		}
		if t.Restart && !inSet(name) { // the named tables' restart is in the statement
			if err := c.exec(pgdialect.TruncateIdentity(name)); err != nil {
				return mapError(err, "")
			}
		}
	}
	return nil
}

// cascadeNotices reports, once per statement (for its first table), the
// tables CASCADE adds to the named ones as PostgreSQL does: breadth
// first, each round in creation order (PostgreSQL's OID order; here the
// order of sqlite_schema, objs).
func cascadeNotices(c *lconn, named []string, objs []schemaObject, referencing func(string) []string) {
	rank := map[string]int{}
	for i, o := range objs {
		rank[strings.ToLower(o.name)] = i
	}
	seen := map[string]bool{}
	for _, n := range named {
		seen[strings.ToLower(n)] = true
	}
	round := named
	for len(round) > 0 {
		var next []string
		for _, n := range round {
			for _, r := range referencing(n) {
				if !seen[strings.ToLower(r)] {
					seen[strings.ToLower(r)] = true
					next = append(next, r)
				}
			}
		}
		sort.Slice(next, func(i, j int) bool { return rank[strings.ToLower(next[i])] < rank[strings.ToLower(next[j])] })
		for _, r := range next {
			c.addNotice("00000", "", "truncate cascades to table \"%s\"", r)
		}
		round = next
	}
}
