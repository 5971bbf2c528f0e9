package pgdialect

import (
	"strings"
	"testing"
)

// Values entering integer columns take PostgreSQL 15's assignment casts:
// numeric (constants, numeric text) rounds half away from zero, float8
// half to even; a decimal constant DEFAULT is converted per insert. The
// expected values are PostgreSQL 15's.
func TestIntegerAssignRounding(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ia (id int PRIMARY KEY, a int2, b int4 DEFAULT 1.5, c int8 DEFAULT -2.5)`)
	execAll(t, db, `INSERT INTO ia (id, a) VALUES (1, 1.5)`)
	execAll(t, db, `INSERT INTO ia VALUES (2, -2.5, 2.5, -1.5)`)
	execAll(t, db, `INSERT INTO ia VALUES (3, 0.5::float8, 2.5::float8, 1.49999)`)
	execAll(t, db, `INSERT INTO ia VALUES (4, 3.5, 4.5::float8, 7/2.0)`)
	execAll(t, db, `INSERT INTO ia VALUES (5, 2.50000000000000000001, -2.49999999999999999999, 3.5::real)`)
	execAll(t, db, `UPDATE ia SET c = c * 1.5 WHERE id = 2`)
	for _, c := range []struct{ q, want string }{
		{"SELECT a || ',' || b || ',' || c FROM ia WHERE id = 1", "2,2,-3"},
		{"SELECT a || ',' || b || ',' || c FROM ia WHERE id = 2", "-3,3,-3"},
		{"SELECT a || ',' || b || ',' || c FROM ia WHERE id = 3", "0,2,1"},
		{"SELECT a || ',' || b || ',' || c FROM ia WHERE id = 4", "4,4,4"},
		{"SELECT a || ',' || b || ',' || c FROM ia WHERE id = 5", "3,-2,4"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	for _, c := range []struct{ q, want string }{
		{"INSERT INTO ia (id, a) VALUES (6, 32767.5)", "22003: smallint out of range"},
		{"INSERT INTO ia (id, b) VALUES (6, 1e10::float8)", "22003: integer out of range"},
		{"INSERT INTO ia (id, b) VALUES (6, 'NaN'::numeric)", "0A000: cannot convert NaN to integer"},
		{"INSERT INTO ia (id, b) VALUES (6, '1.5')", `22P02: invalid input syntax for type integer: "1.5"`},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Fatalf("Translate(%q): %v", c.q, err)
		}
		if err := execTranslated(db, st.Exec[0]); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %s", c.q, err, c.want)
		}
	}
}

// The catalog shows a decimal constant DEFAULT of an integer column as
// PostgreSQL's pg_get_expr does.
func TestIntDefaultDisplay(t *testing.T) {
	for _, c := range []struct{ lit, decl, want string }{
		{"1.5", "int4", "1.5"},
		{"-2.5", "int8", "'-2.5'::numeric"},
		{"1e1", "int4", "'10'::numeric"},
		{"99999.5", "int2", "99999.5"},
	} {
		d := intLiteralDefault(c.lit, c.decl)
		got, ok := intDefaultDisplay(stripParens(d))
		if !ok || got != c.want {
			t.Errorf("%s %s: default %q shown %q (%v), want %q", c.lit, c.decl, d, got, ok, c.want)
		}
	}
	if d := intLiteralDefault("7", "int4"); d != "" {
		t.Errorf("integer literal default rewritten: %q", d)
	}
	if d := intLiteralDefault("1.5", "numeric"); d != "" {
		t.Errorf("numeric column default rewritten: %q", d)
	}
}
