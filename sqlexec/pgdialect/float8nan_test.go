package pgdialect

import "testing"

// A float8 NaN is refused (0A000) where it would silently become NULL;
// the infinities work (float8nan.go). The corpus (26_floatspecial_nan)
// records PostgreSQL's NaN answers; this pins that each is a refusal
// here, never a NULL.
func TestFloat8NaNRefused(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, "CREATE TABLE fsinf (f float8, r real); INSERT INTO fsinf VALUES ('Infinity', 'Infinity'), ('-Infinity', '-Infinity');")
	const infs = "(VALUES ('Infinity'::float8), ('-Infinity'::float8)) v(x)"
	for _, c := range []struct{ q, want string }{
		{"SELECT 'Infinity'::float8 + 1 > 1e308::float8", "t"},
		{"SELECT '-inf'::float8 < 0", "t"},
		// a moving frame drops an infinity again (numSum keeps them apart)
		{"SELECT group_concat(s, ',') FROM (SELECT sum(x) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM (VALUES (1, 'Infinity'::float8), (2, 1.5::float8), (3, 2::float8)) v(i, x))", "Inf,Inf,3.5"},
		{"SELECT power('Infinity'::float8, -1) = 0", "t"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	for _, c := range []struct{ q, code string }{
		{"SELECT 'NaN'::float8", "0A000"},
		{"SELECT 'nan'::real", "0A000"},
		{"SELECT 'Infinity'::float8 - 'Infinity'::float8", "0A000"},
		{"SELECT 'NaN'::numeric::float8", "0A000"},
		{"SELECT sum(x) FROM " + infs, "0A000"},
		{"SELECT avg(x) FROM " + infs, "0A000"},
		{"SELECT sum(x::real) FROM " + infs, "0A000"},
		{"SELECT sum(DISTINCT x) FROM " + infs, "0A000"},
		{"SELECT sum(DISTINCT x) FROM (VALUES ('Infinity'::real), ('-Infinity'::real)) v(x)", "0A000"},
		// a table's columns: the type read at run time (sum_distinct.go)
		{"SELECT sum(DISTINCT f) FROM fsinf", "0A000"},
		{"SELECT sum(DISTINCT r) FROM fsinf", "0A000"},
		{"SELECT sum(f), avg(r), sum(r) FROM fsinf", "0A000"},
		{"SELECT 'Infinity'::real * 0::real", "0A000"},
		{"SELECT stddev(x) FROM " + infs, "0A000"},
		{"SELECT var_pop(x) FROM (VALUES ('Infinity'::float8)) v(x)", "0A000"},
		{"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM " + infs, "0A000"},
		{"SELECT power(2::float8, 'NaN'::numeric)", "0A000"},
		{"SELECT sum(x) FROM (VALUES (1e308::float8), (1e308::float8)) v(x)", "22003"},
		{"SELECT sin('Infinity'::float8)", "22003"},
		{"SELECT asin(2::float8)", "22003"},
		{"SELECT acosh(0.5::float8)", "22003"},
		{"SELECT exp(1000::float8)", "22003"},
		{"SELECT degrees(1e308::float8)", "22003"},
	} {
		if code := execCode(db, c.q); code != c.code {
			t.Errorf("%s: SQLSTATE %q, want %s", c.q, code, c.code)
		}
	}
}
