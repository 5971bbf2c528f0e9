package sqlexec

import (
	"fmt"
	"sort"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// DROP TABLE with PostgreSQL's dependency rules (pgdialect/drop.go marks
// the statements). Before SQLite runs a marked DROP TABLE t, prepareDrop
// looks at the schema, identically on every node since it runs inside the
// entry at its log position:
//
//   - foreign keys of other tables referencing t and views naming t are
//     dependents; without CASCADE they refuse the DROP (2BP01, as
//     PostgreSQL words it). Tables dropped by the same statement are not
//     dependents.
//   - with CASCADE (or for a referencing table of the same statement) the
//     foreign-key clauses are removed from the referencing table's
//     definition, and dependent views are dropped.
//
// Removing the clauses first is what keeps rows safe: SQLite's DROP TABLE
// runs an implicit DELETE FROM t, which would fire ON DELETE CASCADE/SET
// NULL/SET DEFAULT in the referencing tables. With no clause left there is
// nothing to fire. A foreign-key clause is not part of the stored rows, so
// it is removed by editing the table's sqlite_schema entry under
// writable_schema and bumping the schema version, SQLite's documented
// procedure for constraint-only changes (PRAGMA foreign_keys cannot be
// switched off inside the entry's transaction, and a table rebuild would
// itself drop a table).

// CodeDependentObjects is dependent_objects_still_exist.
const CodeDependentObjects = "2BP01"

// dependent is one object that depends on the dropped table.
type dependent struct {
	kind  string // "constraint", "view" or "column" (a generated one)
	name  string // constraint or view name
	table string // the table holding the constraint
	on    string // what it depends on: "table t" or "view v"
	sql   string // the table's definition without the clauses (constraints)
}

func (d dependent) String() string {
	return d.object() + " depends on " + d.on
}

// object names the dependent as PostgreSQL's messages do (a relation's
// name quoted where it needs quotes, a constraint's as it is).
func (d dependent) object() string {
	switch d.kind {
	case "constraint":
		return fmt.Sprintf("constraint %s on table %s", d.name, pgdialect.QuoteIdentifier(d.table))
	case "column":
		return fmt.Sprintf("column %s of table %s", d.name, pgdialect.QuoteIdentifier(d.table))
	}
	return "view " + pgdialect.QuoteIdentifier(d.name)
}

// prepareDrop checks (and with CASCADE removes) the dependents of the
// table d drops, on the connection that then runs the DROP.
func prepareDrop(c *lconn, d pgdialect.DropTable) *Error {
	defer c.enterAuth(authOff)()
	objs, err := schemaObjects(c)
	if err != nil {
		return mapError(err, "")
	}
	kind := "table"
	if d.View {
		kind = "view"
	}
	var target *schemaObject
	for i := range objs {
		if objs[i].typ == kind && strings.EqualFold(objs[i].name, d.Table) {
			target = &objs[i]
		}
	}
	if target == nil {
		return nil // SQLite reports the missing table (or IF EXISTS skips it)
	}
	inSet := func(name string) bool {
		for _, s := range d.Set {
			if strings.EqualFold(s, name) {
				return true
			}
		}
		return false
	}
	var deps []dependent     // reported and, with CASCADE, removed
	var rewrite []dependent  // foreign keys to remove (deps and same-statement tables)
	var views []schemaObject // views to drop with CASCADE
	for _, o := range objs {
		if o.typ != "table" || o == *target || d.View {
			continue
		}
		stripped, removed := pgdialect.RemoveForeignKeys(o.sql, target.name)
		if !removed {
			continue
		}
		for _, fk := range pgdialect.ForeignKeys(o.sql) {
			if !strings.EqualFold(fk.RefTable, target.name) {
				continue
			}
			dep := dependent{kind: "constraint", name: pgdialect.FKConstraintName(o.name, fk), table: o.name, on: "table " + target.name, sql: stripped}
			if !inSet(o.name) {
				deps = append(deps, dep)
			}
		}
		rewrite = append(rewrite, dependent{table: o.name, sql: stripped})
	}
	// Views reading the table, then views reading those views, ...
	reads := pgdialect.ReferencesName // an entry of an older version (ParseDropTable)
	if d.ByRelation {
		reads = pgdialect.ReadsRelation
	}
	names := map[string]string{strings.ToLower(target.name): kind + " " + target.name}
	for changed := true; changed; {
		changed = false
		for _, o := range objs {
			if o.typ != "view" || names[strings.ToLower(o.name)] != "" {
				continue
			}
			for _, what := range sortedNames(names) {
				if reads(o.sql, what.name) {
					names[strings.ToLower(o.name)] = "view " + o.name
					if !inSet(o.name) {
						deps = append(deps, dependent{kind: "view", name: o.name, on: what.desc})
					}
					views = append(views, o)
					changed = true
					break
				}
			}
		}
	}
	if len(deps) > 0 && !d.Cascade {
		lines := make([]string, len(deps))
		for i, dep := range deps {
			lines[i] = dep.String()
		}
		return &Error{Code: CodeDependentObjects, Statement: -1,
			Message:    fmt.Sprintf("cannot drop %s %s because other objects depend on it", kind, target.name),
			DetailText: strings.Join(lines, "\n"),
			HintText:   "Use DROP ... CASCADE to drop the dependent objects too."}
	}
	// PostgreSQL tells what CASCADE drops: one object in the message,
	// more as a count with one DETAIL line each.
	switch {
	case len(deps) == 1:
		c.addNotice("00000", "", "drop cascades to %s", deps[0].object())
	case len(deps) > 1:
		lines := make([]string, len(deps))
		for i, dep := range deps {
			lines[i] = "drop cascades to " + dep.object()
		}
		c.addNotice("00000", strings.Join(lines, "\n"), "drop cascades to %d other objects", len(deps))
	}
	// Dependent views first, the most dependent first.
	for i := len(views) - 1; i >= 0; i-- {
		if err := c.exec("DROP VIEW " + quoteIdent(views[i].name)); err != nil {
			return mapError(err, "")
		}
	}
	if len(rewrite) > 0 {
		if err := rewriteTables(c, rewrite); err != nil {
			return mapError(err, "")
		}
	}
	return nil
}

type schemaObject struct{ typ, name, sql string }

// schemaObjects lists the user tables and views (not raftsql_* nor
// sqlite_*) in a fixed order.
func schemaObjects(c *lconn) ([]schemaObject, error) {
	st, _, err := c.prepareCached("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('table','view') AND sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'raftsql\\_%' ESCAPE '\\' ORDER BY rowid")
	if err != nil {
		return nil, err
	}
	defer st.release()
	var out []schemaObject
	_, err = st.run(nil, func(r []any) error {
		o := schemaObject{}
		o.typ, _ = r[0].(string)
		o.name, _ = r[1].(string)
		o.sql, _ = r[2].(string)
		out = append(out, o)
		return nil
	})
	return out, err
}

type namedDep struct{ name, desc string }

// sortedNames returns the dependency names in a fixed order (map order is
// random and the first match names what a view depends on).
func sortedNames(m map[string]string) []namedDep {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]namedDep, len(keys))
	for i, k := range keys {
		out[i] = namedDep{name: k, desc: m[k]}
	}
	return out
}

// rewriteTables replaces the definitions of the tables in rw
// (schemaedit.go).
func rewriteTables(c *lconn, rw []dependent) error {
	edits := make([]schemaEdit, len(rw))
	for i, r := range rw {
		edits[i] = schemaEdit{typ: "table", name: r.table, sql: r.sql}
	}
	return editSchema(c, edits)
}
