package pgdialect

import (
	"database/sql"
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// arithOne runs q and returns its one value as text, or "ERR <SQLSTATE>".
func arithOne(t *testing.T, q string, run func(string) string) string {
	t.Helper()
	got := run(q)
	if rest, ok := strings.CutPrefix(got, "ERR "); ok {
		if code, _, ok := ParseSQLStateError(rest); ok {
			return "ERR " + code
		}
		var e *Error
		if _, err := Translate(q); err != nil && asError(err, &e) {
			return "ERR " + e.Code
		}
	}
	return got
}

func asError(err error, e **Error) bool {
	pe, ok := err.(*Error)
	*e = pe
	return ok
}

// TestArithmetic checks PostgreSQL's operators: values, result scales,
// and the SQLSTATEs where PostgreSQL raises an error.
func TestArithmetic(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ar (id int PRIMARY KEY, a int, b bigint, n numeric(10,2), f float8);
INSERT INTO ar VALUES (1, 2147483647, 9223372036854775807, 12.34, 1.5), (2, -7, -2, 0.10, 0)`)
	checkArithValues(t, db, []arithValueCase{
		{"SELECT 0.10::numeric(10,2) + 0.20::numeric(10,2)", "0.30"},
		{"SELECT 0.1 + 0.2", "0.3"},
		{"SELECT 1 - 0.9", "0.1"},
		{"SELECT 1.5 * 2", "3.0"},
		{"SELECT 7.0 / 2", "3.5000000000000000"},
		{"SELECT 1 / 3.0", "0.33333333333333333333"},
		{"SELECT -5.5 % 2", "-1.5"},
		{"SELECT 12345678901234567890 + 1", "12345678901234567891"},
		{"SELECT 1e3", "1000"},
		{"SELECT -0.50", "-0.50"},
		{"SELECT n * 2 FROM ar WHERE id = 1", "24.68"},
		{"SELECT n / 3 FROM ar WHERE id = 1", "4.1133333333333333"},
		{"SELECT (SELECT count(*) FROM ar WHERE n * 2 > 20)", "1"},
		{"SELECT (SELECT count(*) FROM ar WHERE a + 0.5 BETWEEN -7 AND -6)", "1"},
		{"SELECT (SELECT count(*) FROM ar WHERE coalesce(n, 0) = 0.1)", "1"},
		{"SELECT 7 / 2", "3"},
		{"SELECT -7 / 2", "-3"},
		{"SELECT -7 % 3", "-1"},
		{"SELECT 5 * -3", "-15"},
		{"SELECT -2 * 3 + 1", "-5"},
		{"SELECT 2 + 3 * 4 - 6 / 2", "11"},
		{"SELECT 2 ^ 10", "1024"},
		{"SELECT 2 ^ 3 ^ 2", "64"},
		{"SELECT -2 ^ 2", "4"},
		{"SELECT a - 1 FROM ar WHERE id = 1", "2147483646"},
		{"SELECT 2147483647::int4 + 1::int8", "2147483648"},
		{"SELECT 1::float8 / 4", "0.25"},
		{"SELECT int2 '2' + int2 '3'", "5"},
		{"SELECT float8 '1.5' * 2", "3"},
		{"SELECT (2.5 * 1)::int", "3"},
		{"SELECT 1 + NULL", "<NULL>"},
		{"SELECT |/ 16 + 9", "5"},
		{"SELECT @ -1.50", "1.50"},
		{"SELECT @ -2 * 3", "6"},
		{"SELECT -2.50::numeric(5,2)", "-2.50"},
		{"SELECT -n FROM ar WHERE id = 2", "-0.10"},
		{"SELECT -(-b - 1) FROM ar WHERE id = 1", "ERR 22003"},
		{"SELECT |/ -1", "ERR 2201F"},
		// errors
		{"SELECT 1 / 0", "ERR 22012"},
		{"SELECT 1 % 0", "ERR 22012"},
		{"SELECT 1.0 / 0", "ERR 22012"},
		{"SELECT 1.5 % 0", "ERR 22012"},
		{"SELECT 1::float8 / 0", "ERR 22012"},
		{"SELECT f / 0 FROM ar WHERE id = 1", "ERR 22012"},
		{"SELECT a / 0 FROM ar WHERE id = 1", "ERR 22012"},
		{"SELECT 2147483647 + 1", "ERR 22003"},
		{"SELECT 2147483647::int4 * 2", "ERR 22003"},
		{"SELECT 9223372036854775807::int8 + 1", "ERR 22003"},
		{"SELECT 32767::int2 + 1::int2", "ERR 22003"},
		{"SELECT (-2147483648)::int4 / -1", "ERR 22003"},
		{"SELECT b + 1 FROM ar WHERE id = 1", "ERR 22003"},
		{"SELECT 1e308::float8 * 10", "ERR 22003"},
		{"SELECT 1.5::float8 % 1", "ERR 42883"},
		{"SELECT 0 ^ (-1)", "ERR 2201F"},
		{"SELECT 2.0 ^ 2", "4.0000000000000000"},
		{"SELECT int2 '70000'", "ERR 22003"},
	})
}

// arithValueCase: a query of one value and its text, or "ERR <SQLSTATE>".
type arithValueCase struct{ q, want string }

// checkArithValues runs each case's query on db.
func checkArithValues(t *testing.T, db *sql.DB, cases []arithValueCase) {
	t.Helper()
	run := func(q string) string { return queryOneNoFatal(t, db, q) }
	for _, c := range cases {
		if got := arithOne(t, c.q, run); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}

// arithTypeCase: a statement with one result column of arithmetic over
// operands of unknown type, its operands, their declared types and the
// combined type.
type arithTypeCase struct {
	q      string
	leaves []string
	types  []uint32
	want   uint32
}

// checkArithTypes checks ArithItems, ArithType and ArithProbeSQL on cases.
func checkArithTypes(t *testing.T, cases []arithTypeCase) {
	t.Helper()
	for _, c := range cases {
		st, err := Translate(c.q)
		if err != nil {
			t.Fatalf("Translate(%q): %v", c.q, err)
		}
		items := ArithItems(st.Exec[0])
		if len(items) != 1 || strings.Join(items[0].Leaves, ",") != strings.Join(c.leaves, ",") {
			t.Errorf("%s: items %+v, want leaves %v", c.q, items, c.leaves)
			continue
		}
		if got := ArithType(items[0], c.types); got != c.want {
			t.Errorf("%s: type %d, want %d", c.q, got, c.want)
		}
		leaf := c.leaves[0] // a call or a group stands bare (primaryText)
		if !primaryText(leaf) {
			leaf = "(" + leaf + ")"
		}
		if p := ArithProbeSQL(st.Exec[0], items, 0); !strings.Contains(p, leaf) {
			t.Errorf("%s: probe %s", c.q, p)
		}
	}
}

// TestArithTypes checks the static result types of arithmetic.
func TestArithTypes(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []uint32
	}{
		{"SELECT 1 + 1, 1 + 3000000000, 1.5 + 1, 2 ^ 2, 1::float8 * 2, 1::int2 + 1::int2", []uint32{pgoid.Int4, pgoid.Int8, pgoid.Numeric, pgoid.Float8, pgoid.Float8, pgoid.Int2}},
		{"SELECT 1, -2, 1.50, int2 '2', numeric '1'", []uint32{pgoid.Int4, pgoid.Int4, pgoid.Numeric, pgoid.Int2, pgoid.Numeric}},
		{"SELECT a + 1 > 2, a + 1 FROM t", []uint32{pgoid.Bool, 0}},
	} {
		checkColumnOIDs(t, c.q, c.want)
	}
	// unknown operand types: the probe's operands and the combination
	checkArithTypes(t, []arithTypeCase{
		{"SELECT a + 1 FROM t", []string{"a", "1"}, []uint32{pgoid.Int4, 0}, pgoid.Int4},
		{"SELECT a + b FROM t", []string{"a", "b"}, []uint32{pgoid.Int4, pgoid.Int8}, pgoid.Int8},
		{"SELECT n * 2 FROM t", []string{"n", "2"}, []uint32{pgoid.Numeric, 0}, pgoid.Numeric},
		{"SELECT a * 1.5 FROM t", []string{"a", "'1.5'"}, []uint32{pgoid.Int4, 0}, pgoid.Numeric},
		{"SELECT (a + 1) * f FROM t", []string{"a", "1", "f"}, []uint32{pgoid.Int4, 0, pgoid.Float8}, pgoid.Float8},
		{"SELECT s + $1 FROM t", []string{"s", "?1"}, []uint32{pgoid.Int2, 0}, pgoid.Int2},
		{"INSERT INTO t (a) VALUES (1) RETURNING -a + 1", []string{"a", "1"}, []uint32{pgoid.Int4, 0}, pgoid.Int4},
		{"SELECT x + y FROM t", []string{"x", "y"}, []uint32{0, pgoid.Int4}, 0},
		// a call the probe cannot type, typed by the translation
		{"SELECT t.n / length(t.s) FROM t", []string{"t.n", "length(t.s)"}, []uint32{pgoid.Numeric, 0}, pgoid.Numeric},
		{"SELECT t.i8 + length(t.s) FROM t", []string{"t.i8", "length(t.s)"}, []uint32{pgoid.Int8, 0}, pgoid.Int8},
		{"SELECT t.a * 2147483648 FROM t", []string{"t.a", "2147483648"}, []uint32{pgoid.Int4, 0}, pgoid.Int8},
		{"SELECT t.a * -2147483648 FROM t", []string{"t.a", "-2147483648"}, []uint32{pgoid.Int4, 0}, pgoid.Int4},
		// greatest/least of uuid columns, of varchar and text: the first's
		{"SELECT greatest(t.u, t.v) FROM t", []string{"t.u", "t.v"}, []uint32{pgoid.UUID, pgoid.UUID}, pgoid.UUID},
		{"SELECT least(t.vc, t.s) FROM t", []string{"t.s", "t.vc"}, []uint32{pgoid.Text, pgoid.Varchar}, pgoid.Varchar},
		{"SELECT greatest(t.vc, t.s) FROM t", []string{"t.vc", "t.s"}, []uint32{pgoid.Varchar, pgoid.Text}, pgoid.Varchar},
		{"SELECT greatest(t.u, t.s) FROM t", []string{"t.u", "t.s"}, []uint32{pgoid.UUID, pgoid.Text}, 0},
		// constants only: typed without a probe
		{"SELECT -abs(3 - 1) FROM t", []string{"3", "1"}, []uint32{0, 0}, pgoid.Int4},
	})
}

// checkColumnOIDs checks the static result types of q's translation.
func checkColumnOIDs(t *testing.T, q string, want []uint32) {
	t.Helper()
	st, err := Translate(q)
	if err != nil {
		t.Fatalf("Translate(%q): %v", q, err)
	}
	if len(st.ColumnOIDs) != len(want) {
		t.Errorf("%s: ColumnOIDs %v, want %v", q, st.ColumnOIDs, want)
		return
	}
	for i := range want {
		if st.ColumnOIDs[i] != want[i] {
			t.Errorf("%s: column %d type %d, want %d", q, i+1, st.ColumnOIDs[i], want[i])
		}
	}
}

// TestArithDeterministic: every function the operators become may enter
// the log.
func TestArithDeterministic(t *testing.T) {
	openCatalogDB(t, "")
	for _, f := range []string{"pg_add", "pg_sub", "pg_mul", "pg_div", "pg_mod", "pg_pow", "pg_cmp", "pg_num_int"} {
		if !IsDeterministic(f) {
			t.Errorf("%s is not on the deterministic list", f)
		}
	}
}
