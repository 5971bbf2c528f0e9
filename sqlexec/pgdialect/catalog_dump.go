package pgdialect

import (
	"database/sql/driver"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
)

// Catalog rows and renderings that pg_dump needs beyond what psql reads
// (pgdump.go recognizes its queries):
//
//   - pg_rewrite has a "_RETURN" rule per view, and pg_depend records what
//     each view's rule reads (deptype 'n', every table or view its text
//     names) and that the rule belongs to the view ('i'), so pg_dump
//     orders a view after the relations it reads, as PostgreSQL's catalog
//     makes it do;
//   - pg_depend records that a serial column's default uses the column's
//     sequence ('n'): with the sequence owned by the table ('a') this is
//     the loop pg_dump breaks by emitting the default after the sequence
//     (ALTER TABLE ... SET DEFAULT nextval(...)), as it does for
//     PostgreSQL;
//   - pg_sequence has the implicit sequences of serial and identity
//     columns, as pg_class and pg_sequences do;
//   - pg_dump_* render definitions with names qualified by "public.", as
//     PostgreSQL's pg_get_*def functions do under pg_dump's empty
//     search_path; pg_indexdef renders an index definition from the
//     SQLite statement that created it (expressions and predicates
//     included) for pg_index.indexdef, pg_get_indexdef and pg_dump.
var dumpViews = map[string]string{
	"pg_rewrite": `SELECT CAST(pg_oid('rule', s.name) AS INTEGER) AS oid, '_RETURN' AS rulename, CAST(pg_oid('rel', s.name) AS INTEGER) AS ev_class,
  '1' AS ev_type, 'O' AS ev_enabled, 1 AS is_instead FROM pgd_rel s WHERE s.type = 'view'`,
}

// constraintMarkU and constraintMarkP mark the CREATE UNIQUE INDEX that
// ALTER TABLE ... ADD [CONSTRAINT c] UNIQUE / PRIMARY KEY becomes (ddl.go),
// so the catalog shows a constraint, as PostgreSQL does, not a bare index
// (a primary key named table_pkey needs no mark).
const (
	constraintMarkU = " /*constraint:u*/"
	constraintMarkP = " /*constraint:p*/"
)

// viewSerialDecl is, in pgd_cols, the type of a view's INTEGER column c
// that has the name of a serial or identity column of a table the view
// reads (SQLite reports the rowid alias's declared INTEGER, PostgreSQL the
// column's bigint or smallint). A column renamed by the view keeps
// SQLite's type.
const viewSerialDecl = `(SELECT pg_serial_decl(t.sql, c.name) FROM pgd_rel t
   WHERE t.type = 'table' AND pg_serial_decl(t.sql, c.name) <> '' AND pg_sql_mentions(s.sql, t.name) LIMIT 1)`

// attTypID is pg_attribute.atttypid of pgd_cols c: its type's OID, that
// of the enum it names (enum.go) when it is no built-in type.
const attTypID = `CASE WHEN pg_coltype(c.decl, c.marker) = 0 AND EXISTS (SELECT 1 FROM main.raftsql_enums e WHERE e.typname = lower(c.decl))
  THEN pg_oid('type', lower(c.decl)) ELSE pg_coltype(c.decl, c.marker) END`

// formatTypeRewrite translates format_type(a, b) at i so that a user type
// (an enum, whose OID is a hash of its name) is named from pg_type:
// (SELECT coalesce((SELECT typname FROM pg_type WHERE oid = a and
// typnamespace = public), format_type(a, b)) FROM (SELECT (a) AS a, (b)
// AS b)), each argument written once. It reports false (nothing changed)
// unless the call has two arguments.
func (x *tx) formatTypeRewrite(i int) bool {
	if !x.isP(i+1, "(") {
		return false
	}
	e := x.match(i + 1)
	args := x.splitTop(i+2, e)
	if len(args) != 2 || args[0][0] >= args[0][1] || args[1][0] >= args[1][1] || e >= x.n() {
		return false
	}
	x.T(i).set("(SELECT coalesce((SELECT pgd_u.typname FROM pg_type pgd_u WHERE pgd_u.oid = pgd_ft.a AND pgd_u.typnamespace = 2200), format_type(pgd_ft.a, pgd_ft.b)) FROM (SELECT ")
	x.T(i + 1).set("")
	x.T(args[0][1]).set(" AS a, ")
	x.T(e).set(" AS b) pgd_ft)")
	x.catalog = true
	return true
}

// dumpDepend: the pg_depend rows added to catalog.go's (same columns).
const dumpDepend = `
 UNION ALL
 SELECT 2604, CAST(pg_oid('def', c.tbl || '.' || c.attname) AS INTEGER), 0, 1259, CAST(pg_oid('rel', c.tbl || '_' || c.attname || '_seq') AS INTEGER), 0, 'n'
 FROM pgd_cols c WHERE c.marker IS NOT NULL AND c.marker NOT LIKE 'identity%' AND c.dflt IS NULL
 UNION ALL
 SELECT 2618, CAST(pg_oid('rule', v.name) AS INTEGER), 0, 1259, CAST(pg_oid('rel', v.name) AS INTEGER), 0, 'i' FROM pgd_rel v WHERE v.type = 'view'
 UNION ALL
 SELECT 2618, CAST(pg_oid('rule', v.name) AS INTEGER), 0, 1259, CAST(pg_oid('rel', r.name) AS INTEGER), 0, 'n'
 FROM pgd_rel v, pgd_rel r WHERE v.type = 'view' AND r.name <> v.name AND pg_sql_mentions(v.sql, r.name)
 UNION ALL
 SELECT 2604, CAST(pg_oid('def', c.tbl || '.' || c.attname) AS INTEGER), 0, 1259, q.oid, 0, 'n'
 FROM pgd_cols c, pgd_seqs q WHERE c.dflt LIKE '%nextval(%' AND (instr(c.dflt, '''' || q.name || '''') OR instr(c.dflt, '''public.' || q.name || ''''))`

// dumpSequence: the pg_sequence rows of the implicit sequences of serial
// and identity columns of tables made before serials had a sequence (no
// default; pg_class lists them; pg_dump reads both). Real sequences are
// catalog.go's rows.
const dumpSequence = `
 UNION ALL
 SELECT CAST(pg_oid('rel', c.tbl || '_' || c.attname || '_seq') AS INTEGER), CAST(pg_coltype(c.decl, c.marker) AS INTEGER), 1, 1,
  CASE pg_coltype(c.decl, c.marker) WHEN 20 THEN 9223372036854775807 WHEN 21 THEN 32767 ELSE 2147483647 END, 1, 1, 0
 FROM pgd_cols c WHERE c.marker IS NOT NULL AND c.dflt IS NULL`

func init() {
	for i, v := range catalogViews {
		if sql, ok := dumpViews[v.name]; ok {
			catalogViews[i].sql = sql
		}
		switch v.name {
		case "pg_depend":
			catalogViews[i].sql += dumpDepend
		case "pg_description":
			// the public schema's comment, as initdb sets it (pg_dump
			// writes COMMENT ON SCHEMA public IS '' when it is missing)
			catalogViews[i].sql += ` UNION ALL SELECT 2200, 2615, 0, 'standard public schema'` + publicSchemaComment + ` -- comment_objects.go
 UNION ALL
 SELECT CAST(pg_oid('rel', s.name) AS INTEGER), 1259,
  CASE WHEN json_extract(j.value, '$[0]') = '' THEN 0 ELSE (SELECT c.attnum FROM pgd_cols c WHERE c.tbl = s.name AND c.attname = json_extract(j.value, '$[0]')) END,
  json_extract(j.value, '$[1]')
 FROM pgd_rel s, json_each(pg_table_comments(s.sql)) j WHERE s.type = 'table' AND s.sql LIKE '%/*pg_comment:%'` // comment.go
		case "pg_sequence":
			catalogViews[i].sql += dumpSequence
		}
	}
	for _, c := range []string{"ev_class"} {
		catalogColOID[c] = 26
	}
	catalogColOID["is_instead"] = 16
	catalogColOID["ev_type"] = 18
	catalogColOID["ev_enabled"] = 18
}

// dumpFuncs are this file's deterministic SQL functions (registered with
// catalog.go's).
var dumpFuncs = map[string]struct {
	n int32
	f fn
}{
	"pg_dump_coltype":   {2, fnDumpColType},
	"pg_dump_qualify":   {1, fnDumpQualify},
	"pg_dump_indkey":    {1, fnDumpIndkey},
	"pg_dump_viewdef":   {1, fnDumpViewdef},
	"pg_indexdef":       {6, fnIndexdef},
	"pg_view_updatable": {1, fnViewUpdatable}, // view_write.go
	"pg_view_check_option": {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if c := viewCheckOption(str(a[0])); c != "" {
			return c, nil
		}
		return "NONE", nil
	}},
	"pg_sql_mentions":     {2, fnSQLMentions},
	"pg_declared_conname": {3, fnDeclaredConname},
	"pg_table_comments":   {1, fnTableComments}, // comment.go
	"pg_serial_decl": {2, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		return SerialDecl(str(a[0]), str(a[1])), nil
	}},
}

// fnDumpColType(decl, marker) is format_type of a column's type as
// pg_dump needs it: built-in types by their SQL name with modifiers, a
// user type (an enum) qualified with its schema.
func fnDumpColType(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	decl := colDecl(a)
	if oid, tm := DeclTypeOID(decl); oid != 0 && DeclTypeKnown(decl) {
		return FormatType(oid, tm), nil
	} else if strings.TrimSpace(decl) == "" {
		return "text", nil
	} else if !maybeEnum(&token{typ: tIdent, text: strings.TrimSpace(decl)}) && oid != 0 {
		return FormatType(oid, tm), nil
	}
	return "public." + quoteIdent(strings.TrimSpace(decl)), nil
}

var (
	nextvalRe     = regexp.MustCompile(`nextval\('([^'.]+)'::regclass\)`)
	literalCastRe = regexp.MustCompile(`('(?:[^']|'')*')::("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)`)
	referencesRe  = regexp.MustCompile(`REFERENCES ([^ .(]+)\(`)
)

// fnDumpQualify qualifies the relation names in a column default
// (nextval('seq'::regclass)), a foreign key definition (REFERENCES t)
// and the enum type of a default's cast ('v'::mood).
func fnDumpQualify(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s := nextvalRe.ReplaceAllString(str(a[0]), `nextval('public.$1'::regclass)`)
	s = literalCastRe.ReplaceAllStringFunc(s, func(m string) string {
		sm := literalCastRe.FindStringSubmatch(m)
		if name := strings.Trim(sm[2], `"`); DeclTypeKnown(name) || !maybeEnum(&token{typ: tIdent, text: name}) {
			return m
		}
		return sm[1] + "::public." + sm[2]
	})
	return referencesRe.ReplaceAllString(s, `REFERENCES public.$1(`), nil
}

// fnDumpIndkey is an int2vector of index columns with 0 for an expression
// (SQLite's pragma_index_info numbers it -2, the view -1).
func fnDumpIndkey(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	f := strings.Fields(str(a[0]))
	for i, v := range f {
		if n, err := strconv.Atoi(v); err == nil && n < 0 {
			f[i] = "0"
		}
	}
	return strings.Join(f, " "), nil
}

// fnIndexdef(pgname, table, unique, cols, createSQL, prefix) renders
// pg_get_indexdef: the column list and predicate come from the CREATE
// INDEX statement when there is one (so expressions stay), else from the
// key columns of the constraint's automatic index; prefix qualifies the
// table ("public." for pg_dump).
func fnIndexdef(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	name, tbl, uniq, cols, isql, prefix := str(a[0]), str(a[1]), a[2], str(a[3]), a[4], str(a[5])
	where := ""
	if isql != nil {
		x := newTx(str(isql))
		if on := x.findKw(0, x.n(), 0, "ON"); on >= 0 {
			if _, j := x.name(on + 1); x.isP(j, "(") {
				e := x.match(j)
				// (to the parenthesis: a NULLS mark may follow the last element)
				cols = indexColsShown(strings.TrimSpace(x.src[x.T(j+1).pos:x.T(e).pos])) // index_nulls.go
				if w := x.findKw(e, x.n(), 0, "WHERE"); w >= 0 {
					where = " WHERE (" + stripParens(x.orig(w+1, x.n())) + ")"
				}
			}
		}
	}
	u := ""
	if n, _ := toInt(uniq); n != 0 {
		u = "UNIQUE "
	}
	return "CREATE " + u + "INDEX " + quoteIdent(name) + " ON " + prefix + quoteIdent(tbl) + " USING btree (" + cols + ")" + where, nil
}

// fnSQLMentions(sql, name) reports whether the statement sql names name
// as an identifier (a view's dependencies: over-reporting a column of the
// same name only adds an ordering constraint).
func fnSQLMentions(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x := newTx(str(a[0]))
	n := str(a[1])
	for i := 0; i < x.n(); i++ {
		if t := x.T(i); (t.typ == tIdent || t.typ == tQIdent) && t.identName() == n && !x.isP(i+1, "(") {
			return int64(1), nil
		}
	}
	return int64(0), nil
}

// fnDumpViewdef(createViewSQL) is pg_get_viewdef under pg_dump's empty
// search_path: the view's query with the relations of its FROM lists
// qualified with public. (common table expressions and functions in FROM
// stay as they are), ending in ";" as pg_dump requires.
func fnDumpViewdef(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	body, _ := fnViewBody(nil, a)
	if body == nil {
		return nil, nil
	}
	x := newTx(strings.TrimSuffix(strings.TrimSpace(str(body)), ";"))
	var b strings.Builder
	last := 0
	for _, i := range x.fromRelations() { // searchpath.go
		p := x.T(i).pos
		b.WriteString(x.src[last:p])
		b.WriteString("public.")
		last = p
	}
	b.WriteString(x.src[last:])
	return " " + strings.TrimSpace(b.String()) + ";", nil
}

// fnDeclaredConname(createTableSQL, origin, columns) is the name a CREATE
// TABLE gave the primary key (origin "pk") or unique constraint ("u") on
// the comma-separated columns, with CONSTRAINT name (as a table constraint
// or on the column), or NULL when it gave none (the catalog then uses
// PostgreSQL's default name). SQLite names these indexes itself
// (sqlite_autoindex_t_N), so the declared name is read from the text.
func fnDeclaredConname(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	sql, origin, cols := str(a[0]), str(a[1]), strings.ToLower(str(a[2]))
	if !strings.Contains(strings.ToUpper(sql), "CONSTRAINT") {
		return nil, nil
	}
	kw := "UNIQUE"
	if origin == "pk" {
		kw = "PRIMARY"
	}
	x := newTx(sql)
	open := x.firstTopParen()
	if open < 0 {
		return nil, nil
	}
	for _, el := range x.splitTop(open+1, x.match(open)) {
		col := ""
		if !x.T(el[0]).kw("CONSTRAINT") && !x.T(el[0]).kw(kw) {
			col, _ = x.name(el[0])
		}
		for k := el[0]; k+2 < el[1]; k++ {
			if !x.T(k).kw("CONSTRAINT") || !x.T(k+2).kw(kw) {
				continue
			}
			name := x.T(k + 1).identName()
			var got []string
			if col != "" {
				got = []string{col}
			} else if p := k + 3; x.isP(p, "(") || x.isP(p+1, "(") {
				if !x.isP(p, "(") {
					p++ // PRIMARY KEY (
				}
				for _, c := range x.splitTop(p+1, x.match(p)) {
					n, _ := x.name(c[0])
					got = append(got, strings.ToLower(n))
				}
			}
			if strings.ToLower(strings.Join(got, ",")) == cols {
				return name, nil
			}
		}
	}
	return nil, nil
}

// viewTextMark starts the comment in which CREATE VIEW keeps the
// PostgreSQL text of the view's query (hex, so no text can end the
// comment): SQLite stores the statement as written, so the text is
// replicated with it through the log and travels in snapshots, and
// pg_get_viewdef, pg_views and information_schema.views (pg_view_body)
// show what the user wrote, not its SQLite translation, which PostgreSQL
// could not read back from a dump.
const viewTextMark = "/*pg_view_text:"

// viewText finds the AS of CREATE VIEW (obj at i, the VIEW keyword) and
// returns its index and the comment carrying the original query text;
// -1 when there is none.
func (x *tx) viewText(i int) (int, string) {
	for k := i + 1; k < x.n(); k++ {
		if x.depth[k] == 0 && x.T(k).kw("AS") {
			body := strings.TrimSpace(x.orig(k+1, x.n()))
			if body == "" {
				return -1, ""
			}
			return k, viewTextMark + hex.EncodeToString([]byte(body)) + "*/"
		}
	}
	return -1, ""
}

// viewPGText is the PostgreSQL text kept in a CREATE VIEW statement (from
// sqlite_schema), without a trailing semicolon.
func viewPGText(createSQL string) (string, bool) {
	i := strings.Index(createSQL, viewTextMark)
	if i < 0 {
		return "", false
	}
	rest := createSQL[i+len(viewTextMark):]
	j := strings.Index(rest, "*/")
	if j < 0 {
		return "", false
	}
	b, err := hex.DecodeString(rest[:j])
	if err != nil {
		return "", false
	}
	return strings.TrimSuffix(strings.TrimSpace(string(b)), ";"), true
}

// firstTopParen is the index of the first "(" outside parentheses (a
// CREATE TABLE's element list), or -1.
func (x *tx) firstTopParen() int {
	for i := 0; i < x.n(); i++ {
		if x.isP(i, "(") && x.depth[i] == 0 {
			return i
		}
	}
	return -1
}

// fnViewUpdatable(createViewSQL) is 'YES' for a view that can be written
// through (ViewAutoUpdatable), else 'NO', as information_schema shows it.
func fnViewUpdatable(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if ViewAutoUpdatable(str(a[0])) {
		return "YES", nil
	}
	return "NO", nil
}
