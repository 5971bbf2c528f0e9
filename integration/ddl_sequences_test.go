package integration

import (
	"context"
	"testing"
)

// TestSequences: CREATE/ALTER/DROP SEQUENCE, nextval/currval/setval/
// lastval and a column defaulting to nextval, with sessions on different
// nodes, as PostgreSQL 15 answers (RAFTSQL_REFERENCE_URL runs the same
// steps against it); afterwards every node holds the same sequence state.
func TestSequences(t *testing.T) {
	urls := e2eURLs(t)
	a := connectScript(t, urls[0])
	b := connectScript(t, urls[1%len(urls)])
	runScript(t, a, []sqlStep{
		{sql: "CREATE SEQUENCE order_no START 1000 INCREMENT BY 10"},
		{sql: "SELECT currval('order_no')", code: "55000"},
		{sql: "SELECT nextval('order_no'), nextval('order_no')", rows: "1000|1010"},
		{sql: "SELECT currval('order_no'), lastval()", rows: "1010|1010"},
		{sql: "CREATE SEQUENCE order_no", code: "42P07"},
		{sql: "CREATE SEQUENCE IF NOT EXISTS order_no"},
		{sql: "CREATE SEQUENCE bad MINVALUE 10 MAXVALUE 5", code: "22023"},
		{sql: "CREATE SEQUENCE small AS smallint MAXVALUE 3 CYCLE MINVALUE 1"},
		{sql: "SELECT nextval('small'), nextval('small'), nextval('small'), nextval('small')", rows: "1|2|3|1"},
		{sql: "CREATE SEQUENCE two MAXVALUE 2"},
		{sql: "SELECT nextval('two'), nextval('two')", rows: "1|2"},
		{sql: "SELECT nextval('two')", code: "2200H"},
		{sql: "SELECT nextval('nosuch')", code: "42P01"},
		{sql: "CREATE TABLE orders (no bigint PRIMARY KEY DEFAULT nextval('order_no'), item text NOT NULL)"},
		{sql: "INSERT INTO orders (item) VALUES ('a'), ('b') RETURNING no", rows: "1020\n1030"},
	})
	runScript(t, b, []sqlStep{
		{sql: "SELECT currval('order_no')", code: "55000"},
		{sql: "INSERT INTO orders (item) VALUES ('c') RETURNING no", rows: "1040"},
		{sql: "SELECT currval('order_no'), lastval()", rows: "1040|1040"},
		{sql: "SELECT setval('order_no', 5000)", rows: "5000"},
		{sql: "SELECT nextval('order_no'::regclass)", rows: "5010"},
		{sql: "SELECT setval('order_no', 1, false)", rows: "1"},
		{sql: "SELECT setval('order_no', 0)", code: "22003"},
	})
	runScript(t, a, []sqlStep{
		{sql: "SELECT currval('order_no')", rows: "1030"},
		{sql: "SELECT nextval('order_no')", rows: "1"},
		{sql: "ALTER SEQUENCE order_no RESTART WITH 7"},
		{sql: "SELECT nextval('order_no')", rows: "7"},
		{sql: "BEGIN"},
		{sql: "SELECT nextval('order_no')", rows: "17"},
		{sql: "INSERT INTO orders (item) VALUES ('d') RETURNING no", rows: "27"},
		{sql: "COMMIT"},
		{sql: "SELECT no, item FROM orders ORDER BY no", rows: "27|d\n1020|a\n1030|b\n1040|c"},
		{sql: "SELECT relkind::text FROM pg_class WHERE relname = 'order_no'", rows: "S"},
		{sql: "SELECT seqstart, seqincrement, seqmin, seqcycle FROM pg_sequence WHERE seqrelid = 'small'::regclass", rows: "1|1|1|true"},
		{sql: "SELECT sequence_name, data_type, start_value, maximum_value, increment, cycle_option FROM information_schema.sequences ORDER BY 1",
			rows: "order_no|bigint|1000|9223372036854775807|10|NO\nsmall|smallint|1|3|1|YES\ntwo|bigint|1|2|1|NO"},
		{sql: "DROP SEQUENCE two, small"},
		{sql: "DROP SEQUENCE two", code: "42P01"},
		{sql: "DROP SEQUENCE IF EXISTS two"},
	})
	// Every node agrees on the sequence's state.
	for _, u := range urls {
		c := connectScript(t, u)
		runScript(t, c, []sqlStep{
			{sql: "SELECT sequencename, last_value FROM pg_sequences ORDER BY 1", rows: "order_no|27"},
			{sql: "SELECT count(*) FROM orders", rows: "4"},
		})
		c.Close(context.Background())
	}
}
