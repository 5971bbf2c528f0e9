package integration

import (
	"context"
	"testing"
)

// TestExtensions: CREATE EXTENSION for pgcrypto, uuid-ossp and citext, the
// functions they bring and a citext key, as PostgreSQL 15 answers
// (RAFTSQL_REFERENCE_URL runs the same steps against it); every node
// agrees on the generated values.
func TestExtensions(t *testing.T) {
	urls := e2eURLs(t)
	a := connectScript(t, urls[0])
	runScript(t, a, []sqlStep{
		{sql: "CREATE EXTENSION IF NOT EXISTS pgcrypto"},
		{sql: "CREATE EXTENSION pgcrypto", code: "42710"},
		{sql: `CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`},
		{sql: "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public"},
		{sql: "CREATE EXTENSION IF NOT EXISTS postgis", code: "0A000"},
		{sql: "SELECT extname, extversion FROM pg_extension ORDER BY 1", rows: "citext|1.6\npgcrypto|1.3\nplpgsql|1.0\nuuid-ossp|1.1"},
		{sql: "SELECT encode(digest('abc', 'sha256'), 'hex')", rows: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{sql: "SELECT encode(hmac('abc', 'key', 'sha1'), 'hex')", rows: "4fd0b215276ef12f2b3e4c8ecac2811498b656fc"},
		{sql: "SELECT digest('abc', 'nosuch')", code: "22023"},
		{sql: "SELECT uuid_generate_v5(uuid_ns_url(), 'http://x')::text, uuid_generate_v3(uuid_ns_dns(), 'x')::text, uuid_nil()::text",
			rows: "c059942f-567e-54eb-aeb5-5fd9830bce43|ec794efe-a384-3b11-a0b6-ec8995bc6acc|00000000-0000-0000-0000-000000000000"},
		{sql: "CREATE TABLE accounts (email citext PRIMARY KEY, id uuid NOT NULL DEFAULT gen_random_uuid(), key uuid DEFAULT uuid_generate_v4())"},
		{sql: "INSERT INTO accounts (email) VALUES ('Ann@Example.com')"},
		{sql: "INSERT INTO accounts (email) VALUES ('ann@example.COM')", code: "23505"},
		{sql: "SELECT email FROM accounts WHERE email = 'ANN@EXAMPLE.COM'", rows: "Ann@Example.com"},
		{sql: "SELECT count(*) FROM accounts WHERE id IS NOT NULL AND key IS NOT NULL AND id <> key", rows: "1"},
		{sql: "DROP EXTENSION IF EXISTS nosuch"},
		{sql: "DROP EXTENSION nosuch", code: "42704"},
	})
	var want string
	for i, u := range urls {
		c := connectScript(t, u)
		var got string
		if err := c.QueryRow(context.Background(), "SELECT id::text || key::text FROM accounts").Scan(&got); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			want = got
		} else if got != want {
			t.Errorf("node %d: generated uuids %s, node 0 %s", i, got, want)
		}
		c.Close(context.Background())
	}
}
