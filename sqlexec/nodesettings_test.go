package sqlexec

import (
	"context"
	"strings"
	"testing"
)

// fakeNode answers two node settings: raftsql.leader (one value) and
// cluster (several columns and rows, as SHOW CLUSTER will).
type fakeNode struct{}

func (fakeNode) NodeSettingColumns(name string) []string {
	switch name {
	case "raftsql.leader", "raftsql.checksum":
		return []string{name}
	case "cluster":
		return []string{"name", "role"}
	}
	return nil
}

func (fakeNode) ShowNodeSetting(ctx context.Context, name string) ([][]string, error) {
	switch name {
	case "cluster":
		return [][]string{{"n1", "leader"}, {"n2", "follower"}}, nil
	}
	return [][]string{{"v:" + name}}, nil
}

func newNodeEngine(t *testing.T) *Engine {
	db := openTest(t, t.TempDir())
	t.Cleanup(func() { db.Close() })
	return NewEngine(db, &fakeReplicator{db: db}, EngineOptions{NodeSettings: fakeNode{}})
}

// SHOW of a node setting is answered by the node, in any case, with or
// without a semicolon, inside transactions and in a multi-statement string;
// other settings stay the session's. (Moved from the root package's
// TestNodeShowRecognisesOnlyNodeSettings, which matched the query text.)
func TestNodeSettingsSimpleQuery(t *testing.T) {
	s := newSess(t, newNodeEngine(t))
	mustQ(t, s, "SHOW raftsql.leader", "D[raftsql.leader:25] R[v:raftsql.leader] C:SHOW")
	mustQ(t, s, "  show RAFTSQL.Checksum;", "D[raftsql.checksum:25] R[v:raftsql.checksum] C:SHOW")
	mustQ(t, s, "SHOW raftsql.read_consistency", "D[raftsql.read_consistency:25] R[linearizable] C:SHOW")
	mustQ(t, s, "SELECT 1", "D[?column?:23] R[1] C:SELECT 1")
	mustQ(t, s, "SHOW raftsql.leader; SELECT 1", "D[raftsql.leader:25] R[v:raftsql.leader] C:SHOW D[?column?:23] R[1] C:SELECT 1")
	mustQ(t, s, "SHOW cluster", "D[name:25,role:25] R[n1 leader] R[n2 follower] C:SHOW")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SHOW raftsql.leader", "D[raftsql.leader:25] R[v:raftsql.leader] C:SHOW")
	mustQ(t, s, "COMMIT", "")
}

// Prepare describes a node setting's columns; Execute returns its rows.
func TestNodeSettingsExtendedProtocol(t *testing.T) {
	s := newSess(t, newNodeEngine(t))
	for _, sql := range []string{"SHOW raftsql.leader", "show RAFTSQL.LEADER;"} {
		ps, err := s.Prepare(context.Background(), sql, nil)
		if err != nil {
			t.Fatal(err)
		}
		cols := ps.Columns()
		if len(cols) != 1 || cols[0].Name != "raftsql.leader" || cols[0].TypeOID != 25 {
			t.Fatalf("%s: columns %+v", sql, cols)
		}
		got, err := prepExec(t, s, sql)
		if err != nil || got != "R[v:raftsql.leader] C:SHOW" {
			t.Fatalf("%s: %s, %v", sql, got, err)
		}
	}
	got, err := prepExec(t, s, "SHOW cluster")
	if err != nil || !strings.Contains(got, "R[n2 follower]") {
		t.Fatalf("SHOW cluster: %s, %v", got, err)
	}
}
