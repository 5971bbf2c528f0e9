package pgdialect

import (
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestColumnPlusMinus checks + and - with a bare column operand, whose
// type only the schema knows: a date/time column does date/time
// arithmetic, a number column PostgreSQL's checked arithmetic
// (datetime_columns.go and arith.go together), in results, comparisons,
// BETWEEN, IN and ORDER BY.
func TestColumnPlusMinus(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE cm (id int PRIMARY KEY, a int, b bigint, n numeric(10,2), d date, d2 date, ts timestamp, j jsonb, iv interval, tm time);
INSERT INTO cm VALUES (1, 2147483647, 9223372036854775807, 12.34, '2024-01-31', '2024-01-01', '2024-02-28 10:00:00', '{"a": 1, "b": 2}', '1 mon 1 day', '08:30'),
  (2, -7, -2, 0.10, '2024-03-01', '2024-02-01', '2024-12-31 23:00:00', '[1, 2]', NULL, NULL)`)
	checkArithValues(t, db, []arithValueCase{
		{"SELECT d + 1 FROM cm WHERE id = 1", "2024-02-01"},
		{"SELECT d - 1 FROM cm WHERE id = 2", "2024-02-29"},
		{"SELECT 2 + d FROM cm WHERE id = 1", "2024-02-02"},
		{"SELECT d - d2 FROM cm WHERE id = 2", "29"},
		{"SELECT ts + '1 day' FROM cm WHERE id = 1", "2024-02-29 10:00:00"},
		{"SELECT a - 1 FROM cm WHERE id = 1", "2147483646"},
		{"SELECT b + 1 FROM cm WHERE id = 1", "ERR 22003"},
		{"SELECT n + 0.01 FROM cm WHERE id = 2", "0.11"},
		{"SELECT a + 0.5 FROM cm WHERE id = 2", "-6.5"},
		{"SELECT (SELECT count(*) FROM cm WHERE a + 0.5 BETWEEN -7 AND -6)", "1"},
		{"SELECT (SELECT count(*) FROM cm WHERE a + 0.5 > -7)", "2"},
		{"SELECT (SELECT count(*) FROM cm WHERE a + 0.5 < 1.5)", "1"},
		{"SELECT (SELECT count(*) FROM cm WHERE n - 0.05 IN (0.05, 1))", "1"},
		{"SELECT (SELECT count(*) FROM cm WHERE d + 1 > '2024-02-01')", "1"},
		{"SELECT (SELECT count(*) FROM cm WHERE d + 1 >= '2024-02-01')", "2"},
		{"SELECT (SELECT count(*) FROM cm WHERE d - 1 BETWEEN '2024-01-01' AND '2024-02-01')", "1"},
		{"SELECT (SELECT id FROM cm ORDER BY a + 0.5 LIMIT 1)", "2"},
		{"SELECT (SELECT id FROM cm ORDER BY d + 1 DESC LIMIT 1)", "2"},
		// jsonb's - is not arithmetic (jsonb_translate.go)
		{"SELECT j - 'a' FROM cm WHERE id = 1", `{"b": 2}`},
		{`SELECT '["a", "b"]'::jsonb - 0`, `["b"]`},
		{`SELECT '{"a": 1, "b": 2}'::jsonb - 'b'`, `{"a": 1}`},
		{"SELECT n - 1 FROM cm WHERE id = 2", "-0.90"},
		// two columns: a date/time sum when either is a date/time column
		{"SELECT ts + iv FROM cm WHERE id = 1", "2024-03-29 10:00:00"},
		{"SELECT iv + ts FROM cm WHERE id = 1", "2024-03-29 10:00:00"},
		{"SELECT d + tm FROM cm WHERE id = 1", "2024-01-31 08:30:00"},
		{"SELECT ts - iv FROM cm WHERE id = 1", "2024-01-27 10:00:00"},
		{"SELECT iv + iv FROM cm WHERE id = 1", "2 mons 2 days"},
		{"SELECT a + id FROM cm WHERE id = 2", "-5"},
		{"SELECT b + b FROM cm WHERE id = 1", "ERR 22003"},
		{"SELECT iv * 2 FROM cm WHERE id = 1", "2 mons 2 days"},
		{"SELECT 1.5 * iv FROM cm WHERE id = 1", "1 mon 16 days 12:00:00"},
		{"SELECT iv / 2 FROM cm WHERE id = 1", "15 days 12:00:00"},
		{"SELECT iv / 0 FROM cm WHERE id = 1", "ERR 22012"},
	})
}

// TestOperandWindowClauses: an aggregate's FILTER and a window
// function's OVER clause belong to the operand of + and - on either side.
func TestOperandWindowClauses(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE w (id int PRIMARY KEY, a int); INSERT INTO w VALUES (1, 5), (2, 6)`)
	checkArithValues(t, db, []arithValueCase{
		{"SELECT 10 + row_number() OVER () FROM w WHERE id = 1", "11"},
		{"SELECT row_number() OVER (ORDER BY id) + 10 FROM w ORDER BY id DESC LIMIT 1", "12"},
		{"SELECT count(*) FILTER (WHERE a > 5) + 1 FROM w", "2"},
		{"SELECT 1 + count(*) FILTER (WHERE a > 5) FROM w", "2"},
		{"SELECT sum(a) OVER win - 1 FROM w WINDOW win AS (ORDER BY id) ORDER BY id DESC LIMIT 1", "10"},
		{"SELECT sum(a) FILTER (WHERE a > 5) OVER win * 2 FROM w WINDOW win AS (ORDER BY id) ORDER BY id DESC LIMIT 1", "12"},
	})
}

// TestColumnPlusMinusTypes checks the result types Describe gives + and -
// on a bare column from its declared type (ArithItems, ArithType): a
// date/time column's as PostgreSQL's date/time operators, a number
// column's as arithmetic.
func TestColumnPlusMinusTypes(t *testing.T) {
	checkArithTypes(t, []arithTypeCase{
		{"SELECT d + 1 FROM t", []string{"d", "1"}, []uint32{pgoid.Date, 0}, pgoid.Date},
		{"SELECT 1 + d FROM t", []string{"1", "d"}, []uint32{0, pgoid.Date}, pgoid.Date},
		{"SELECT d - 7 FROM t", []string{"d", "7"}, []uint32{pgoid.Date, 0}, pgoid.Date},
		{"SELECT d - d2 FROM t", []string{"d", "d2"}, []uint32{pgoid.Date, pgoid.Date}, pgoid.Int4},
		{"SELECT ts - ts2 FROM t", []string{"ts", "ts2"}, []uint32{pgoid.Timestamp, pgoid.Timestamp}, pgoid.Interval},
		{"SELECT a + 1 FROM t", []string{"a", "1"}, []uint32{pgoid.Int4, 0}, pgoid.Int4},
		{"SELECT n - 0.5 FROM t", []string{"n", "'0.5'"}, []uint32{pgoid.Numeric, 0}, pgoid.Numeric},
		{"SELECT b - c FROM t", []string{"b", "c"}, []uint32{pgoid.Int8, pgoid.Int4}, pgoid.Int8},
		{"SELECT ts + iv FROM t", []string{"ts", "iv"}, []uint32{pgoid.Timestamp, pgoid.Interval}, pgoid.Timestamp},
		{"SELECT iv + d FROM t", []string{"iv", "d"}, []uint32{pgoid.Interval, pgoid.Date}, pgoid.Timestamp},
		{"SELECT d + tm FROM t", []string{"d", "tm"}, []uint32{pgoid.Date, pgoid.Time}, pgoid.Timestamp},
		{"SELECT b + c FROM t", []string{"b", "c"}, []uint32{pgoid.Int8, pgoid.Int4}, pgoid.Int8},
		// an interval column times a number; a column and a typed operand
		{"SELECT iv * 2 FROM t", []string{"iv", "2"}, []uint32{pgoid.Interval, 0}, pgoid.Interval},
		{"SELECT 1.5 * iv FROM t", []string{"'1.5'", "iv"}, []uint32{0, pgoid.Interval}, pgoid.Interval},
		{"SELECT iv / 2 FROM t", []string{"iv", "2"}, []uint32{pgoid.Interval, 0}, pgoid.Interval},
		{"SELECT d + interval '1 month' FROM t", []string{"d"}, []uint32{pgoid.Date}, pgoid.Timestamp},
		{"SELECT tz + interval '1 day' FROM t", []string{"tz"}, []uint32{pgoid.Timestamptz}, pgoid.Timestamptz},
		{"SELECT tm - time '01:00' FROM t", []string{"tm"}, []uint32{pgoid.Time}, pgoid.Interval},
		{"SELECT tm + interval '1 hour' FROM t", []string{"tm"}, []uint32{pgoid.Time}, pgoid.Time},
	})
}

// TestExtractFromColumn: EXTRACT of a column takes the column's declared
// type, which the stored text may not show (the interval '00:00:01.5'
// reads as a time of day: extract(day ...) failed with 22023), and the
// FROM inside EXTRACT(... FROM x) is no FROM clause (iv + iv inside it was
// numeric addition). Answers from PostgreSQL 15.
func TestExtractFromColumn(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ex (id int PRIMARY KEY, iv interval, t time, s text);
INSERT INTO ex VALUES (1, '00:00:01.5', '10:00', 'ab'), (2, '02:00:00', '23:59:59', 'cd')`)
	checkArithValues(t, db, []arithValueCase{
		{"SELECT extract(day from iv) FROM ex WHERE id = 1", "0"},
		{"SELECT extract(epoch from iv) FROM ex WHERE id = 1", "1.500000"},
		{"SELECT extract(second from ex.iv) FROM ex WHERE id = 1", "1.500000"},
		{"SELECT extract(hour from iv + iv) FROM ex WHERE id = 2", "4"},
		{"SELECT extract(hour from t) FROM ex WHERE id = 2", "23"},
		{"SELECT date_part('day', iv) FROM ex WHERE id = 1", "0"},
		{"SELECT date_part('month', ex.iv) FROM ex WHERE id = 2", "0"},
		{"SELECT substring(s from 2) FROM ex WHERE id = 1", "b"},
	})
}

// TestDateBesideColumn: a date compared with a timestamp or timestamptz
// column is that type's midnight (PostgreSQL 15's answers, session
// TimeZone UTC; the zone's midnight is TestZonedFunctions' pg_date_as).
func TestDateBesideColumn(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE dbc (id int PRIMARY KEY, tz timestamptz, ts timestamp, d date);
INSERT INTO dbc VALUES (1, '2024-01-16 10:00:00+00', '2024-06-01 00:00:00', '2024-06-01'), (2, '2024-06-01 00:00:00+00', '2024-06-01 10:00:00', '2024-06-02')`)
	checkArithValues(t, db, []arithValueCase{
		{"SELECT count(*) FROM dbc WHERE tz = '2024-06-01'::date", "1"},
		{"SELECT count(*) FROM dbc WHERE ts = date '2024-06-01'", "1"},
		{"SELECT count(*) FROM dbc WHERE '2024-06-01'::date < ts", "1"},
		{"SELECT count(*) FROM dbc WHERE tz >= '2024-06-01'::date", "1"},
		{"SELECT count(*) FROM dbc WHERE d = '2024-06-01'::date", "1"},
		{"SELECT count(*) FROM dbc WHERE tz BETWEEN '2024-06-01'::date AND '2024-06-02'::date", "1"},
		{"SELECT count(*) FROM dbc WHERE ts NOT BETWEEN date '2024-06-01' AND '2024-06-01 05:00'", "1"},
		{"SELECT count(*) FROM dbc WHERE ts BETWEEN '2024-05-31'::date AND '2024-06-01'::date", "1"},
	})
}
