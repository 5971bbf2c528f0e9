package sqlexec

import (
	"fmt"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ALTER TABLE ... ALTER COLUMN at apply (pgdialect/altercolumn.go
// translates the statement and edits the definition). Inside the entry,
// at its log position, so identically on every node and atomically:
//
//  1. the table's definition is read and edited (EditColumn: PostgreSQL's
//     errors for a missing column, a primary key's NOT NULL, a type
//     without an automatic conversion);
//  2. SET NOT NULL: a NULL in the column fails the statement (23502);
//  3. the table's triggers are set aside (PostgreSQL fires none for
//     ALTER TABLE), and for a new or dropped default the rows are
//     rewritten in full (older rows of a column added with a default
//     read it from the definition, which is changing);
//  4. the new definition replaces the old one in sqlite_schema (under
//     writable_schema, as droptable.go does; the table is never dropped,
//     so no foreign key action runs and no other table changes);
//  5. TYPE: every value is converted and checked by the new type's input
//     function; one that fails fails the whole statement with
//     PostgreSQL's error;
//  6. the triggers are put back.
//
// Any error rolls the entry back, definition included.
func alterColumn(c *lconn, ac pgdialect.AlterColumn, verb string) (res StatementResult) {
	defer c.enterAuth(authOff)()
	fail := func(err error) StatementResult {
		res.Err = mapError(err, "")
		return res
	}
	var name, createSQL string
	st, _, err := c.prepareFresh(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name = ?1 COLLATE NOCASE AND sql IS NOT NULL`)
	if err != nil {
		return fail(err)
	}
	_, err = st.run([]any{ac.Table}, func(r []any) error {
		name, _ = r[0].(string)
		createSQL, _ = r[1].(string)
		return nil
	})
	st.finalize()
	if err != nil {
		return fail(err)
	}
	if name == "" || isInternalName(name) {
		return fail(errf(CodeUndefinedTable, "relation \"%s\" does not exist", ac.Table))
	}
	ed, err := pgdialect.EditColumn(createSQL, ac)
	if err != nil {
		if e, ok := err.(*pgdialect.Error); ok {
			return fail(&Error{Code: e.Code, Message: e.Message, HintText: e.Hint, Statement: -1})
		}
		return fail(err)
	}
	qt, qc := quoteIdent(name), quoteIdent(ac.Column)
	if ed.CheckNulls {
		_, found, err := queryInt(c, "SELECT 1 FROM "+qt+" WHERE "+qc+" IS NULL LIMIT 1")
		if err != nil {
			return fail(err)
		}
		if found {
			return fail(&Error{Code: CodeNotNullViolation, Statement: -1,
				Message: fmt.Sprintf("column \"%s\" of relation \"%s\" contains null values", ac.Column, name)})
		}
	}
	var triggers []schemaObject
	if ed.Rewrite || ed.Convert != "" {
		if triggers, err = tableTriggers(c, name); err != nil {
			return fail(err)
		}
		for _, t := range triggers {
			if err := c.exec("DROP TRIGGER " + quoteIdent(t.name)); err != nil {
				return fail(err)
			}
		}
	}
	if ed.Rewrite {
		if err := c.exec("UPDATE " + qt + " SET " + qc + " = " + qc); err != nil {
			return fail(err)
		}
	}
	if err := rewriteTables(c, []dependent{{table: name, sql: ed.SQL}}); err != nil {
		return fail(err)
	}
	if err := c.exec("PRAGMA writable_schema=RESET"); err != nil {
		return fail(err)
	}
	if ed.Convert != "" {
		if err := c.exec("UPDATE " + qt + " SET " + qc + " = " + ed.Convert); err != nil {
			return fail(err)
		}
	}
	for _, t := range triggers {
		if err := c.exec(t.sql); err != nil {
			return fail(err)
		}
	}
	res.Tag = verb
	if res.Tag == "" {
		res.Tag = "ALTER TABLE"
	}
	return res
}

// tableTriggers lists the triggers on table, in creation order.
func tableTriggers(c *lconn, table string) ([]schemaObject, error) {
	st, _, err := c.prepareFresh(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?1 COLLATE NOCASE AND sql IS NOT NULL ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer st.finalize()
	var out []schemaObject
	_, err = st.run([]any{table}, func(r []any) error {
		o := schemaObject{typ: "trigger"}
		o.name, _ = r[0].(string)
		o.sql, _ = r[1].(string)
		out = append(out, o)
		return nil
	})
	return out, err
}
