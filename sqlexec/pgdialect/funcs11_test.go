package pgdialect

import (
	"errors"
	"strings"
	"testing"
)

// TestEverydayFunctions runs the quoting, formatting, statistics and
// ordered-set functions on SQLite; every expected value is PostgreSQL
// 15's answer (also recorded in integration/testdata/diff/12_functions).
func TestEverydayFunctions(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `
CREATE TABLE st (g int, i int, b bigint, n numeric(10,2), f float8, t text, iv interval);
INSERT INTO st VALUES (1, 1, 10, 1.10, 1.5, 'a', '1 day'), (1, 2, 20, 2.25, 2.5, 'b', '2 hours'),
 (1, 2, 30, 3.00, 4.0, 'b', '1 mon'), (2, 5, -7, -1.50, 0.1, 'z', '3 days'), (2, NULL, NULL, NULL, NULL, NULL, NULL),
 (3, 4, 4, 4, 4, 'c', '1 year');`)
	for _, c := range []struct{ q, want string }{
		{`SELECT quote_literal('it''s')`, `'it''s'`},
		{`SELECT quote_literal(E'a\\b')`, `E'a\\b'`},
		{`SELECT quote_nullable(NULL)`, `NULL`},
		{`SELECT format('%2$s %1$s %s', 'a', 'b', 'c')`, `b a b`},
		{`SELECT format('%I.%L|%-4s|%*s', 'My T', NULL, 'x', 3, 'y')`, `"My T".NULL|x   |  y`},
		{`SELECT to_hex(-1)`, `ffffffff`},
		{`SELECT to_hex(-1::bigint)`, `ffffffffffffffff`},
		{`SELECT to_hex(b) FROM st WHERE g = 2 AND b IS NOT NULL`, `fffffffffffffff9`},
		{`SELECT to_hex(i - 6) FROM st WHERE g = 2 AND b IS NOT NULL`, `ffffffff`},
		{`SELECT pg_typeof(1.5)`, `numeric`},
		{`SELECT pg_typeof('x')`, `unknown`},
		{`SELECT pg_typeof(b) FROM st LIMIT 1`, `bigint`},
		{`SELECT pg_typeof(st.iv) FROM st LIMIT 1`, `interval`},
		{`SELECT encode(sha256('abc'), 'hex')`, `ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad`},
		{`SELECT stddev(i) FROM st`, `1.6431676725154983`},
		{`SELECT variance(b) FROM st`, `203.8000000000000000`},
		{`SELECT var_pop(n) FROM st`, `3.5716000000000000`},
		{`SELECT stddev(i) FROM st WHERE g = 1`, `0.57735026918962576451`},
		{`SELECT var_pop(i) FROM st WHERE g = 3`, `0`},
		{`SELECT stddev_samp(i) FROM st WHERE g = 3`, `<NULL>`},
		{`SELECT stddev(f) FROM st WHERE g = 1`, `1.2583057392117916`},
		{`SELECT variance(f) FROM st`, `2.807`},
		{`SELECT corr(f, i) FROM st`, `-0.2615347539098234`},
		{`SELECT regr_intercept(f, i) FROM st`, `3.1666666666666665`},
		{`SELECT regr_count(f, i) FROM st`, `5`},
		{`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i) FROM st`, `2`},
		{`SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY f DESC) FROM st`, `4`},
		{`SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM st`, `2.25`},
		{`SELECT percentile_cont(0.3) WITHIN GROUP (ORDER BY iv) FROM st`, `1 day 09:36:00`},
		{`SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY iv DESC) FROM st`, `3 days`},
		{`SELECT mode() WITHIN GROUP (ORDER BY t) FROM st`, `b`},
		{`SELECT mode() WITHIN GROUP (ORDER BY t) FILTER (WHERE g > 1) FROM st`, `c`},
		{`SELECT count(DISTINCT (g, i)) FROM st`, `5`},
		{`SELECT percentile_cont(ARRAY[0.25, 0.5, NULL, 1]) WITHIN GROUP (ORDER BY i) FROM st`, `{2,2,NULL,5}`},
		{`SELECT percentile_disc(ARRAY[0, 0.5]) WITHIN GROUP (ORDER BY n) FROM st`, `{-1.50,2.25}`},
		{`SELECT count((t, i)) FROM st`, `6`},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	for q, code := range map[string]string{
		`SELECT split_part('a,b', ',', 0)`:                                      "22023",
		`SELECT format('%s %s', 'one')`:                                         "22023",
		`SELECT format('%I', NULL)`:                                             "22004",
		`SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY i) FROM st`:         "22003",
		`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i, g) FROM st`:      "42883",
		`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i) OVER () FROM st`: "0A000",
		`SELECT pg_typeof(i + g) FROM st`:                                       "0A000",
	} {
		st, err := Translate(q)
		if err == nil {
			_, err = db.Exec(st.Exec[0])
		}
		var e *Error
		if err == nil || !(errors.As(err, &e) && e.Code == code || strings.Contains(err.Error(), code)) {
			t.Errorf("%s: %v, want %s", q, err, code)
		}
	}
}

// TestOrderedSetTranslation: WITHIN GROUP becomes an aggregate over the
// sorted values, the value first (typed like an aggregate argument), the
// direction last, the column named as PostgreSQL names it.
func TestOrderedSetTranslation(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x DESC) FROM t`:  `SELECT pg_percentile_cont(x, 0.5, 1 ORDER BY   x DESC NULLS FIRST) AS "percentile_cont" FROM t`,
		`SELECT g, mode() WITHIN GROUP (ORDER BY x) m FROM t GROUP BY g`:     `SELECT g, pg_mode(x, 0 ORDER BY   x NULLS LAST) m FROM t GROUP BY g`,
		`SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x)::text FROM t`: `SELECT pg_text(pg_percentile_disc(x, 0.5, 0 ORDER BY   x NULLS LAST), NULL) COLLATE BINARY AS "percentile_disc" FROM t`,
		`SELECT count(DISTINCT (a, b)) FROM t`:                               `SELECT count(DISTINCT pg_row_key(a, b)) AS "count" FROM t`,
	} {
		st, err := Translate(in)
		if err != nil {
			t.Fatalf("Translate(%q): %v", in, err)
		}
		if st.Exec[0] != want {
			t.Errorf("Translate(%q)\n got %s\nwant %s", in, st.Exec[0], want)
		}
	}
}
