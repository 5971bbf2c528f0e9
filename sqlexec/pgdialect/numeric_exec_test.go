package pgdialect

import (
	"database/sql"
	"strings"
	"testing"
)

// TestNumericColumns runs numeric columns on SQLite: stored as decimal
// text, compared and ordered by value (also through an index), summed
// exactly, bad input refused.
func TestNumericColumns(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE acct (id int PRIMARY KEY, bal numeric(10,2), n numeric);
CREATE INDEX acct_bal ON acct (bal);
INSERT INTO acct VALUES (1, '0.33', '1.50'), (2, '10.00', '9'), (3, '9.00', '0.1'), (4, NULL, NULL), (5, '-0.10', '0.2')`)
	for _, c := range []struct{ q, want string }{
		{"SELECT id FROM acct WHERE bal = 0.33", "1"},
		{"SELECT id FROM acct WHERE bal = '0.330'", "1"},
		{"SELECT id FROM acct WHERE n = 1.5", "1"},
		{"SELECT count(*) FROM acct WHERE bal > 9.5", "1"},
		{"SELECT string_agg(id::text, ',' ORDER BY bal) FROM acct WHERE bal IS NOT NULL", "5,1,3,2"},
		{"SELECT max(bal) FROM acct", "10.00"},
		{"SELECT min(bal) FROM acct", "-0.10"},
		{"SELECT sum(bal) FROM acct", "19.23"},
		{"SELECT sum(n) FROM acct WHERE id IN (3, 5)", "0.3"},
		{"SELECT avg(bal) FROM acct", "4.8075000000000000"},
		{"SELECT round(sum(n), 3) FROM acct", "10.800"},
		{"SELECT bal FROM acct WHERE id = 2", "10.00"},
		{"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'acct'::regclass AND attname = 'bal'", "numeric(10,2)"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	// the index is used for the equality lookup
	if plan := queryPlan(t, db, "SELECT id FROM acct WHERE bal = 0.33"); !strings.Contains(plan, "acct_bal") {
		t.Errorf("plan does not use the index: %s", plan)
	}
	for _, c := range []struct{ q, code string }{
		{"INSERT INTO acct VALUES (6, 'abc', 1)", "22P02"},
		{"INSERT INTO acct VALUES (7, '123456789.00', 1)", "22003"},
		{"INSERT INTO acct VALUES (8, 1, 'Infinity x')", "22P02"},
		{"UPDATE acct SET bal = 'x' WHERE id = 1", "22P02"},
		{"CREATE TABLE bad (x numeric(0,2))", "22023"},
		{"CREATE TABLE bad (x numeric(1001))", "22023"},
	} {
		st, err := Translate(c.q)
		if err == nil {
			_, err = db.Exec(st.Exec[0])
		}
		code := ""
		if e, ok := err.(*Error); ok {
			code = e.Code
		} else if err != nil {
			code, _, _ = ParseSQLStateError(err.Error())
		}
		if code != c.code {
			t.Errorf("%s: err %v, want SQLSTATE %s", c.q, err, c.code)
		}
	}
}

// queryPlan returns SQLite's EXPLAIN QUERY PLAN details for q.
func queryPlan(t *testing.T, db *sql.DB, q string) string {
	t.Helper()
	st, err := Translate(q)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("EXPLAIN QUERY PLAN " + st.Exec[0])
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "; ")
	}
	return b.String()
}

// TestNumericLiteralDigits: a numeric literal written into a numeric
// column keeps its own digits (SQLite reads it as a double, which keeps
// neither trailing zeros nor more than 17 digits), in INSERT and UPDATE;
// integer columns still round it as an assignment cast.
func TestNumericLiteralDigits(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE lit (id int PRIMARY KEY, n numeric, b numeric(10,2), i int);
INSERT INTO lit VALUES (1, 3.14159265358979323846, 100.005, 2.5), (2, 1.10, -0.005, -2.5), (3, 0.000, 1e3, 7);
UPDATE lit SET n = -12345678901234567890.10 WHERE id = 3`)
	for _, c := range []struct{ q, want string }{
		{"SELECT n FROM lit WHERE id = 1", "3.14159265358979323846"},
		{"SELECT n FROM lit WHERE id = 2", "1.10"},
		{"SELECT n FROM lit WHERE id = 3", "-12345678901234567890.10"},
		{"SELECT b FROM lit WHERE id = 1", "100.01"},
		{"SELECT b FROM lit WHERE id = 2", "-0.01"},
		{"SELECT b FROM lit WHERE id = 3", "1000.00"},
		{"SELECT i FROM lit WHERE id = 1", "3"},
		{"SELECT i FROM lit WHERE id = 2", "-3"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}

// TestFloat8ToNumericDigits: float8 -> numeric keeps 15 significant
// digits, as PostgreSQL 15 does (answers recorded from PostgreSQL 15).
func TestFloat8ToNumericDigits(t *testing.T) {
	db := openCatalogDB(t, "")
	wantAnswers(t, db, map[string]string{
		"SELECT (1/3::float8)::numeric":               "0.333333333333333",
		"SELECT (0.1::float8 + 0.2::float8)::numeric": "0.3",
		"SELECT 123456789012345678::float8::numeric":  "123456789012346000",
		"SELECT 1e-7::float8::numeric":                "0.0000001",
		"SELECT 1.5e15::float8::numeric":              "1500000000000000",
		"SELECT (2.0::float8 / 3)::numeric(10,4)":     "0.6667",
	})
}
