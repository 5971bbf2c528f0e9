package sqlexec

import (
	"cmp"
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
func changeTable(c *lconn, ac pgdialect.TableChange, verb string) (res StatementResult) {
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
	switch ac.Action {
	case "add column", "drop column":
		// IF [NOT] EXISTS: PostgreSQL skips with a NOTICE (table_xinfo:
		// a generated column exists too)
		_, found, err := queryInt(c, "SELECT 1 FROM pragma_table_xinfo(?1) WHERE name = ?2 COLLATE NOCASE", name, ac.Column)
		if err != nil {
			return fail(err)
		}
		if found == (ac.Action == "add column") {
			if found {
				c.addNotice(CodeDuplicateColumn, "", "column \"%s\" of relation \"%s\" already exists, skipping", ac.Column, name)
			} else {
				c.addNotice("00000", "", "column \"%s\" of relation \"%s\" does not exist, skipping", ac.Column, name)
			}
			res.Tag = "ALTER TABLE"
			return res
		}
		if ac.Action == "drop column" {
			if err := prepareDropColumn(c, ac.Expr); err != nil { // dropcolumn.go
				return fail(err)
			}
		}
		if err := addColumnStep(c, ac); err != nil {
			return fail(err)
		}
		for _, s := range ac.Then { // pgdialect/addcolumn.go: the rest of the column
			if r, _ := runSQL(c, s, nil, ""); r.Err != nil {
				res.Err = r.Err
				return res
			}
		}
		res.Tag = "ALTER TABLE"
		return res
	case "comment": // COMMENT ON TABLE / COLUMN: kept in the definition (pgdialect/comment.go)
		sql, err := pgdialect.SetComment(createSQL, ac)
		if err != nil {
			return fail(dialectError(err))
		}
		if err := rewriteTables(c, []dependent{{table: name, sql: sql}}); err != nil {
			return fail(err)
		}
		if err := c.exec("PRAGMA writable_schema=RESET"); err != nil {
			return fail(err)
		}
		res.Tag = "COMMENT"
		return res
	case "primary key":
		if err := refuseSecondKey(c, name); err != nil {
			return fail(err)
		}
		res.Tag = "ALTER TABLE"
		return res
	case "rename table", "rename column":
		if err := renameRelation(c, name, ac); err != nil { // rename.go
			return fail(err)
		}
		res.Tag = "ALTER TABLE"
		return res
	case "validate constraint":
		if err := validateConstraint(c, name, createSQL, ac); err != nil { // validateconstraint.go
			return fail(err)
		}
		res.Tag = "ALTER TABLE"
		return res
	case "add check", "add foreign key", "drop constraint", "alter constraint":
		if err := changeConstraint(c, name, createSQL, ac); err != nil {
			return fail(err)
		}
		res.Tag = "ALTER TABLE"
		return res
	}
	ed, err := pgdialect.EditColumn(createSQL, ac)
	if err != nil {
		return fail(dialectError(err))
	}
	if ed.Skip != "" || ed.NoChange {
		if ed.Skip != "" { // DROP IDENTITY IF EXISTS of a column that is none
			c.addNotice("00000", "", "%s", ed.Skip)
		}
		res.Tag = "ALTER TABLE"
		return res
	}
	if ed.Rebuild {
		if err := rebuildTable(c, name, ed.SQL, nil); err != nil {
			return fail(err)
		}
		res.Tag = cmp.Or(verb, "ALTER TABLE")
		return res
	}
	if ac.Action == "type" {
		if err := refuseTypeDependents(c, name, createSQL, ac.Column); err != nil { // altertype_deps.go
			return fail(err)
		}
		if err := refuseFKTypes(c, name, ac.Column, ed.Decl); err != nil { // altertype_fk.go
			return fail(err)
		}
	}
	qt, qc := quoteIdent(name), quoteIdent(ac.Column)
	if ed.CheckNulls {
		_, found, err := queryInt(c, "SELECT 1 FROM "+qt+" WHERE "+qc+" IS NULL LIMIT 1")
		if err != nil {
			return fail(err)
		}
		if found {
			return fail(&Error{Code: CodeNotNullViolation, Statement: -1, Table: name, Column: ac.Column,
				Message: fmt.Sprintf("column \"%s\" of relation \"%s\" contains null values", ac.Column, name)})
		}
	}
	staged := false
	if ac.Action == "type" && ac.Expr != "" && !pgdialect.WithoutRowid(createSQL) {
		if ed.Convert, err = stageUsing(c, qt, ed.Convert); err != nil { // altertype_using.go
			return fail(err)
		}
		staged = true
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
	// the rows are written again with the table's NOT VALID CHECKs set
	// aside: PostgreSQL checks no old constraint on them
	// (pgdialect/notvalid.go), and a row against one failed the statement
	install := ed.SQL
	notValid := (ed.Rewrite || ed.Convert != "") && pgdialect.HasNotValid(ed.SQL)
	if notValid {
		install = pgdialect.WithoutNotValidChecks(ed.SQL)
		if ed.Rewrite {
			if err := installDefinition(c, name, pgdialect.WithoutNotValidChecks(createSQL)); err != nil {
				return fail(err)
			}
		}
	}
	if ed.Rewrite {
		v := qc
		if ac.Fill != "" { // a column just added: every row takes the default (pgdialect/addcolumn.go)
			v = ac.Fill
		}
		if err := userExec(c, "UPDATE "+qt+" SET "+qc+" = "+v); err != nil {
			return fail(err)
		}
	}
	if err := installDefinition(c, name, install); err != nil {
		return fail(err)
	}
	if ac.Action == "type" {
		if err := reindexTable(c, name); err != nil { // enum_order.go: the column's collation may have changed
			return fail(err)
		}
	}
	if ed.Convert != "" {
		run := userExec
		if staged { // the values are computed: reading them back is raftsql's
			run = func(c *lconn, s string) error { return c.exec(s) }
		}
		if err := run(c, "UPDATE "+qt+" SET "+qc+" = "+ed.Convert); err != nil {
			return fail(err)
		}
	}
	if staged {
		if err := c.exec("DROP TABLE temp." + usingRows); err != nil {
			return fail(err)
		}
	}
	if notValid {
		if err := installDefinition(c, name, ed.SQL); err != nil {
			return fail(err)
		}
	}
	for _, t := range triggers {
		if err := c.exec(t.sql); err != nil {
			return fail(err)
		}
	}
	if ed.Sequence != "" {
		if err := retypeSequence(c, ed.Sequence, ed.SequenceType); err != nil { // seqdeps.go
			return fail(err)
		}
	}
	if ed.DropSequence != "" { // DROP IDENTITY: its sequence goes with it (pgdialect/identity_alter.go)
		if err := dropComment(c, classRel, ed.DropSequence); err != nil {
			return fail(err)
		}
		if err := stateRun(c, `DELETE FROM raftsql_sequences WHERE name = ?1`, ed.DropSequence); err != nil {
			return fail(err)
		}
	}
	res.Tag = verb
	if res.Tag == "" {
		res.Tag = "ALTER TABLE"
	}
	return res
}

// installDefinition makes sql table name's definition (droptable.go's
// rewriteTables), read at once.
func installDefinition(c *lconn, name, sql string) error {
	if err := rewriteTables(c, []dependent{{table: name, sql: sql}}); err != nil {
		return err
	}
	return c.exec("PRAGMA writable_schema=RESET")
}

// addColumnStep runs ac.Expr, SQLite's ALTER TABLE ... ADD COLUMN (or
// DROP COLUMN), ignoring CHECKs where a NOT VALID one may have rows
// against it (addcolumn_notvalid.go).
func addColumnStep(c *lconn, ac pgdialect.TableChange) error {
	restore, err := addColumnIgnoringChecks(c, ac.Expr)
	if err != nil {
		return err
	}
	err = userExec(c, ac.Expr)
	if err == nil {
		err = addColumnViewCheck(c, ac.Expr) // addcolumn_views.go
	}
	if restore != nil {
		if e := restore(); err == nil {
			err = e
		}
	}
	return err
}

// userExec runs SQL made from the user's statement (a conversion, a
// column definition) under the write allow-list, as the statement itself
// would run: the rest of a table change runs with the authorizer off.
func userExec(c *lconn, sqlText string) error {
	defer c.enterAuth(authWrite)()
	if err := c.exec(sqlText); err != nil {
		if e := c.authRefusal(); e != nil {
			return e
		}
		return err
	}
	return nil
}

// dialectError carries a pgdialect error's SQLSTATE, message and hint.
func dialectError(err error) error {
	if e, ok := err.(*pgdialect.Error); ok {
		return &Error{Code: e.Code, Message: e.Message, DetailText: e.Detail, HintText: e.Hint, Statement: -1}
	}
	return err
}

// changeConstraint adds or drops a constraint of table name (see
// pgdialect/constraint_ddl.go): existing rows are checked against a new
// CHECK before and against a new foreign key after the definition changes.
func changeConstraint(c *lconn, name, createSQL string, ch pgdialect.TableChange) error {
	ch.Table = name
	columns, err := queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden <> 1", name) // generated columns too
	if err != nil {
		return err
	}
	indexes, err := queryStrings(c, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 COLLATE NOCASE AND sql IS NOT NULL", name)
	if err != nil {
		return err
	}
	refPK := func(table string) []string { return refPrimaryKey(c, table) } // fkcolumns.go
	ed, err := pgdialect.EditConstraint(createSQL, ch, columns, indexes, refPK)
	if err != nil {
		return dialectError(err)
	}
	if ed.Rebuild != nil { // rebuild.go
		return dropKeyConstraint(c, name, ed.SQL, *ed.Rebuild, ch.Cascade)
	}
	if ch.Action == "drop constraint" && ed.SQL == "" && ed.DropIndex == "" { // IF EXISTS, none
		c.addNotice("00000", "", "constraint \"%s\" of relation \"%s\" does not exist, skipping", ch.Column, name)
		return nil
	}
	if ed.ValidateCheck != "" {
		if err := checkViolated(c, name, ed.Name, ed.ValidateCheck); err != nil { // validateconstraint.go
			return err
		}
	} else if ch.Action == "add check" {
		// NOT VALID reads no row, but the expression must still compile
		// on the table (42703 for a column it lacks, as PostgreSQL): a
		// definition whose CHECK names no column of it is a schema
		// SQLite cannot read, which stopped every node applying it
		if err := checkCompiles(c, name, ch.Expr); err != nil { // validateconstraint.go
			return err
		}
	}
	if ed.DropIndex != "" { // rebuild.go: the foreign keys that depend on it
		if err := dropKeyIndex(c, name, ed.DropIndex, ch.Cascade); err != nil {
			return err
		}
	}
	if ch.Action == "add foreign key" {
		for _, fk := range pgdialect.ForeignKeys(ed.SQL) {
			if pgdialect.FKConstraintName(name, fk) == ed.Name {
				if err := refuseMissingFKColumns(c, fk, columns); err != nil { // fkcolumns.go
					return err
				}
			}
		}
	}
	if ed.SQL != "" {
		if err := rewriteTables(c, []dependent{{table: name, sql: ed.SQL}}); err != nil {
			return err
		}
		if err := c.exec("PRAGMA writable_schema=RESET"); err != nil {
			return err
		}
	}
	if ch.Action == "add foreign key" && ed.SQL != "" {
		if err := refuseAddedFKTypes(c, name, ed.Name); err != nil { // altertype_fk.go
			return err
		}
	}
	if ed.ValidateFK {
		for _, fk := range pgdialect.ForeignKeys(ed.SQL) {
			if pgdialect.FKConstraintName(name, fk) != ed.Name {
				continue
			}
			if err := refTableExists(c, fk.RefTable); err != nil { // createfk.go
				return err
			}
			_, found, err := queryInt(c, "SELECT 1 FROM pragma_foreign_key_check(?1) LIMIT 1", name)
			if err != nil {
				return fkMismatch(err, fk.RefTable)
			}
			if found {
				e := &Error{Code: CodeForeignKeyViolation, Statement: -1, Table: name, Constraint: ed.Name,
					Message: fmt.Sprintf("insert or update on table \"%s\" violates foreign key constraint \"%s\"", name, ed.Name)}
				if x := foreignKeyViolation(c, e, name, name, false); x != nil { // constraint_errors.go: the key
					e = x
				}
				return e
			}
		}
	}
	return nil
}

// refuseSecondKey is PostgreSQL's 42P16 for a primary key added to table
// name when it has one (pgdialect/addcolumn.go's keyIndex): declared in
// CREATE TABLE, or the unique index of one ALTER TABLE added.
func refuseSecondKey(c *lconn, name string) error {
	_, has, err := queryInt(c, "SELECT 1 FROM pragma_table_info(?1) WHERE pk > 0", name)
	if err != nil {
		return err
	}
	st, _, err := c.prepareFresh(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 COLLATE NOCASE AND sql IS NOT NULL`)
	if err != nil {
		return err
	}
	_, err = st.run([]any{name}, func(r []any) error {
		n, _ := r[0].(string)
		s, _ := r[1].(string)
		has = has || pgdialect.PrimaryKeyIndex(name, n, s)
		return nil
	})
	st.finalize()
	if err != nil {
		return err
	}
	if has {
		return &Error{Code: CodeInvalidTableDefinition, Statement: -1, Message: fmt.Sprintf("multiple primary keys for table \"%s\" are not allowed", name)}
	}
	return nil
}

// queryStrings returns the first column of a query's rows as strings.
func queryStrings(c *lconn, sqlText string, args ...any) ([]string, error) {
	st, _, err := c.prepareFresh(sqlText)
	if err != nil {
		return nil, err
	}
	defer st.finalize()
	var out []string
	_, err = st.run(args, func(r []any) error {
		if s, ok := r[0].(string); ok {
			out = append(out, s)
		}
		return nil
	})
	return out, err
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
