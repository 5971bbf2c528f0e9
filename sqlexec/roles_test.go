package sqlexec

import (
	"bytes"
	"context"
	"testing"

	"github.com/raftsql/raftsql/pgwire"
)

func TestRoles(t *testing.T) {
	db := openTest(t, t.TempDir())
	t.Cleanup(func() { db.Close() })
	f := &fakeReplicator{db: db}
	supers := map[string]bool{"admin": true}
	e := NewEngine(db, f, EngineOptions{BootstrapSuperuser: "admin", IsSuperuser: func(u string) bool {
		if r, ok, _ := db.LookupRole(context.Background(), u); ok {
			return r.Superuser
		}
		return supers[u]
	}})
	sess := func(user string) *Session { return sessAs(t, e, user) }
	admin := sess("admin")
	mustQ(t, admin, "CREATE ROLE alice LOGIN PASSWORD 'wonderland'", "C:CREATE ROLE")
	mustQ(t, admin, "CREATE USER bob WITH SUPERUSER ENCRYPTED PASSWORD 'builder'", "C:CREATE ROLE")
	if _, err := q(t, admin, "CREATE ROLE alice"); code(err) != "42710" {
		t.Fatalf("duplicate role: %v", err)
	}
	// The plain password is in no log entry, only its verifier.
	for _, entry := range f.log {
		if bytes.Contains(entry, []byte("wonderland")) || bytes.Contains(entry, []byte("builder")) {
			t.Fatalf("a password entered the log: %q", entry)
		}
	}
	r, ok, err := db.LookupRole(context.Background(), "alice")
	if err != nil || !ok || r.Superuser || !r.Login {
		t.Fatalf("alice: %+v %v %v", r, ok, err)
	}
	if _, err := pgwire.ParseSCRAMVerifier(r.Verifier); err != nil {
		t.Fatalf("stored verifier %q: %v", r.Verifier, err)
	}
	mustQ(t, admin, "SELECT rolname, rolsuper, rolcanlogin FROM pg_roles WHERE rolname IN ('alice', 'bob') ORDER BY 1", "D[rolname:19,rolsuper:16,rolcanlogin:16] R[alice false true] R[bob true true] C:SELECT 2")
	for _, sql := range []string{"SELECT * FROM raftsql_roles", "SELECT data FROM sqlite_dbpage", "SELECT * FROM main.sqlite_dbpage WHERE pgno = 1"} {
		if _, err := q(t, admin, sql); code(err) != "42501" {
			t.Fatalf("verifiers readable through %s: %v", sql, err)
		}
	}

	// An ordinary role may change its own password, nothing else.
	alice := sess("alice")
	mustQ(t, alice, "ALTER ROLE alice PASSWORD 'looking-glass'", "C:ALTER ROLE")
	for _, sql := range []string{"CREATE ROLE eve", "ALTER ROLE alice SUPERUSER", "ALTER ROLE bob PASSWORD 'x'", "DROP ROLE bob",
		"CHECKPOINT", "ALTER CLUSTER REMOVE MEMBER 'n2'"} {
		if _, err := q(t, alice, sql); code(err) != "42501" {
			t.Fatalf("%s by an ordinary role: %v", sql, err)
		}
	}
	r2, _, _ := db.LookupRole(context.Background(), "alice")
	if r2.Verifier == r.Verifier {
		t.Fatal("ALTER ROLE PASSWORD did not change the verifier")
	}

	// The bootstrap superuser gets a row when altered.
	mustQ(t, admin, "ALTER ROLE admin PASSWORD 'new'", "C:ALTER ROLE")
	if r, ok, _ := db.LookupRole(context.Background(), "admin"); !ok || !r.Superuser || r.Verifier == "" {
		t.Fatalf("admin row: %+v %v", r, ok)
	}
	if _, err := q(t, admin, "DROP ROLE admin"); code(err) != "55006" {
		t.Fatalf("dropping oneself: %v", err)
	}
	if _, err := q(t, admin, "DROP ROLE nobody"); code(err) != "42704" {
		t.Fatalf("drop missing: %v", err)
	}
	mustQ(t, admin, "DROP ROLE IF EXISTS nobody, bob", "N:00000 C:DROP ROLE")
	if _, ok, _ := db.LookupRole(context.Background(), "bob"); ok {
		t.Fatal("bob not dropped")
	}
	// In a transaction block a role statement commits or rolls back with
	// the transaction (PostgreSQL's roles are transactional), and its
	// password is hashed before it enters the transaction's entry.
	mustQ(t, admin, "BEGIN; CREATE ROLE x LOGIN PASSWORD 'through-the-txn'; COMMIT", "C:BEGIN C:CREATE ROLE C:COMMIT")
	if r, ok, _ := db.LookupRole(context.Background(), "x"); !ok || !r.Login || r.Verifier == "" {
		t.Fatalf("role x after COMMIT: %+v %v", r, ok)
	}
	for _, entry := range f.log {
		if bytes.Contains(entry, []byte("through-the-txn")) {
			t.Fatalf("a password entered the log: %q", entry)
		}
	}
	mustQ(t, admin, "BEGIN", "C:BEGIN")
	mustQ(t, admin, "CREATE ROLE y", "C:CREATE ROLE")
	mustQ(t, admin, "ALTER ROLE x NOLOGIN", "C:ALTER ROLE")
	mustQ(t, admin, "ROLLBACK", "C:ROLLBACK")
	if _, ok, _ := db.LookupRole(context.Background(), "y"); ok {
		t.Fatal("role y kept after ROLLBACK")
	}
	if r, _, _ := db.LookupRole(context.Background(), "x"); !r.Login {
		t.Fatal("ALTER ROLE kept after ROLLBACK")
	}
	// An error aborts the transaction, as any error there does.
	mustQ(t, admin, "BEGIN", "C:BEGIN")
	mustQ(t, admin, "CREATE ROLE z", "C:CREATE ROLE")
	if _, err := q(t, admin, "CREATE ROLE x"); code(err) != "42710" {
		t.Fatalf("duplicate role in a transaction block: %v", err)
	}
	if _, err := q(t, admin, "SELECT 1"); code(err) != "25P02" {
		t.Fatalf("after the error: %v, want 25P02", err)
	}
	mustQ(t, admin, "COMMIT", "C:ROLLBACK")
	if _, ok, _ := db.LookupRole(context.Background(), "z"); ok {
		t.Fatal("role z created by an aborted transaction")
	}
	mustQ(t, admin, "BEGIN READ ONLY", "C:BEGIN")
	if _, err := q(t, admin, "CREATE ROLE w"); code(err) != "25006" {
		t.Fatalf("in a read-only transaction: %v", err)
	}
	mustQ(t, admin, "ROLLBACK", "C:ROLLBACK")
	for sql, want := range map[string]string{"CREATE ROLE r CREATEDB": "0A000", "ALTER ROLE alice RENAME TO b": "0A000", "CREATE ROLE": "42601", "CREATE ROLE r PASSWORD": "42601"} {
		if _, err := q(t, admin, sql); code(err) != want {
			t.Errorf("%s: %v, want %s", sql, err, want)
		}
	}
}

// TestGrantRevokeWarn: table privileges are not kept, so GRANT and
// REVOKE complete (dumps and migrations run) with a WARNING saying so.
func TestGrantRevokeWarn(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE g (id int)", "")
	mustQ(t, s, "GRANT SELECT ON g TO PUBLIC", "N:01000 C:GRANT")
	mustQ(t, s, "REVOKE ALL ON g FROM PUBLIC", "N:01000 C:REVOKE")
	mustQ(t, s, "VACUUM g", "C:VACUUM")
}
