package integration

import "testing"

// TestEverydayFunctionsReplicated: quoting, format, to_hex, digests,
// pg_typeof, statistics and ordered-set aggregates answer as PostgreSQL 15
// (RAFTSQL_REFERENCE_URL runs the same script against it), and a write
// that computes with them goes through the log and is identical on every
// node of a 3-node cluster.
func TestEverydayFunctionsReplicated(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	runScript(t, conn, []sqlStep{
		{sql: "CREATE TABLE fx_m (g int, v int, amt numeric(10,2), f float8, who text)"},
		{sql: "INSERT INTO fx_m VALUES (1, 1, 1.10, 1.5, 'ann'), (1, 2, 2.25, 2.5, 'bob'), (1, 2, 3.00, 4.0, 'bob'), (2, 5, -1.50, 0.1, 'O''Neil'), (2, NULL, NULL, NULL, NULL)"},
		{sql: "SELECT quote_literal(who), quote_nullable(who), format('%I=%L', who, v) FROM fx_m WHERE v = 5", rows: "'O''Neil'|'O''Neil'|\"O'Neil\"='5'"},
		{sql: "SELECT quote_nullable(who) FROM fx_m WHERE v IS NULL", rows: "NULL"},
		{sql: "SELECT to_hex(-v), to_hex(-v::bigint), pg_typeof(amt), pg_typeof(v) FROM fx_m WHERE v = 5", rows: "fffffffb|fffffffffffffffb|numeric|integer"},
		{sql: "SELECT stddev(v)::text, variance(amt)::text, var_pop(f) FROM fx_m WHERE g = 1", rows: "0.57735026918962576451|0.91583333333333333333|1.0555555555555556"},
		{sql: "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v), percentile_disc(0.5) WITHIN GROUP (ORDER BY v), mode() WITHIN GROUP (ORDER BY who) FROM fx_m", rows: "2|2|bob"},
		{sql: "SELECT count(DISTINCT (g, v)) FROM fx_m", rows: "4"},
		{sql: "CREATE TABLE fx_summary (g int PRIMARY KEY, sd numeric, med float8, top text, tag text, digest text)"},
		{sql: `INSERT INTO fx_summary
SELECT g, stddev_pop(amt), percentile_cont(0.5) WITHIN GROUP (ORDER BY f), mode() WITHIN GROUP (ORDER BY who),
       format('%s:%s', quote_literal(min(who)), to_hex(sum(v))), encode(sha256(max(who)::bytea), 'hex')
FROM fx_m GROUP BY g`},
	})
	// PostgreSQL 15.18's answer
	want := "1|0.78138054464873615482|2.5|bob|'ann':5|81b637d8fcd2c6da6359e6963113a1170de795e4b725b84d1e0b4cfd9ec58ce9\n" +
		"2|0|0.1|O'Neil|'O''Neil':5|a803dedba9f348f6f130d69c72ee2159067c973c9080a335477914e13fdc9af0"
	for _, u := range urls {
		runScript(t, connectScript(t, u), []sqlStep{{sql: "SELECT g, sd::text, med, top, tag, digest FROM fx_summary ORDER BY g", rows: want}})
	}
}
