package sqlexec

import (
	"context"
	"testing"

	"github.com/raftsql/raftsql/pgwire"
)

// server_version, server_version_num and version() derive from one string.
func TestServerVersionAgrees(t *testing.T) {
	db := openTest(t, t.TempDir())
	t.Cleanup(func() { db.Close() })
	e := NewEngine(db, &fakeReplicator{db: db}, EngineOptions{ServerVersion: "15.0 (raftsql test)"})
	ps, err := e.NewSession(context.Background(), pgwire.SessionInfo{User: "u"})
	if err != nil {
		t.Fatal(err)
	}
	s := ps.(*Session)
	mustQ(t, s, "SHOW server_version", "D[server_version:25] R[15.0 (raftsql test)] C:SHOW")
	mustQ(t, s, "SHOW server_version_num", "D[server_version_num:25] R[150000] C:SHOW")
	mustQ(t, s, "SELECT version()", "D[version:25] R[PostgreSQL 15.0 (raftsql test) on x86_64-pc-linux-gnu, compiled by Go, 64-bit] C:SELECT 1")
	mustQ(t, s, "SELECT current_setting('server_version_num')", "D[current_setting:25] R[150000] C:SELECT 1")
}
