package sqlexec

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ON DELETE RESTRICT / ON UPDATE RESTRICT violations as PostgreSQL
// reports them.
//
// SQLite checks a RESTRICT action when the referenced row is deleted or
// its key changed, before any NO ACTION key (checked at the statement's
// end, or deferred), and raises its generic "FOREIGN KEY constraint
// failed" from the action (mapError marks it fkRestrict). The deferred
// re-run of explainForeignKey would instead report whatever
// pragma_foreign_key_check finds first, possibly a NO ACTION key
// PostgreSQL checks later. So the statement runs once more with a
// temporary BEFORE DELETE/UPDATE trigger on its table handing each old
// row (and, for UPDATE, the new one) to raftsql_explain_row; SQLite stops
// at the first row whose RESTRICT fails, after that row's BEFORE
// triggers, so the last row seen is the referenced row, and the
// referencing table whose RESTRICT key (whose columns that row changed)
// holds its key names the constraint, as PostgreSQL's 23503 "update or
// delete on table ... is still referenced from table ..." does.
// Deterministic for the reasons explainViolation gives; it runs inside its
// savepoint.

// explainRestrict completes e for a DELETE or UPDATE of e.Table that a
// RESTRICT key of one of children (the tables referencing it) refused;
// nil when the refusal is not found that way (a RESTRICT reached through
// a cascade: explainForeignKey's deferred run looks for it).
func explainRestrict(c *lconn, e *Error, sqlText string, args []any, children []string) *Error {
	verb := dmlVerb(sqlText)
	if verb != "DELETE" && verb != "UPDATE" || c.explain == nil {
		return nil
	}
	parent := e.Table
	cols := tableColumns(c, parent)
	if len(cols) == 0 {
		return nil
	}
	var refs []string
	for _, side := range []string{"OLD.", "NEW."} {
		for _, col := range cols {
			refs = append(refs, side+quoteIdent(col.name))
		}
		if verb == "DELETE" {
			break
		}
	}
	defer func() { _ = c.exec("DROP TRIGGER IF EXISTS temp.raftsql_explain_old") }()
	trig := fmt.Sprintf("CREATE TEMP TRIGGER raftsql_explain_old BEFORE %s ON main.%s BEGIN SELECT %s(%s); END",
		verb, quoteIdent(parent), explainRowFunc, strings.Join(refs, ", "))
	if c.exec(trig) != nil {
		return nil
	}
	row, err := rerunCapturing(c, sqlText, args)
	if err == nil || row == nil || len(row) != len(refs) || mapError(err, sqlText).Code != CodeForeignKeyViolation {
		return nil
	}
	changed := func(k int) bool { return verb == "DELETE" || !reflect.DeepEqual(row[k], row[len(cols)+k]) }
	action := "on_delete"
	if verb == "UPDATE" {
		action = "on_update"
	}
	loc := zoneOf(c)
	for _, child := range append(children, parent) { // a table may reference itself
		for _, fkid := range restrictKeys(c, child, parent, action) {
			from, to, ok := fkColumns(c, child, parent, fkid)
			if !ok {
				continue
			}
			key := make([]any, len(to))
			vals := make([]string, len(to))
			cond := make([]string, len(from))
			moved := false
			for i, t := range to {
				k := columnIndex(cols, t)
				if k < 0 {
					return nil
				}
				moved = moved || changed(k)
				key[i], vals[i] = row[k], textOf(row[k], cols[k].decl, loc)
				cond[i] = quoteIdent(from[i]) + " = ?" + strconv.Itoa(i+1)
			}
			if !moved {
				continue // an UPDATE that kept this key does not act on it
			}
			n, err := queryStrings(c, "SELECT 'x' FROM main."+quoteIdent(child)+" WHERE "+strings.Join(cond, " AND ")+" LIMIT 1", key...)
			if err != nil || len(n) == 0 {
				continue
			}
			createSQL, _ := queryStrings(c, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1`, child)
			if len(createSQL) != 1 {
				return nil
			}
			out := *e
			out.Code = CodeForeignKeyViolation
			out.Constraint = pgdialect.FKConname(createSQL[0], child, from, parent)
			out.Table = child
			out.Message = fmt.Sprintf("update or delete on table %q violates foreign key constraint %q on table %q", parent, out.Constraint, child)
			out.DetailText = fmt.Sprintf("Key (%s)=(%s) is still referenced from table %q.", strings.Join(to, ", "), strings.Join(vals, ", "), child)
			return &out
		}
	}
	return nil
}

// restrictKeys are the ids of child's foreign keys to parent whose action
// ("on_delete", "on_update") is RESTRICT, in declaration order.
func restrictKeys(c *lconn, child, parent, action string) []int64 {
	st, _, err := c.prepareFresh(`SELECT DISTINCT id FROM pragma_foreign_key_list(?1) WHERE "table" = ?2 COLLATE NOCASE AND ` + action + ` = 'RESTRICT' ORDER BY id DESC`)
	if err != nil || st == nil {
		return nil
	}
	defer st.finalize()
	var ids []int64
	_, _ = st.run([]any{child, parent}, func(r []any) error {
		if id, ok := r[0].(int64); ok {
			ids = append(ids, id)
		}
		return nil
	})
	return ids
}
