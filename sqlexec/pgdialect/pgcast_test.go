package pgdialect

import (
	"regexp"
	"strings"
	"testing"
)

// TestTextCasts checks PostgreSQL's text output of ::text casts.
func TestTextCasts(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE tt (id int PRIMARY KEY, b boolean, f4 real, f8 double precision, n numeric(12,3), by bytea, u uuid, d date, ts timestamp, tz timestamptz);
INSERT INTO tt VALUES (1, true, 1.5, 3.141592653589793, 12345.6, '\x00ff'::bytea, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid, '2024-02-29', '2024-02-29T13:14:15.500', '2024-02-29 13:14:15.123456');
INSERT INTO tt (id, b) VALUES (2, 'f')`)
	for _, c := range []struct{ q, want string }{
		{"SELECT true::text", "true"},
		{"SELECT CAST(false AS text)", "false"},
		{"SELECT 3.141592653589793::float8::text", "3.141592653589793"},
		{"SELECT '\\x0102'::bytea::text", `\x0102`},
		{"SELECT (1 = 1)::text", "true"},
		{"SELECT b::text FROM tt WHERE id = 1", "true"},
		{"SELECT tt.b::text FROM tt WHERE id = 2", "false"},
		{"SELECT x.b::varchar FROM tt AS x WHERE id = 1", "true"},
		{"SELECT CAST(b AS text) FROM tt WHERE id = 2", "false"},
		{"SELECT f4::text FROM tt WHERE id = 1", "1.5"},
		{"SELECT f8::text FROM tt WHERE id = 1", "3.141592653589793"},
		{"SELECT n::text FROM tt WHERE id = 1", "12345.600"},
		{"SELECT by::text FROM tt WHERE id = 1", `\x00ff`},
		{"SELECT u::text FROM tt WHERE id = 1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{"SELECT d::text FROM tt WHERE id = 1", "2024-02-29"},
		{"SELECT id::text FROM tt WHERE id = 1", "1"},
		{"SELECT ts::text FROM tt WHERE id = 1", "2024-02-29 13:14:15.5"},
		{"SELECT tz::text FROM tt WHERE id = 1", "2024-02-29 13:14:15.123456+00"},
		{"SELECT 'it''s'::text", "it's"},
		{"SELECT (0.1 + 0.2)::text", "0.3"}, // numeric, as in PostgreSQL
		{"SELECT '-Infinity'::float8::text", "-Infinity"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}

// TestCheckedCasts checks the conversions that raise PostgreSQL's errors.
func TestCheckedCasts(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{"SELECT '42'::int + 1", "43"},
		{"SELECT ' -7 '::smallint", "-7"},
		{"SELECT CAST('12' AS bigint)", "12"},
		{"SELECT 2.5::int", "3"},
		{"SELECT '1.50'::numeric", "1.50"},
		{"SELECT '12'::numeric", "12"},
		{"SELECT 'yes'::boolean", "t"},
		{"SELECT '2024-02-29 10:00:00'::date", "2024-02-29"},
		{"SELECT DATE '2024-01-01'", "2024-01-01"},
		{"SELECT '2024-02-29 10:00:00'::timestamp", "2024-02-29 10:00:00"},
		{"SELECT '{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}'::uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{"SELECT NULL::int", "<NULL>"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	for _, c := range []struct{ q, code, msg string }{
		{"SELECT 'abc'::int", "22P02", `invalid input syntax for type integer: "abc"`},
		{"SELECT CAST('abc' AS integer)", "22P02", `invalid input syntax for type integer: "abc"`},
		{"SELECT '1.5'::bigint", "22P02", `invalid input syntax for type bigint: "1.5"`},
		{"SELECT 'x'::smallint", "22P02", `invalid input syntax for type smallint: "x"`},
		{"SELECT 'abc'::numeric", "22P02", `invalid input syntax for type numeric: "abc"`},
		{"SELECT 'abc'::float8", "22P02", `invalid input syntax for type double precision: "abc"`},
		{"SELECT 'maybe'::bool", "22P02", `invalid input syntax for type boolean: "maybe"`},
		{"SELECT 'abc'::date", "22007", `invalid input syntax for type date: "abc"`},
		{"SELECT 'abc'::timestamp", "22007", `invalid input syntax for type timestamp: "abc"`},
		{"SELECT 'abc'::uuid", "22P02", `invalid input syntax for type uuid: "abc"`},
		{"SELECT 70000::int2", "22003", "smallint out of range"},
		{"SELECT 3000000000::int4", "22003", "integer out of range"},
		{"SELECT '3000000000'::int", "22003", `value "3000000000" is out of range for type integer`},
		{"SELECT 1e300::real", "22003", `"1` + strings.Repeat("0", 300) + `" is out of range for type real`},
		{"SELECT '1e-50'::real", "22003", `"1e-50" is out of range for type real`},
		{"SELECT 1e300::float8::real", "22003", "value out of range: overflow"},
		{"SELECT 1e-300::float8::real", "22003", "value out of range: underflow"},
		{"SELECT '1e400'::float8", "22003", `"1e400" is out of range for type double precision`},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Fatalf("Translate(%q): %v", c.q, err)
		}
		var v any
		err = db.QueryRow(st.Exec[0]).Scan(&v)
		if err == nil {
			t.Errorf("%s: no error (%v)", c.q, v)
			continue
		}
		code, msg, ok := ParseSQLStateError(err.Error())
		if !ok || code != c.code || msg != c.msg {
			t.Errorf("%s: %v, want %s %s", c.q, err, c.code, c.msg)
		}
	}
}

// TestTypeChecks checks the CHECK constraints CREATE TABLE adds for
// varchar(n)/char(n) and integer columns, and that the catalog hides them.
func TestTypeChecks(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE de (id integer PRIMARY KEY, v varchar(3), c char(2), s smallint, i int, b bigint, CHECK (s > -100));
ALTER TABLE de ADD COLUMN w character varying(2)`)
	reName := regexp.MustCompile(`CHECK constraint failed: (\S+)`)
	for _, c := range []struct{ q, code, msg string }{
		{"INSERT INTO de (id, v) VALUES (1, 'toolong')", "22001", "value too long for type character varying(3)"},
		{"INSERT INTO de (id, c) VALUES (1, 'abc')", "22001", "value too long for type character(2)"},
		{"INSERT INTO de (id, w) VALUES (1, 'abc')", "22001", "value too long for type character varying(2)"},
		{"INSERT INTO de (id, s) VALUES (1, 40000)", "22003", "smallint out of range"},
		{"INSERT INTO de (id, i) VALUES (1, 'x')", "22P02", `invalid input syntax for type integer: "x"`},
		{"INSERT INTO de (id, b) VALUES (1, 'x')", "22P02", `invalid input syntax for type bigint: "x"`},
		{"INSERT INTO de (id, b) SELECT 1, 'x'", "22P02", `invalid input syntax for type bigint: "x"`},
		{"INSERT INTO de (id, v) SELECT 1, 'toolong'", "22001", "value too long for type character varying(3)"},
		{"INSERT INTO de (id, i) VALUES (1, 2147483648)", "22003", "integer out of range"},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Exec(st.Exec[0])
		if err == nil {
			t.Errorf("%s: no error", c.q)
			continue
		}
		// the input functions raise PostgreSQL's error themselves
		// (enforce.go); tables from before them fail a named CHECK
		code, msg, ok := ParseSQLStateError(err.Error())
		if !ok {
			if m := reName.FindStringSubmatch(err.Error()); m != nil {
				code, msg, ok = InternalCheck(m[1])
			}
		}
		if !ok || code != c.code || msg != c.msg {
			t.Errorf("%s: %v -> %s %s, want %s %s", c.q, err, code, msg, c.code, c.msg)
		}
	}
	// the constraint names of tables created before enforce.go still map
	for _, c := range []struct{ name, code, msg string }{
		{"pgdialect_len_varchar_3_v", "22001", "value too long for type character varying(3)"},
		{"pgdialect_type_int4_i", "22P02", "invalid input syntax for type integer"},
		{"pgdialect_range_int2_s", "22003", "smallint out of range"},
		{"pgdialect_in_bool_is_ok", "42804", `column "is_ok" is of type boolean but the value is not in its canonical form: cast it (::bool)`},
	} {
		if code, msg, ok := InternalCheck(c.name); !ok || code != c.code || msg != c.msg {
			t.Errorf("InternalCheck(%s) = %s %s, want %s %s", c.name, code, msg, c.code, c.msg)
		}
	}
	execAll(t, db, `INSERT INTO de VALUES (1, 'abc', 'a  ', -5, '42', 9000000000, 'xy')`)
	if got := queryOne(t, db, "SELECT i + 1 FROM de WHERE id = 1"); got != "43" {
		t.Errorf("i + 1 = %q", got)
	}
	// only the user's CHECK is visible
	if got := queryOne(t, db, "SELECT string_agg(conname, ',') FROM pg_constraint WHERE contype = 'c'"); got != "de_s_check" {
		t.Errorf("check constraints = %q, want de_s_check (PostgreSQL's name: the expression reads one column)", got)
	}
	if got := queryOne(t, db, "SELECT relchecks FROM pg_class WHERE relname = 'de'"); got != "1" {
		t.Errorf("relchecks = %q, want 1", got)
	}
	if _, _, ok := InternalCheck("de_check"); ok {
		t.Error("InternalCheck(de_check) ok")
	}
	if !strings.HasPrefix(ErrMarker, "pgdialect") {
		t.Error(ErrMarker)
	}
}

// TestFloat8ToIntRoundsHalfEven: float8 -> integer casts round half to
// even (PostgreSQL's rint), numeric -> integer half away from zero
// (answers recorded from PostgreSQL 15).
func TestFloat8ToIntRoundsHalfEven(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE fi (f float8, n numeric);
INSERT INTO fi VALUES (4.5, 4.5), (-2.5, -2.5)`)
	wantAnswers(t, db, map[string]string{
		"SELECT string_agg(f::int::text || ',' || n::int::text || ',' || (f * 1)::int::text || ',' || CAST(f AS bigint)::text, ';') FROM fi": "4,5,4,4;-2,-3,-2,-2",
		"SELECT 4.5::float8::int || ',' || 3.5::float8::int || ',' || (-2.5)::int || ',' || (2.5 * 1)::int || ',' || (1.5::float8 * 3)::int": "4,4,-3,3,4",
	})
	wantSQLStates(t, db, map[string]string{"SELECT 2147483647.5::float8::int": "22003"})
}
