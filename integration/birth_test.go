package integration

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/logstore"
	"github.com/raftsql/raftsql/membership"
)

// TestWipedInitialMemberNeverVotesAsItself is the safety window of a
// member of the initial cluster that lost its data directory and is
// restarted with its original flags (--initial-cluster), while another
// member is down: the classic way to lose acknowledged writes (the wiped
// member votes for the stale one). Rows are acknowledged by the leader and
// the victim while the third member is stopped; then the victim is wiped,
// the leader stopped, and the victim restarted first (no peer reachable:
// it must wait, not bootstrap as itself) and then the stale member. The
// victim is refused by the stale member's answer, with the way back in;
// it never voted (its persisted hard state is empty); and once the old
// leader is back, every acknowledged row is there.
func TestWipedInitialMemberNeverVotesAsItself(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	victim, stale := (lead+1)%3, (lead+2)%3
	conn := connect(t, c.url(lead))
	mustExec(t, conn, "CREATE TABLE kv (k int PRIMARY KEY)")
	mustExec(t, conn, "INSERT INTO kv SELECT g FROM generate_series(1, 10) AS g")
	c.stop(stale)
	// Acknowledged by the leader and the victim only.
	mustExec(t, conn, "INSERT INTO kv SELECT g FROM generate_series(11, 20) AS g")
	conn.Close(context.Background())

	name, dir := c.members[victim].Name, filepath.Join(c.dir, c.members[victim].Name)
	c.stop(victim)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	c.stop(lead)
	// No peer reachable: the victim waits for them, unborn.
	c.start(victim)
	c.start(stale)
	err := awaitStop(t, c.nodes[victim], name+" restarted empty with --initial-cluster")
	for _, want := range []string{"its cluster already exists", fmt.Sprintf("ALTER CLUSTER REMOVE MEMBER '%s'", name), "--join"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("the wiped member's refusal does not say %q: %v", want, err)
		}
	}
	var ne *raftsql.NodeError
	if !errors.As(err, &ne) || ne.Code != "55000" {
		t.Fatalf("refusal: want a NodeError 55000, got %#v", err)
	}
	c.stop(victim)
	store, err := logstore.Open(filepath.Join(dir, "raft"), logstore.Options{NodeID: membership.MemberID(name)})
	if err != nil {
		t.Fatal(err)
	}
	hs, _, err := store.InitialState()
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	if hs.Term != 0 || hs.Vote != 0 {
		t.Fatalf("the wiped member acted as its old self: hard state %+v", hs)
	}

	// The old leader comes back; with the stale member it has a quorum,
	// and every acknowledged row is there.
	c.start(lead)
	c.waitLeader(20 * time.Second)
	for _, i := range []int{lead, stale} {
		conn := connect(t, c.url(i))
		var n, sum int
		if err := conn.QueryRow(context.Background(), "SELECT count(*), sum(k) FROM kv").Scan(&n, &sum); err != nil {
			t.Fatal(err)
		}
		conn.Close(context.Background())
		if n != 20 || sum != 210 {
			t.Fatalf("%s: %d rows summing to %d, want the 20 acknowledged rows (210)", c.members[i].Name, n, sum)
		}
	}
}

// TestJoinToken: --join presents the cluster's join token; a wrong token
// or none is refused with a clear error on the joining node, and only a
// superuser reads the token.
func TestJoinToken(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	token := c.joinToken(t)
	for i, n := range c.nodes {
		if got := n.JoinToken(); got != token {
			t.Fatalf("%s knows join token %q, %s %q", c.members[i].Name, got, c.members[0].Name, token)
		}
	}
	conn := connect(t, c.url(lead))
	var shown string
	if err := conn.QueryRow(context.Background(), "SHOW raftsql.join_token").Scan(&shown); err != nil || shown != token {
		t.Fatalf("SHOW raftsql.join_token as the superuser: %q, %v", shown, err)
	}
	mustExec(t, conn, "CREATE ROLE bob LOGIN")
	conn.Close(context.Background())
	bob := connect(t, strings.Replace(c.url(lead), "postgres@", "bob@", 1))
	if err := bob.QueryRow(context.Background(), "SHOW raftsql.join_token").Scan(&shown); pgCode(err) != "42501" {
		t.Fatalf("SHOW raftsql.join_token as an ordinary role: want 42501, got %q, %v", shown, err)
	}
	bob.Close(context.Background())

	joinAddr := c.members[(lead+1)%3].RaftAddr // through a follower: it relays
	if _, err := startJoinerToken(t, c, "n4", filepath.Join(c.dir, "n4-none"), "", joinAddr, ""); err == nil || !strings.Contains(err.Error(), "join token") {
		t.Fatalf("joining without a token: %v", err)
	}
	j, err := startJoinerToken(t, c, "n4", filepath.Join(c.dir, "n4-wrong"), "", joinAddr, strings.Repeat("0", len(token)))
	if err != nil {
		t.Fatal(err)
	}
	if err := awaitStop(t, j.node, "n4 with a wrong join token"); err == nil || !strings.Contains(err.Error(), "join token is wrong") {
		t.Fatalf("joining with a wrong token: %v", err)
	}
	j.node.Close()
	if rows := awaitCluster(t, c.url(lead), "three members", func(rows []clusterRow) bool { return len(rows) == 3 }); roles(rows)["n4"] != "" {
		t.Fatalf("a node with a wrong token became a member: %+v", rows)
	}

	j, err = startJoiner(t, c, "n4", filepath.Join(c.dir, "n4"), "", joinAddr)
	if err != nil {
		t.Fatal(err)
	}
	awaitCluster(t, c.url(lead), "n4 a voter", func(rows []clusterRow) bool { return roles(rows)["n4"] == "voter" })
	if got := j.node.JoinToken(); got != token {
		t.Fatalf("the joined member records token %q, want %q", got, token)
	}
}

// TestDeletedRaftLogRefused: a member of the initial cluster that has
// served and whose Raft log was deleted (identity.json kept) is refused at
// start, with the way back in, instead of voting with an empty log.
func TestDeletedRaftLogRefused(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	victim := (lead + 1) % 3
	name, dir := c.members[victim].Name, filepath.Join(c.dir, c.members[victim].Name)
	c.stop(victim)
	if err := os.RemoveAll(filepath.Join(dir, "raft")); err != nil {
		t.Fatal(err)
	}
	n, err := raftsql.Start(context.Background(), raftsql.Config{
		Name: name, DataDir: dir, InitialCluster: c.members, Logger: c.log,
		PGListener: listenLoopback(t, c.pgAddrs[victim]), RaftListener: listenLoopback(t, c.members[victim].RaftAddr),
	})
	if err == nil {
		n.Close()
		t.Fatal("a member whose Raft log was deleted started")
	}
	for _, want := range []string{"Raft log", "is missing", fmt.Sprintf("ALTER CLUSTER REMOVE MEMBER '%s'", name), "--join"} {
		if !strings.Contains(err.Error(), want) {
			t.Fatalf("the refusal does not say %q: %v", want, err)
		}
	}
}

// TestServeWipedInitialMemberRefused is the same window with real
// processes: the wiped member, restarted with its original flags while the
// other members are down, waits; when a member that knows the cluster
// starts, it exits with an error that says what to run, and no
// acknowledged row is lost.
func TestServeWipedInitialMemberRefused(t *testing.T) {
	c := startProcCluster(t, 3)
	lead := c.leader(20 * time.Second)
	victim, stale := c.twoFollowers(lead)
	conn := connect(t, lead.url())
	mustExec(t, conn, "CREATE TABLE kv (k int PRIMARY KEY)")
	mustExec(t, conn, "INSERT INTO kv SELECT g FROM generate_series(1, 10) AS g")
	c.kill(stale)
	mustExec(t, conn, "INSERT INTO kv SELECT g FROM generate_series(11, 20) AS g")
	conn.Close(context.Background())
	c.kill(victim)
	if err := os.RemoveAll(victim.dataDir); err != nil {
		t.Fatal(err)
	}
	c.kill(lead)
	c.start(victim) // its PostgreSQL port opens; it waits, unborn
	c.start(stale)
	select {
	case <-victim.exited:
	case <-time.After(30 * time.Second):
		t.Fatal("the wiped member did not exit")
	}
	if victim.cmd.ProcessState.Success() {
		t.Fatal("the wiped member exited with status 0")
	}
	victim.cmd = nil
	b, _ := os.ReadFile(victim.logPath)
	for _, want := range []string{"its cluster already exists", fmt.Sprintf("ALTER CLUSTER REMOVE MEMBER '%s'", victim.name), "--join", "SHOW raftsql.join_token"} {
		if !strings.Contains(string(b), want) {
			t.Fatalf("the wiped member's output does not say %q:\n%s", want, tail(string(b), 20))
		}
	}
	c.start(lead)
	c.leader(20 * time.Second)
	conn = connect(t, stale.url())
	var n, sum int
	if err := conn.QueryRow(context.Background(), "SELECT count(*), sum(k) FROM kv").Scan(&n, &sum); err != nil {
		t.Fatal(err)
	}
	if n != 20 || sum != 210 {
		t.Fatalf("%d rows summing to %d, want the 20 acknowledged rows (210)", n, sum)
	}
}
