package sqlexec

import (
	"strings"
	"testing"
)

// TestJSONTableRows: a table's whole row as JSON, each column typed as
// PostgreSQL prints it, in reads, in writes and in a transaction; a
// timestamptz in the session TimeZone.
func TestJSONTableRows(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE jr (id int PRIMARY KEY, b boolean, n numeric(6,2), tz timestamptz, j jsonb, a int[])", "")
	mustQ(t, s, `INSERT INTO jr VALUES (1, true, 2.50, '2024-01-02 03:04:05+00', '{"k": 1}', '{1,2}'), (2, NULL, NULL, NULL, NULL, NULL)`, "")
	const row1 = `{"id":1,"b":true,"n":2.50,"tz":"2024-01-02T03:04:05+00:00","j":{"k": 1},"a":[1,2]}`
	for sql, want := range map[string]string{
		"SELECT row_to_json(r) FROM jr r WHERE id = 1":        "R[" + row1 + "]",
		"SELECT to_json(jr) FROM jr WHERE id = 2":             `R[{"id":2,"b":null,"n":null,"tz":null,"j":null,"a":null}]`,
		"SELECT json_agg(r ORDER BY id) FROM jr r":            "R[[" + row1 + ", \n " + `{"id":2,"b":null,"n":null,"tz":null,"j":null,"a":null}]]`,
		"SELECT to_jsonb(r) FROM jr r WHERE id = 1":           `R[{"a": [1, 2], "b": true, "j": {"k": 1}, "n": 2.50, "id": 1, "tz": "2024-01-02T03:04:05+00:00"}]`,
		"SELECT json_build_object('k', b IS NULL) FROM jr r ": `R[{"k" : false}] R[{"k" : true}]`,
	} {
		if got, err := q(t, s, sql); err != nil || !strings.Contains(got, want) {
			t.Errorf("%s:\n got %s, %v\nwant %s", sql, got, err, want)
		}
	}
	// a write through the log and one in a transaction
	mustQ(t, s, "CREATE TABLE jout (id int, doc text)", "")
	mustQ(t, s, "INSERT INTO jout SELECT id, row_to_json(r)::text FROM jr r WHERE id = 1", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SET TimeZone = 'America/New_York'", "")
	mustQ(t, s, "INSERT INTO jout SELECT 2, json_build_object('tz', tz, 'b', b)::text FROM jr WHERE id = 1", "")
	mustQ(t, s, "COMMIT", "")
	if got, err := q(t, s, "SELECT doc FROM jout ORDER BY id"); err != nil || !strings.Contains(got, "R["+row1+"]") || !strings.Contains(got, `R[{"tz" : "2024-01-01T22:04:05-05:00", "b" : true}]`) {
		t.Errorf("written JSON: %s, %v", got, err)
	}
}

// TestIntervalColumnOrder: an interval column orders by value, also
// through an index, after ALTER COLUMN ... TYPE interval (its index is
// rebuilt) and in a transaction.
func TestIntervalColumnOrder(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE ivs (id int PRIMARY KEY, iv text)", "")
	mustQ(t, s, "CREATE INDEX ivs_iv ON ivs (iv)", "")
	mustQ(t, s, "INSERT INTO ivs VALUES (1, '1 mon'), (2, '3 days'), (3, '1 year'), (4, '02:00:00')", "")
	mustQ(t, s, "ALTER TABLE ivs ALTER COLUMN iv TYPE interval USING iv::interval", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO ivs VALUES (5, '2 days')", "")
	for sql, want := range map[string]string{
		"SELECT id FROM ivs ORDER BY iv":                    "R[4] R[5] R[2] R[1] R[3]",
		"SELECT id FROM ivs WHERE iv > '1 day' ORDER BY iv": "R[5] R[2] R[1] R[3]",
		"SELECT max(iv), min(iv) FROM ivs":                  "R[1 year 02:00:00]",
	} {
		if got, err := q(t, s, sql); err != nil || !strings.Contains(got, want) {
			t.Errorf("%s:\n got %s, %v\nwant %s", sql, got, err, want)
		}
	}
	mustQ(t, s, "COMMIT", "")
	if got, err := q(t, s, "PRAGMA integrity_check"); err != nil || !strings.Contains(got, "ok") {
		t.Errorf("integrity_check: %s, %v", got, err)
	}
}
