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
