package sqlexec

import (
	"context"
	"errors"
	"testing"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// fakeAdmin records the ALTER CLUSTER commands it is handed.
type fakeAdmin struct {
	got []pgdialect.ClusterCommand
	err error
}

func (f *fakeAdmin) AlterCluster(ctx context.Context, cmd pgdialect.ClusterCommand) error {
	f.got = append(f.got, cmd)
	return f.err
}

type sqlStateErr struct{}

func (sqlStateErr) Error() string    { return "member \"nx\" is not in the cluster" }
func (sqlStateErr) SQLState() string { return "42704" }

// ALTER CLUSTER goes to the ClusterAdmin hook (not through the log), keeps
// the hook's SQLSTATE, is refused inside a transaction block (25001) and
// without a node (0A000), in both protocols.
func TestAlterClusterHook(t *testing.T) {
	db := openTest(t, t.TempDir())
	t.Cleanup(func() { db.Close() })
	admin := &fakeAdmin{}
	s := newSess(t, NewEngine(db, &fakeReplicator{db: db}, EngineOptions{ClusterAdmin: admin}))
	mustQ(t, s, "ALTER CLUSTER ADD MEMBER 'n4' ADDRESS '127.0.0.1:7004'", "C:ALTER CLUSTER")
	want := pgdialect.ClusterCommand{Op: pgdialect.ClusterAddMember, Member: "n4", Address: "127.0.0.1:7004"}
	if len(admin.got) != 1 || admin.got[0] != want {
		t.Fatalf("hook got %+v, want %+v", admin.got, want)
	}
	ps, err := s.Prepare(context.Background(), "ALTER CLUSTER REMOVE MEMBER 'n2'", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ps.Execute(context.Background(), nil, &rec{}); err != nil || len(admin.got) != 2 || admin.got[1].Op != pgdialect.ClusterRemoveMember {
		t.Fatalf("extended protocol: %v, %+v", err, admin.got)
	}
	admin.err = sqlStateErr{}
	if _, err := q(t, s, "ALTER CLUSTER REMOVE MEMBER 'nx'"); code(err) != "42704" {
		t.Errorf("hook error: %v, want 42704", err)
	}
	admin.err = errors.New("boom")
	mustQ(t, s, "BEGIN", "")
	if _, err := q(t, s, "ALTER CLUSTER REMOVE MEMBER 'n2'"); code(err) != "25001" {
		t.Errorf("in a transaction block: %v, want 25001", err)
	}
	mustQ(t, s, "ROLLBACK", "")
	if _, err := q(t, s, "SELECT 1; ALTER CLUSTER REMOVE MEMBER 'n2'"); code(err) != "25001" {
		t.Errorf("in a multi-statement string: %v, want 25001", err)
	}
	if len(admin.got) != 3 {
		t.Errorf("the hook ran %d times, want 3", len(admin.got))
	}
	bare := newSess(t, NewEngine(db, &fakeReplicator{db: db}, EngineOptions{}))
	if _, err := q(t, bare, "ALTER CLUSTER REMOVE MEMBER 'n2'"); code(err) != "0A000" {
		t.Errorf("without a node: %v, want 0A000", err)
	}
}
