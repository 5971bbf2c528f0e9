package pgdialect

import "testing"

// TestFloat4Values runs real (float4) values through casts, arithmetic,
// sum, numeric, JSON and text, and boolean arrays through array_to_string,
// on SQLite; every expected value is PostgreSQL 15's answer (also recorded
// in integration/testdata/diff/18_bool_real).
func TestFloat4Values(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `
CREATE TABLE ft (id int, r real, n numeric(12,2), b boolean);
INSERT INTO ft VALUES (1, 1.1, 10.76, false), (2, 2.2, 5.50, true), (3, 3.3, 1.00, NULL);
`)
	for _, c := range []struct{ q, want string }{
		{`SELECT '1.1'::real::float8`, "1.100000023841858"},
		{`SELECT (0.1::real + 0.2::real)::text`, "0.3"},
		{`SELECT (1::float4 / 3::float4)::text`, "0.33333334"},
		{`SELECT sum(r)::text FROM ft`, "6.6000004"},
		{`SELECT r::numeric FROM ft WHERE id = 1`, "1.1"},
		{`SELECT (r * r)::numeric FROM ft WHERE id = 3`, "10.89"},
		{`SELECT sum(r)::numeric FROM ft`, "6.6"},
		{`SELECT 1234567::real::numeric`, "1234570"},
		{`SELECT (r * r)::text FROM ft WHERE id = 1`, "1.21"},
		{`SELECT json_build_object('r', r)::text FROM ft WHERE id = 2`, "{\"r\" : 2.2}"},
		{`SELECT concat(r * r, '|', r + 1) FROM ft WHERE id = 1`, "1.21|2.100000023841858"},
		{`SELECT array_to_string(array_agg(b ORDER BY id), ',', '*') FROM ft`, "f,t,*"},
		{`SELECT array_to_string(ARRAY[true, false], ',')`, "t,f"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
