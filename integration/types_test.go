package integration

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Type families: each test is a script of statements with PostgreSQL 15's
// answers (rows in text format, or the SQLSTATE of the error). They run
// against raftsql and, with RAFTSQL_REFERENCE_URL set, against a real
// PostgreSQL, so the expectations are PostgreSQL's.

// typeStep is one statement and its expected outcome: rows (columns joined
// by "|", rows by "\n", NULL as <null>) or the SQLSTATE of its error.
type typeStep struct {
	sql  string
	rows string
	code string
}

// runTypeSteps runs the steps in order on one connection (simple protocol,
// text results).
func runTypeSteps(t *testing.T, conn *pgx.Conn, steps []typeStep) {
	t.Helper()
	for _, s := range steps {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		res, err := conn.PgConn().Exec(ctx, s.sql).ReadAll()
		cancel()
		if s.code != "" {
			if code := pgCode(err); code != s.code {
				t.Errorf("%s: error %v (SQLSTATE %q), want SQLSTATE %s", s.sql, err, code, s.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", s.sql, err)
			continue
		}
		if got := resultText(res); got != s.rows {
			t.Errorf("%s:\n got %q\nwant %q", s.sql, got, s.rows)
		}
	}
}

func resultText(res []*pgconn.Result) string {
	var rows []string
	for _, r := range res {
		for _, row := range r.Rows {
			cols := make([]string, len(row))
			for i, v := range row {
				if v == nil {
					cols[i] = "<null>"
				} else {
					cols[i] = string(v)
				}
			}
			rows = append(rows, strings.Join(cols, "|"))
		}
	}
	return strings.Join(rows, "\n")
}

func typeFamily(t *testing.T, steps []typeStep) {
	t.Helper()
	urls := e2eURLs(t)
	runTypeSteps(t, connect(t, urls[0]), steps)
}

func TestTypesBoolean(t *testing.T) {
	typeFamily(t, []typeStep{
		{sql: "CREATE TABLE tb (id int PRIMARY KEY, b boolean)"},
		{sql: "INSERT INTO tb VALUES (1, 'yes'), (2, 'on'), (3, '1'), (4, 't'), (5, 'off'), (6, 'N'), (7, true), (8, NULL), (9, ' TRUE ')"},
		{sql: "INSERT INTO tb VALUES (10, 'maybe')", code: "22P02"},
		{sql: "INSERT INTO tb (id, b) SELECT 11, 'maybe'", code: "22P02"},
		{sql: "INSERT INTO tb (id, b) SELECT 12, 'yes'"},
		{sql: "UPDATE tb SET b = 'nope' WHERE id = 1", code: "22P02"},
		{sql: "UPDATE tb SET b = 'false' WHERE id = 2"},
		{sql: "SELECT * FROM tb ORDER BY id", rows: "1|t\n2|f\n3|t\n4|t\n5|f\n6|f\n7|t\n8|<null>\n9|t\n12|t"},
		{sql: "SELECT count(*) FROM tb WHERE b", rows: "6"},
		{sql: "INSERT INTO tb VALUES (13, 'no') RETURNING b, b IS NOT NULL", rows: "f|t"},
		{sql: "SELECT id FROM tb WHERE b = 'no' AND id > 10", rows: "13"},
		{sql: "SELECT count(*) FROM tb WHERE 'yes' = b", rows: "6"},
		{sql: "SELECT id FROM tb WHERE b = 'maybe'", code: "22P02"},
		{sql: "SELECT pg_is_in_recovery(), 1 IS NULL", rows: "f|f"},
	})
}

func TestTypesIntegers(t *testing.T) {
	typeFamily(t, []typeStep{
		{sql: "CREATE TABLE ti (id int PRIMARY KEY, s smallint, i integer, b bigint)"},
		{sql: "INSERT INTO ti VALUES (1, 1, 2, 3), (2, '42', ' 7 ', '-9223372036854775808')"},
		{sql: "INSERT INTO ti VALUES (3, 70000, 0, 0)", code: "22003"},
		{sql: "INSERT INTO ti VALUES (3, '70000', 0, 0)", code: "22003"},
		{sql: "INSERT INTO ti VALUES (3, 0, 2147483648, 0)", code: "22003"},
		{sql: "INSERT INTO ti VALUES (3, 0, 'abc', 0)", code: "22P02"},
		{sql: "INSERT INTO ti VALUES (3, 0, '4.5', 0)", code: "22P02"},
		{sql: "INSERT INTO ti VALUES (3, 0, 0, '9223372036854775808')", code: "22003"},
		{sql: "INSERT INTO ti VALUES (3, 1.5, 2.4, 0)"},
		{sql: "UPDATE ti SET s = 40000 WHERE id = 1", code: "22003"},
		{sql: "UPDATE ti SET s = s + 1 WHERE id = 1"},
		{sql: "SELECT * FROM ti ORDER BY id", rows: "1|2|2|3\n2|42|7|-9223372036854775808\n3|2|2|0"},
		{sql: "SELECT id FROM ti WHERE i = 7", rows: "2"},
	})
}

func TestTypesFloats(t *testing.T) {
	typeFamily(t, []typeStep{
		{sql: "CREATE TABLE tf (id int PRIMARY KEY, r real, d double precision)"},
		{sql: "INSERT INTO tf VALUES (1, 0.1, 0.1), (2, '1.5', '-2e3'), (3, 1, 2)"},
		{sql: "INSERT INTO tf VALUES (4, 'abc', 0)", code: "22P02"},
		{sql: "INSERT INTO tf VALUES (4, 0, 'x1')", code: "22P02"},
		{sql: "INSERT INTO tf VALUES (4, 1e39, 0)", code: "22003"},
		{sql: "SELECT * FROM tf ORDER BY id", rows: "1|0.1|0.1\n2|1.5|-2000\n3|1|2"},
	})
}

func TestTypesText(t *testing.T) {
	long := strings.Repeat("x", 300)
	typeFamily(t, []typeStep{
		{sql: "CREATE TABLE tt (id int PRIMARY KEY, v varchar(255), c char(3), x text, v3 varchar(3))"},
		{sql: "INSERT INTO tt (id, v) VALUES (1, '" + long + "')", code: "22001"},
		{sql: "INSERT INTO tt (id, c) VALUES (1, 'abcd')", code: "22001"},
		{sql: "INSERT INTO tt (id, v3) VALUES (1, 'abcd')", code: "22001"},
		{sql: "INSERT INTO tt (id, v3, c) VALUES (1, 'abc   ', 'ab   ')"},
		{sql: "INSERT INTO tt (id, v, x) VALUES (2, 'é', 'text')"},
		{sql: "UPDATE tt SET v3 = 'toolong' WHERE id = 2", code: "22001"},
		{sql: "SELECT id, v, v3, x, length(v3) FROM tt ORDER BY id", rows: "1|<null>|abc|<null>|3\n2|é|<null>|text|<null>"},
		{sql: "SELECT id FROM tt WHERE c = 'ab'", rows: "1"},
		{sql: "SELECT c, length(c) FROM tt WHERE id = 1", rows: "ab |2"},
		{sql: "INSERT INTO tt (id, c) VALUES (3, 'ab')"},
		{sql: "SELECT count(DISTINCT c) FROM tt", rows: "1"},
	})
}

func TestTypesBytea(t *testing.T) {
	typeFamily(t, []typeStep{
		{sql: "CREATE TABLE ty (id int PRIMARY KEY, b bytea)"},
		{sql: `INSERT INTO ty VALUES (1, '\x0102ff'), (2, 'abc')`},
		{sql: `INSERT INTO ty VALUES (3, '\xzz')`, code: "22023"},
		{sql: `INSERT INTO ty VALUES (3, '\x012')`, code: "22023"},
		{sql: `INSERT INTO ty VALUES (3, 'a\q')`, code: "22P02"},
		{sql: "SELECT * FROM ty ORDER BY id", rows: `1|\x0102ff` + "\n" + `2|\x616263`},
	})
}

func TestTypesJSON(t *testing.T) {
	typeFamily(t, []typeStep{
		{sql: "CREATE TABLE tj (id int PRIMARY KEY, j json, b jsonb)"},
		{sql: `INSERT INTO tj VALUES (1, '{"b":1,  "a":[1,2]}', '{"bb":1,"a":[1, 2.50, 1e2],"a":"dup"}')`},
		{sql: "INSERT INTO tj (id, j) VALUES (2, 'not json')", code: "22P02"},
		{sql: "INSERT INTO tj (id, b) VALUES (2, 'not json')", code: "22P02"},
		{sql: "INSERT INTO tj (id, b) VALUES (2, '{\"a\":1')", code: "22P02"},
		{sql: "UPDATE tj SET b = '[1,' WHERE id = 1", code: "22P02"},
		{sql: "INSERT INTO tj (id, b) VALUES (3, '{\"k\": \"v\", \"a\": true}')"},
		{sql: "SELECT * FROM tj ORDER BY id", rows: `1|{"b":1,  "a":[1,2]}|{"a": "dup", "bb": 1}` + "\n" + `3|<null>|{"a": true, "k": "v"}`},
		{sql: `SELECT id FROM tj WHERE b = '{"a": true, "k": "v"}'`, rows: "3"},
	})
}

func TestTypesUUID(t *testing.T) {
	typeFamily(t, []typeStep{
		{sql: "CREATE TABLE tu (id uuid PRIMARY KEY, n int)"},
		{sql: "INSERT INTO tu VALUES ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 1)"},
		{sql: "INSERT INTO tu VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 2)", code: "23505"},
		{sql: "INSERT INTO tu VALUES ('{a0eebc999c0b4ef8bb6d6bb9bd380a12}', 3)"},
		{sql: "INSERT INTO tu VALUES ('not-a-uuid', 4)", code: "22P02"},
		{sql: "SELECT * FROM tu ORDER BY n", rows: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|1\na0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12|3"},
		{sql: "SELECT n FROM tu WHERE id = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12'", rows: "3"},
	})
}

// TestTypesBadRowNeverStored: a refused value leaves nothing behind and
// the table stays readable, through every write path (VALUES, SELECT,
// UPDATE, upsert, COPY, default).
func TestTypesBadRowNeverStored(t *testing.T) {
	urls := e2eURLs(t)
	conn := connect(t, urls[0])
	runTypeSteps(t, conn, []typeStep{
		{sql: "CREATE TABLE bad (id int PRIMARY KEY, b boolean, j jsonb, u uuid)"},
		{sql: "CREATE TABLE bad_default (id int, b boolean DEFAULT 'maybe')", code: "22P02"},
		{sql: "INSERT INTO bad VALUES (1, 't', '{}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')"},
		{sql: "INSERT INTO bad (id, j) VALUES (2, 'not json')", code: "22P02"},
		{sql: "INSERT INTO bad (id, u) SELECT 2, 'nope'", code: "22P02"},
		{sql: "INSERT INTO bad (id, b) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET b = 'maybe'", code: "22P02"},
		{sql: "INSERT INTO bad (id, b) VALUES (1, 'f') ON CONFLICT (id) DO UPDATE SET b = 'no'"},
		{sql: "UPDATE bad SET j = '{' WHERE id = 1", code: "22P02"},
		{sql: "SELECT * FROM bad", rows: "1|f|{}|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{sql: "SELECT count(*) FROM bad WHERE j = '{}'", rows: "1"},
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := conn.PgConn().CopyFrom(ctx, strings.NewReader("5\tyes\t[1]\t\\N\n6\tmaybe\t[]\t\\N\n"), "COPY bad (id, b, j, u) FROM STDIN")
	if pgCode(err) != "22P02" {
		t.Errorf("COPY with a bad boolean: %v, want 22P02", err)
	}
	if _, err := conn.PgConn().CopyFrom(ctx, strings.NewReader("7\tON\t[1,2]\tA0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A17\n"), "COPY bad (id, b, j, u) FROM STDIN"); err != nil {
		t.Fatal(err)
	}
	runTypeSteps(t, conn, []typeStep{
		{sql: "SELECT * FROM bad ORDER BY id", rows: "1|f|{}|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\n7|t|[1, 2]|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a17"},
	})
}

// TestTypesNumericInput: the input paths store numeric values rounded to
// the column's scale, so money sums as it displays.
func TestTypesNumericInput(t *testing.T) {
	typeFamily(t, []typeStep{
		{sql: "CREATE TABLE tn (id int PRIMARY KEY, bal numeric(10,2))"},
		{sql: "INSERT INTO tn VALUES (1, 0.333), (2, '0.335')"},
		{sql: "INSERT INTO tn (id, bal) SELECT 3, '1.005'"},
		{sql: "UPDATE tn SET bal = bal + 0.001 WHERE id = 3"},
		{sql: "INSERT INTO tn VALUES (4, 123456789.12)", code: "22003"},
		{sql: "SELECT id, bal FROM tn ORDER BY id", rows: "1|0.33\n2|0.34\n3|1.01"},
		{sql: "SELECT sum(bal) FROM tn", rows: "1.68"},
		{sql: "SELECT id FROM tn WHERE bal = 0.33", rows: "1"},
	})
}

// TestTypesAlterTable: enforcement follows columns through ADD, RENAME and
// DROP COLUMN.
func TestTypesAlterTable(t *testing.T) {
	typeFamily(t, []typeStep{
		{sql: "CREATE TABLE ta (id int PRIMARY KEY, b boolean, u uuid)"},
		{sql: "INSERT INTO ta VALUES (1, 'yes', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')"},
		{sql: "ALTER TABLE ta ADD COLUMN j jsonb"},
		{sql: "UPDATE ta SET j = 'nope'", code: "22P02"},
		{sql: "ALTER TABLE ta RENAME COLUMN b TO flag"},
		{sql: "INSERT INTO ta (id, flag) VALUES (2, 'maybe')", code: "22P02"},
		{sql: "INSERT INTO ta (id, flag) VALUES (2, 'off')"},
		{sql: "ALTER TABLE ta DROP COLUMN u"},
		{sql: "SELECT * FROM ta ORDER BY id", rows: "1|t|<null>\n2|f|<null>"},
	})
}

// TestTypesParams: values bound as parameters of the extended protocol
// are enforced and canonicalised like literals.
func TestTypesParams(t *testing.T) {
	urls := e2eURLs(t)
	conn := connect(t, urls[0])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	mustExec(t, conn, "CREATE TABLE tp (id int PRIMARY KEY, b boolean, u uuid, s smallint)")
	mustExec(t, conn, "INSERT INTO tp VALUES ($1, $2, $3, $4)", 1, true, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", 5)
	if _, err := conn.Exec(ctx, "INSERT INTO tp VALUES ($1, $2, $3, $4)", 2, true, "x", 5); pgCode(err) != "22P02" {
		t.Errorf("bad uuid parameter: %v, want 22P02", err)
	}
	if _, err := conn.Exec(ctx, "INSERT INTO tp (id, s) VALUES ($1, $2)", 3, "70000"); pgCode(err) != "22003" {
		t.Errorf("smallint parameter 70000: %v, want 22003", err)
	}
	var b bool
	var u string
	if err := conn.QueryRow(ctx, "SELECT b, u::text FROM tp WHERE u = $1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").Scan(&b, &u); err != nil {
		t.Fatal(err)
	}
	if !b || u != "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11" {
		t.Errorf("got %v %s", b, u)
	}
}
