package pgdialect

// COMMENT ON VIEW / INDEX / SEQUENCE / TYPE / CONSTRAINT / SCHEMA (tables
// and columns: comment.go). Each comment lives where it goes away with
// its object, as PostgreSQL's do:
//
//   - a view's or an index's: a marker comment (commentMark, the text in
//     hex) at the end of its own text in sqlite_schema, rewritten at apply
//     under writable_schema like a table's (sqlexec/comments.go); it goes
//     when the object is dropped;
//   - a constraint's: a marker conCommentMark (hex of the JSON [name,
//     text]) right after the "(" of its table's CREATE TABLE text; it goes
//     with the table, and pg_description shows it only while the table has
//     a constraint of that name;
//   - a type's (an enum), a sequence's and the public schema's: a row of
//     raftsql_comments, deleted by DROP TYPE and DROP SEQUENCE (also of a
//     sequence a dropped table owned).
//
// All are written at apply by the state machine (sqlexec/comments.go),
// which recognises the statement COMMENT ON is translated into (a call of
// pg_comment_set, ParseObjectComment) and checks that the object exists
// with PostgreSQL's errors (IS NULL and IS '' remove the comment). pg_description lists them with the classoid and objoid of the
// object's row in pg_class, pg_constraint, pg_type or pg_namespace, so
// obj_description, psql's \dd and \d+ and pg_dump see them. Comments on
// other objects (functions, extensions, roles, databases...) are accepted
// and not kept.

import (
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"strings"

	sqlite "modernc.org/sqlite"
)

// CommentsTableSQL creates the table of comments on types, sequences and
// the schema.
const CommentsTableSQL = `CREATE TABLE IF NOT EXISTS raftsql_comments(classoid INTEGER NOT NULL, objname TEXT NOT NULL,
 description TEXT, PRIMARY KEY (classoid, objname))`

const conCommentMark = "/*pg_concomment:"

// commentKinds are the kept kinds after COMMENT ON (CONSTRAINT is read
// apart: "name ON table").
var commentKinds = map[string]string{"VIEW": "view", "INDEX": "index", "SEQUENCE": "sequence", "TYPE": "type", "SCHEMA": "schema"}

// commentObject translates COMMENT ON <kind> ... at x (ok false: not one
// of these kinds).
func (x *tx) commentObject() (*Stmt, bool, error) {
	if !x.kw(1, "ON") {
		return nil, false, nil
	}
	k := strings.ToUpper(x.T(2).text)
	kind, ok := commentKinds[k]
	if x.T(2).typ != tIdent || !ok && k != "CONSTRAINT" {
		return nil, false, nil
	}
	name, j := x.name(3)
	if name == "" {
		return nil, false, x.syntaxErrAt(3)
	}
	con := ""
	if k == "CONSTRAINT" {
		kind, con = "constraint", name
		if !x.kw(j, "ON") {
			return nil, false, x.syntaxErrAt(j)
		}
		if x.kw(j+1, "DOMAIN") {
			return nil, false, unsupported("domains are not supported")
		}
		if name, j = x.name(j + 1); name == "" {
			return nil, false, x.syntaxErrAt(j)
		}
	}
	if k == "SCHEMA" {
		name = x.T(3).identName() // a schema name is not qualified
		if j != 4 {
			return nil, false, x.syntaxErrAt(4)
		}
	}
	if !x.kw(j, "IS") || j+2 != x.n() {
		return nil, false, x.syntaxErrAt(j)
	}
	oc := ObjectComment{Kind: kind, Name: name, Constraint: con, Remove: true}
	if !x.kw(j+1, "NULL") {
		v, ok := unquoteString(x.T(j + 1))
		if !ok {
			return nil, false, x.syntaxErrAt(j + 1)
		}
		oc.Text, oc.Remove = v, v == ""
	}
	b, _ := json.Marshal(oc)
	return &Stmt{Kind: KindQuery, Tag: "COMMENT", NoRows: true,
		Exec: []string{objectCommentCall + hex.EncodeToString(b) + "')"}}, true, nil
}

// ObjectComment is a COMMENT ON a view, index, sequence, type, constraint
// (Name its table's) or schema, as the state machine applies it.
type ObjectComment struct {
	Kind       string `json:"k"`
	Name       string `json:"n"`
	Constraint string `json:"c,omitempty"`
	Text       string `json:"t,omitempty"`
	Remove     bool   `json:"r,omitempty"`
}

// objectCommentCall starts the statement a COMMENT ON is translated into:
// a call of the state function pg_comment_set (so it goes through the
// log), which the state machine recognises at apply (ParseObjectComment)
// and applies outside SQLite's statement, since it may rewrite
// sqlite_schema.
const objectCommentCall = "SELECT pg_comment_set('"

// ParseObjectComment recognises the statement a COMMENT ON is translated
// into.
func ParseObjectComment(sqlText string) (oc ObjectComment, ok bool) {
	h, ok := strings.CutPrefix(sqlText, objectCommentCall)
	if !ok {
		return oc, false
	}
	h, ok = strings.CutSuffix(h, "')")
	if !ok {
		return oc, false
	}
	b, err := hex.DecodeString(h)
	if err != nil || json.Unmarshal(b, &oc) != nil || oc.Kind == "" {
		return oc, false
	}
	return oc, true
}

// SetObjectComment returns a view's or an index's text sql with its
// comment set to text (remove: none).
func SetObjectComment(sql, text string, remove bool) string {
	x := newTx(sql)
	var b strings.Builder
	for k := range x.toks {
		t := &x.toks[k]
		if t.typ == tComment && strings.HasPrefix(t.text, commentMark) {
			continue
		}
		b.WriteString(t.text)
	}
	s := strings.TrimRight(b.String(), " \t\r\n")
	if !remove {
		s += " " + commentMark + hex.EncodeToString([]byte(text)) + "*/"
	}
	return s
}

// fnObjectComment(sql) is the comment kept in a view's or an index's text,
// or NULL.
func fnObjectComment(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	sql := str(a[0])
	i := strings.LastIndex(sql, commentMark)
	if i < 0 {
		return nil, nil
	}
	e := strings.Index(sql[i:], "*/")
	if e < 0 {
		return nil, nil
	}
	b, err := hex.DecodeString(sql[i+len(commentMark) : i+e])
	if err != nil {
		return nil, nil
	}
	return string(b), nil
}

// SetConstraintComment returns the CREATE TABLE text createSQL with the
// comment of its constraint con set to text (remove: none).
func SetConstraintComment(createSQL, con, text string, remove bool) (string, error) {
	x := newTx(createSQL)
	open := x.firstTopParen()
	if open < 0 {
		return "", pgErr("XX000", "table has no element list")
	}
	var b strings.Builder
	for k := range x.toks {
		t := &x.toks[k]
		if t.typ == tComment && strings.HasPrefix(t.text, conCommentMark) {
			if n, _, ok := decodeConComment(t.text); ok && n == con {
				continue // the old comment
			}
		}
		b.WriteString(t.text)
		if k == x.sig[open] && !remove {
			j, _ := json.Marshal([2]string{con, text})
			b.WriteString(" " + conCommentMark + hex.EncodeToString(j) + "*/")
		}
	}
	return b.String(), nil
}

func decodeConComment(c string) (name, text string, ok bool) {
	b, err := hex.DecodeString(strings.TrimSuffix(strings.TrimPrefix(c, conCommentMark), "*/"))
	if err != nil {
		return "", "", false
	}
	var v [2]string
	if json.Unmarshal(b, &v) != nil {
		return "", "", false
	}
	return v[0], v[1], true
}

// fnConstraintComments(createSQL) is the constraint comments kept in a
// CREATE TABLE text as a JSON array of [constraint, text].
func fnConstraintComments(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	sql := str(a[0])
	if !strings.Contains(sql, conCommentMark) {
		return "[]", nil
	}
	out := [][2]string{}
	x := newTx(sql)
	for k := range x.toks {
		t := &x.toks[k]
		if t.typ == tComment && strings.HasPrefix(t.text, conCommentMark) {
			if n, v, ok := decodeConComment(t.text); ok {
				out = append(out, [2]string{n, v})
			}
		}
	}
	j, _ := json.Marshal(out)
	return string(j), nil
}

// objectCommentRows are pg_description's rows of this file's comments
// (appended to the view after catalog_dump.go's rows).
const objectCommentRows = `
 UNION ALL
 SELECT CAST(pg_oid('rel', s.name) AS INTEGER), 1259, 0, pg_object_comment(s.sql)
 FROM main.sqlite_schema s WHERE s.type IN ('view', 'index') AND s.sql LIKE '%/*pg_comment:%'
 UNION ALL
 SELECT CAST(pg_oid('con', s.name || '.' || json_extract(j.value, '$[0]')) AS INTEGER), 2606, 0, json_extract(j.value, '$[1]')
 FROM pgd_rel s, json_each(pg_constraint_comments(s.sql)) j WHERE s.type = 'table' AND s.sql LIKE '%/*pg_concomment:%'
  AND EXISTS (SELECT 1 FROM pg_constraint k WHERE k.oid = CAST(pg_oid('con', s.name || '.' || json_extract(j.value, '$[0]')) AS INTEGER))
 UNION ALL
 SELECT CAST(CASE m.classoid WHEN 1247 THEN pg_oid('type', m.objname) WHEN 2615 THEN 2200 ELSE pg_oid('rel', m.objname) END AS INTEGER),
  m.classoid, 0, m.description
 FROM main.raftsql_comments m WHERE m.description IS NOT NULL`

// publicSchemaComment is the condition of the public schema's default
// comment row (catalog_dump.go): no COMMENT ON SCHEMA public was made.
const publicSchemaComment = ` WHERE NOT EXISTS (SELECT 1 FROM main.raftsql_comments WHERE classoid = 2615)`

func init() {
	for i, v := range catalogViews {
		if v.name == "pg_description" {
			catalogViews[i].sql += objectCommentRows
		}
	}
	stateFuncs["pg_comment_set"] = true // sequence.go: goes through the log
	dumpFuncs["pg_object_comment"] = struct {
		n int32
		f fn
	}{1, fnObjectComment}
	dumpFuncs["pg_constraint_comments"] = struct {
		n int32
		f fn
	}{1, fnConstraintComments}
}
