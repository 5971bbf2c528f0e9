package sqlexec

// COMMENT ON VIEW / INDEX / SEQUENCE / TYPE / CONSTRAINT / SCHEMA at apply
// (pgdialect/comment_objects.go translates it and says where each kind of
// comment is kept). runSQL recognises the translated statement and calls
// setObjectComment at the top level of the entry (a view's or an index's
// text, or a table's, is rewritten in sqlite_schema, which must not happen
// inside a running SQLite statement), so the comment is written in log
// order on every node, undone with the entry and carried by snapshots.

import (
	"fmt"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
)

// pg_comment_set only marks the statement (it goes through the log, see
// pgdialect.CallsStateFunction); runSQL applies it before SQLite sees it.
var commentFunctions = []detFunction{
	{"pg_comment_set", 1, cFuncPointer(fnCommentSet), 0},
}

func fnCommentSet(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_comment_set", func(c *lconn, d *detState) (any, error) {
		return nil, errf(CodeFeatureNotSupported, "pg_comment_set() is only the statement COMMENT ON is translated into")
	})
}

const (
	classRel       = 1259 // pg_class
	classType      = 1247 // pg_type
	classNamespace = 2615 // pg_namespace
)

// setObjectComment applies a COMMENT ON of oc.
func setObjectComment(c *lconn, oc pgdialect.ObjectComment) (res StatementResult) {
	defer c.enterAuth(authOff)()
	if err := applyObjectComment(c, oc); err != nil {
		res.Err = mapError(dialectError(err), "")
		return res
	}
	res.Tag = "COMMENT"
	return res
}

func applyObjectComment(c *lconn, oc pgdialect.ObjectComment) error {
	switch oc.Kind {
	case "view", "index":
		typ, name, sql, err := findSchemaObject(c, oc.Name, "'table', 'view', 'index'")
		if err != nil {
			return err
		}
		if name == "" {
			return errf(CodeUndefinedTable, "relation \"%s\" does not exist", oc.Name)
		}
		if typ != oc.Kind {
			return errf("42809", "\"%s\" is not a%s %s", name, map[bool]string{true: "n"}[oc.Kind == "index"], oc.Kind)
		}
		if sql == "" {
			return Unsupported(fmt.Sprintf("COMMENT ON INDEX %s (the index of a constraint)", name))
		}
		return rewriteSchemaSQL(c, typ, name, pgdialect.SetObjectComment(sql, oc.Text, oc.Remove))
	case "constraint":
		_, name, sql, err := findSchemaObject(c, oc.Name, "'table'")
		if err != nil {
			return err
		}
		if name == "" {
			return errf(CodeUndefinedTable, "relation \"%s\" does not exist", oc.Name)
		}
		if _, found, err := queryInt(c, `SELECT 1 FROM pg_constraint WHERE conrelid = CAST(pg_oid('rel', ?1) AS INTEGER) AND conname = ?2`, name, oc.Constraint); err != nil {
			return err
		} else if !found {
			return errf(CodeUndefinedObject, "constraint \"%s\" for table \"%s\" does not exist", oc.Constraint, name)
		}
		edited, err := pgdialect.SetConstraintComment(sql, oc.Constraint, oc.Text, oc.Remove)
		if err != nil {
			return err
		}
		return rewriteSchemaSQL(c, "table", name, edited)
	case "sequence":
		var kind, name string
		st, _, err := c.prepareFresh(`SELECT relkind, relname FROM pg_class WHERE relname = ?1 COLLATE NOCASE ORDER BY relname = ?1 DESC LIMIT 1`)
		if err != nil {
			return err
		}
		_, err = st.run([]any{oc.Name}, func(r []any) error {
			kind, _ = r[0].(string)
			name, _ = r[1].(string)
			return nil
		})
		st.finalize()
		if err != nil {
			return err
		}
		if name == "" {
			return errf(CodeUndefinedTable, "relation \"%s\" does not exist", oc.Name)
		}
		if kind != "S" {
			return errf("42809", "\"%s\" is not a sequence", name)
		}
		return keepComment(c, classRel, name, oc)
	case "type":
		if labels, _, err := enumLabels(c, oc.Name); err != nil {
			return err
		} else if labels != nil {
			return keepComment(c, classType, oc.Name, oc)
		}
		if _, found, err := queryInt(c, `SELECT 1 FROM pg_type WHERE typname = ?1`, oc.Name); err != nil {
			return err
		} else if !found {
			return errf(CodeUndefinedObject, "type \"%s\" does not exist", oc.Name)
		}
		return nil // a built-in type: accepted, not kept
	case "schema":
		if oc.Name == "public" {
			return keepComment(c, classNamespace, oc.Name, oc)
		}
		if _, found, err := queryInt(c, `SELECT 1 FROM pg_namespace WHERE nspname = ?1`, oc.Name); err != nil {
			return err
		} else if !found {
			return errf(CodeInvalidSchemaName, "schema \"%s\" does not exist", oc.Name)
		}
		return nil // a system schema: accepted, not kept
	}
	return errf(CodeInternal, "unknown comment kind %q", oc.Kind)
}

// keepComment writes a comment of raftsql_comments. The public schema's
// removed comment is a row without text: its default comment
// (pgdialect/catalog_dump.go) is gone too.
func keepComment(c *lconn, class int64, name string, oc pgdialect.ObjectComment) error {
	if oc.Remove && class != classNamespace {
		return stateRun(c, `DELETE FROM raftsql_comments WHERE classoid = ?1 AND objname = ?2`, class, name)
	}
	var text any = oc.Text
	if oc.Remove {
		text = nil
	}
	return stateRun(c, `INSERT OR REPLACE INTO raftsql_comments(classoid, objname, description) VALUES (?1, ?2, ?3)`, class, name, text)
}

// dropComment deletes the kept comment of a dropped type or sequence.
func dropComment(c *lconn, class int64, name string) error {
	return stateRun(c, `DELETE FROM raftsql_comments WHERE classoid = ?1 AND objname = ?2`, class, name)
}

// findSchemaObject finds a user object of one of types by name (its type,
// name and text; name "" when none).
func findSchemaObject(c *lconn, name, types string) (typ, found, sql string, err error) {
	st, _, err := c.prepareFresh(`SELECT type, name, sql FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE AND type IN (` + types + `)
 AND name NOT LIKE 'raftsql\_%' ESCAPE '\' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name = ?1 DESC LIMIT 1`)
	if err != nil {
		return "", "", "", err
	}
	defer st.finalize()
	_, err = st.run([]any{name}, func(r []any) error {
		typ, _ = r[0].(string)
		found, _ = r[1].(string)
		sql, _ = r[2].(string)
		return nil
	})
	return typ, found, sql, err
}

// rewriteSchemaSQL replaces the text of one object in sqlite_schema
// (schemaedit.go) and has SQLite reload it.
func rewriteSchemaSQL(c *lconn, typ, name, sql string) error {
	if err := editSchema(c, []schemaEdit{{typ: typ, name: name, sql: sql}}); err != nil {
		return err
	}
	return c.exec("PRAGMA writable_schema=RESET")
}
