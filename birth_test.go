package raftsql

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/raftsql/raftsql/membership"
)

func readIdentity(t *testing.T, dir string) identity {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, identityFile))
	if err != nil {
		t.Fatal(err)
	}
	var id identity
	if err := json.Unmarshal(b, &id); err != nil {
		t.Fatal(err)
	}
	return id
}

// A single-member cluster is its own founder: born at once, with a roster
// of itself and a join token, both recorded before it votes.
func TestSingleMemberBornAtOnce(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{Name: "n1", DataDir: dir, PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0",
		InitialCluster: []membership.Member{{Name: "n1", RaftAddr: "127.0.0.1:0"}}}
	n, err := Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	waitFor(t, "a leader", func() bool { return n.Leader() != 0 })
	id := readIdentity(t, dir)
	if !id.Born || id.Nonce == 0 || id.Roster["n1"] != id.Nonce || len(id.Roster) != 1 || len(id.JoinToken) != 2*joinTokenBytes {
		t.Fatalf("identity after birth: %+v", id)
	}
	if n.JoinToken() != id.JoinToken {
		t.Fatalf("JoinToken() = %q, recorded %q", n.JoinToken(), id.JoinToken)
	}
}

// A member of a new cluster whose peers never answer stays unborn and,
// restarted, needs the same initial cluster: another one would make it its
// own founder. (That an unborn member never votes is shown end to end by
// integration's TestWipedInitialMemberNeverVotesAsItself.)
func TestUnbornMemberWaitsAndKeepsItsInitialCluster(t *testing.T) {
	dir := t.TempDir()
	two := []membership.Member{{Name: "n1", RaftAddr: "127.0.0.1:0"}, {Name: "n2", RaftAddr: "127.0.0.1:1"}}
	cfg := Config{Name: "n1", DataDir: dir, PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0", InitialCluster: two}
	n, err := Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Close(); err != nil {
		t.Fatal(err)
	}
	if id := readIdentity(t, dir); id.Born || id.Nonce == 0 {
		t.Fatalf("identity of an unborn member: %+v", id)
	}
	cfg.InitialCluster = nil
	_, err = Start(context.Background(), cfg)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "InitialCluster" {
		t.Fatalf("restart of an unborn member without its initial cluster: %v", err)
	}
}
