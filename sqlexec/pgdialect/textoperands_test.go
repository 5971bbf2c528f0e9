package pgdialect

import "testing"

// TestOutTextOperands runs booleans and floats through concat, concat_ws,
// format and || (textoperands.go) on SQLite; every expected value is
// PostgreSQL 15's answer (also recorded in integration/testdata/diff/18_bool_real).
func TestOutTextOperands(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `
CREATE TABLE bt (id int, b boolean, r real, d float8, t text);
INSERT INTO bt VALUES (1, true, 1.1, 0.1, 'x'), (2, false, 2.5, 3, 'y'), (3, NULL, NULL, NULL, NULL);
`)
	for _, c := range []struct{ q, want string }{
		{`SELECT concat(b, r, d, t) FROM bt WHERE id = 1`, "t1.10.1x"},
		{`SELECT concat(b, r, d, t) FROM bt WHERE id = 2`, "f2.53y"},
		{`SELECT concat_ws('-', b, id > 1, r) FROM bt WHERE id = 1`, "t-f-1.1"},
		{`SELECT concat_ws('-', bt.b, id > 1, r) FROM bt WHERE id = 2`, "f-t-2.5"},
		{`SELECT format('%s|%L|%s', b, b, r) FROM bt WHERE id = 1`, "t|'t'|1.1"},
		{`SELECT format('%s|%L|%s', b, b, r) FROM bt WHERE id = 3`, "|NULL|"},
		{`SELECT b || t FROM bt WHERE id = 1`, "truex"},
		{`SELECT t || b FROM bt WHERE id = 2`, "yfalse"},
		{`SELECT id::text || (id > 1) FROM bt WHERE id = 3`, "3true"},
		{`SELECT 'x' || bt.b FROM bt WHERE id = 2`, "xfalse"},
		{`SELECT concat(true, 1.50, b IS NULL) FROM bt WHERE id = 3`, "t1.50t"},
		{`SELECT concat_ws(',', true, 1.50, 'a')`, "t,1.50,a"},
		{`SELECT 'x' || true || (1 < 2) || false`, "xtruetruefalse"},
		{`SELECT concat(EXISTS (SELECT 1 FROM bt), 1 = 1, NOT true)`, "ttf"},
		{`SELECT concat(0.1::float8 + 0.2::float8, 1e20::float8)`, "0.300000000000000041e+20"},
		{`SELECT concat(t, id) FROM bt WHERE id = 1`, "x1"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
