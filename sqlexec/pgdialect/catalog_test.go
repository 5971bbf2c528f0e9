package pgdialect

import (
	"database/sql"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	_ "modernc.org/sqlite"
)

// openCatalogDB opens an in-memory SQLite database with Register() and
// CatalogSQL() applied and the statements of schemaFile executed through
// Split + Translate.
func openCatalogDB(t testing.TB, schemaFile string) *sql.DB {
	t.Helper()
	if err := Register(Env{}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	for _, s := range []string{SequencesTableSQL, ExtensionsTableSQL, EnumsTableSQL, CommentsTableSQL, BoolsTableSQL, BoolsRowsSQL} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range CatalogSQL() {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("catalog: %v\n%s", err, s)
		}
	}
	if schemaFile != "" {
		b, err := os.ReadFile(schemaFile)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range Split(string(b)) {
			st, err := Translate(q)
			if err != nil {
				t.Fatalf("translate %q: %v", q, err)
			}
			for _, e := range st.Exec {
				if err := execTranslated(db, e); err != nil { // serial_test.go
					t.Fatalf("exec %q: %v", e, err)
				}
			}
		}
	}
	return db
}

// runPG runs a translated statement and renders its rows like
// `psql -A -F '|' -P null=<NULL>`: header line, then rows; booleans (by
// Stmt.ColumnOIDs) as t/f.
func runPG(db *sql.DB, q string) string {
	st, err := Translate(q)
	if err != nil {
		return "ERROR: " + err.Error() + "\n"
	}
	var b strings.Builder
	for _, e := range st.Exec {
		rows, err := db.Query(e)
		if err != nil {
			return "ERROR: " + err.Error() + "\n"
		}
		cols, _ := rows.Columns()
		b.WriteString(strings.Join(cols, "|") + "\n")
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				return "ERROR: " + err.Error() + "\n"
			}
			out := make([]string, len(cols))
			for i, v := range vals {
				var oid uint32
				if i < len(st.ColumnOIDs) {
					oid = st.ColumnOIDs[i]
				}
				out[i] = renderValue(v, oid)
			}
			b.WriteString(strings.Join(out, "|") + "\n")
		}
		if err := rows.Err(); err != nil {
			b.WriteString("ERROR: " + err.Error() + "\n")
		}
		rows.Close()
	}
	return b.String()
}

func renderValue(v any, oid uint32) string {
	switch v := v.(type) {
	case nil:
		return "<NULL>"
	case []byte:
		return string(v)
	case int64:
		if oid == pgoid.Bool {
			if v != 0 {
				return "t"
			}
			return "f"
		}
		return fmt.Sprint(v)
	case float64:
		if oid == pgoid.Bool {
			if v != 0 {
				return "t"
			}
			return "f"
		}
	}
	return fmt.Sprint(v)
}

func sections(s string) (names []string, m map[string]string) {
	m = map[string]string{}
	cur := ""
	var body []string
	flush := func() {
		if cur != "" {
			names = append(names, cur)
			m[cur] = strings.TrimRight(strings.Join(body, "\n"), "\n")
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if n, ok := strings.CutPrefix(line, "-- name: "); ok {
			flush()
			cur, body = n, nil
			continue
		}
		body = append(body, line)
	}
	flush()
	return names, m
}

// knownCatalogDiffs lists golden sections (captured from PostgreSQL 15)
// that raftsql answers differently on purpose; see docs/sql-dialect.md.
var knownCatalogDiffs = map[string]string{
	"d orders q05": "CHECK expressions are shown as written (no ::double precision cast)",
}

// TestPsqlCatalog runs the catalog queries psql 15 sends for \l, \dt, \d,
// \d TABLE, \d VIEW, \di, \dn, \du, \dv against testdata/catalog_schema.sql
// and compares the rows with PostgreSQL 15's (testdata/psql_catalog.golden,
// produced by running the same schema and queries on PostgreSQL 15.18).
func TestPsqlCatalog(t *testing.T) {
	// catalog_schema.sql: serial/bigserial, FK, CHECK, UNIQUE, defaults,
	// a view, pgbench's ADD PRIMARY KEY; catalog_schema2.sql: the schema of
	// integration/testdata/psql.
	for _, set := range []struct{ schema, queries, golden, ours string }{
		{"testdata/catalog_schema.sql", "testdata/psql_queries.sql", "testdata/psql_catalog.golden", "testdata/psql_catalog.ours"},
		{"testdata/catalog_schema2.sql", "testdata/psql_queries2.sql", "testdata/psql_catalog2.golden", "testdata/psql_catalog2.ours"},
	} {
		t.Run(set.schema, func(t *testing.T) { testPsqlCatalog(t, set.schema, set.queries, set.golden, set.ours) })
	}
}

func testPsqlCatalog(t *testing.T, schema, queriesFile, goldenFile, oursFile string) {
	db := openCatalogDB(t, schema)
	qb, err := os.ReadFile(queriesFile)
	if err != nil {
		t.Fatal(err)
	}
	gb, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	names, queries := sections(string(qb))
	_, golden := sections(string(gb))
	var rels []string
	rows, err := db.Query(`SELECT relname FROM pg_class`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		rels = append(rels, n)
	}
	rows.Close()
	sort.Slice(rels, func(i, j int) bool { return len(rels[i]) > len(rels[j]) })
	oidRe := regexp.MustCompile(`\{\{oid:(\w+)\}\}`)
	var ours strings.Builder
	for _, name := range names {
		q := oidRe.ReplaceAllStringFunc(queries[name], func(s string) string {
			return fmt.Sprint(RelOID(oidRe.FindStringSubmatch(s)[1]))
		})
		got := runPG(db, q)
		for _, r := range rels {
			got = regexp.MustCompile(`\b`+fmt.Sprint(RelOID(r))+`\b`).ReplaceAllString(got, "<oid:"+r+">")
		}
		got = strings.TrimRight(got, "\n")
		fmt.Fprintf(&ours, "-- name: %s\n%s\n\n", name, got)
		want := strings.TrimRight(golden[name], "\n")
		if got != want {
			if why, ok := knownCatalogDiffs[name]; ok {
				t.Logf("%s: known difference (%s)", name, why)
				continue
			}
			t.Errorf("%s:\n--- got\n%s\n--- want (PostgreSQL 15)\n%s", name, got, want)
		}
	}
	if os.Getenv("PGDIALECT_WRITE_OURS") != "" {
		os.WriteFile(oursFile, []byte(ours.String()), 0o644)
	}
}
