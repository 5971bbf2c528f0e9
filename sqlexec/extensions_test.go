package sqlexec

import (
	"strings"
	"testing"
)

// CREATE EXTENSION for the extensions raftsql provides (values and
// SQLSTATEs as PostgreSQL 15 gives them).
func TestExtensions(t *testing.T) {
	e, _ := newTestEngine(t)
	a := newSess(t, e)
	for _, c := range []struct{ sql, want, code string }{
		// uuid-ossp's functions need the extension; gen_random_uuid does not
		{"SELECT uuid_generate_v4()", "", "42883"},
		{"SELECT uuid_nil() WHERE false", "", "42883"},
		{"SELECT gen_random_uuid() IS NOT NULL", "R[true]", ""},
		{"CREATE EXTENSION pgcrypto", "C:CREATE EXTENSION", ""},
		{"CREATE EXTENSION pgcrypto", "", "42710"},
		{"CREATE EXTENSION IF NOT EXISTS pgcrypto", "C:CREATE EXTENSION", ""},
		{`CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`, "", ""},
		{"CREATE EXTENSION citext WITH SCHEMA public", "", ""},
		{"CREATE EXTENSION postgis", "", "0A000"},
		{"CREATE EXTENSION plpgsql", "", "42710"},
		{"SELECT extname, extversion FROM pg_extension ORDER BY 1", "R[citext 1.6] R[pgcrypto 1.3] R[plpgsql 1.0] R[uuid-ossp 1.1]", ""},
		{"SELECT encode(digest('abc', 'sha256'), 'hex')", "R[ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad]", ""},
		{"SELECT encode(hmac('abc', 'key', 'sha1'), 'hex')", "R[4fd0b215276ef12f2b3e4c8ecac2811498b656fc]", ""},
		{"SELECT digest('abc', 'nosuch')", "", "22023"},
		{"SELECT uuid_generate_v5(uuid_ns_url(), 'http://x'), uuid_generate_v3(uuid_ns_dns(), 'x'), uuid_nil()",
			"R[c059942f-567e-54eb-aeb5-5fd9830bce43 ec794efe-a384-3b11-a0b6-ec8995bc6acc 00000000-0000-0000-0000-000000000000]", ""},
		{"CREATE TABLE ci (t citext PRIMARY KEY, id uuid DEFAULT uuid_generate_v4())", "", ""},
		{"INSERT INTO ci (t) VALUES ('Abc')", "", ""},
		{"INSERT INTO ci (t) VALUES ('aBC')", "", "23505"},
		{"SELECT t FROM ci WHERE t = 'ABC'", "R[Abc]", ""},
		{"DROP EXTENSION nosuch", "", "42704"},
		{"DROP EXTENSION IF EXISTS nosuch, citext", "C:DROP EXTENSION", ""},
		{"DROP EXTENSION citext", "", "42704"},
	} {
		out, err := q(t, a, c.sql)
		if c.code != "" {
			if code(err) != c.code {
				t.Errorf("%s: got %q %v, want SQLSTATE %s", c.sql, out, err, c.code)
			}
			continue
		}
		if err != nil || !strings.Contains(out, c.want) {
			t.Errorf("%s: got %q %v, want %q", c.sql, out, err, c.want)
		}
	}
}
