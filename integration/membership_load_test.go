package integration

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/raftsql/raftsql"
)

// Membership changes under a continuous write load, leader failures in
// the middle of a change, and a member that lost its data directory.

// loadWriter inserts consecutive ids into w(id) through whichever of its
// nodes answer, and records the ids whose insert was acknowledged.
type loadWriter struct {
	mu    sync.Mutex
	urls  []string
	acked []int
	stop  chan struct{}
	done  chan struct{}
}

func startLoad(t *testing.T, urls []string) *loadWriter {
	t.Helper()
	conn := connect(t, urls[0])
	mustExec(t, conn, "CREATE TABLE w (id int NOT NULL)")
	lw := &loadWriter{urls: urls, stop: make(chan struct{}), done: make(chan struct{})}
	go lw.run()
	t.Cleanup(lw.halt)
	return lw
}

func (lw *loadWriter) setURLs(urls []string) {
	lw.mu.Lock()
	lw.urls = urls
	lw.mu.Unlock()
}

func (lw *loadWriter) count() int {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	return len(lw.acked)
}

func (lw *loadWriter) halt() {
	select {
	case <-lw.stop:
	default:
		close(lw.stop)
	}
	<-lw.done
}

func (lw *loadWriter) run() {
	defer close(lw.done)
	conns := map[string]*pgx.Conn{}
	defer func() {
		for _, c := range conns {
			c.Close(context.Background())
		}
	}()
	for id := 1; ; id++ {
		select {
		case <-lw.stop:
			return
		default:
		}
		lw.mu.Lock()
		url := lw.urls[id%len(lw.urls)]
		lw.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		conn := conns[url]
		var err error
		if conn == nil {
			conn, err = pgx.Connect(ctx, url)
			if err == nil {
				conns[url] = conn
			}
		}
		if err == nil {
			_, err = conn.Exec(ctx, "INSERT INTO w VALUES ($1)", id)
			if err != nil {
				conn.Close(context.Background())
				delete(conns, url)
			}
		}
		cancel()
		if err == nil {
			lw.mu.Lock()
			lw.acked = append(lw.acked, id)
			lw.mu.Unlock()
		}
	}
}

// awaitMore waits until n more writes than now were acknowledged.
func (lw *loadWriter) awaitMore(t *testing.T, n int) {
	t.Helper()
	want := lw.count() + n
	deadline := time.Now().Add(60 * time.Second)
	for lw.count() < want {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d writes acknowledged", lw.count(), want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// verify stops the load and checks on every url (linearizable reads)
// that each acknowledged id is there exactly once and no id twice.
func (lw *loadWriter) verify(t *testing.T, urls []string) {
	t.Helper()
	lw.halt()
	if len(lw.acked) == 0 {
		t.Fatal("no write was acknowledged")
	}
	for _, url := range urls {
		conn := connect(t, url)
		rows, err := conn.Query(context.Background(), "SELECT id, count(*) FROM w GROUP BY id")
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]int{}
		for rows.Next() {
			var id, n int
			if err := rows.Scan(&id, &n); err != nil {
				t.Fatal(err)
			}
			got[id] = n
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		for id, n := range got {
			if n != 1 {
				t.Errorf("%s: id %d applied %d times", url, id, n)
			}
		}
		for _, id := range lw.acked {
			if got[id] != 1 {
				t.Errorf("%s: acknowledged id %d is missing", url, id)
			}
		}
		t.Logf("%s: %d rows, %d acknowledged", url, len(got), len(lw.acked))
	}
}

// awaitRemoved waits until the node stopped because it was removed.
func awaitRemoved(t *testing.T, n *raftsql.Node, name string) {
	t.Helper()
	if err := awaitStop(t, n, name); err == nil || !strings.Contains(err.Error(), "was removed from the cluster") {
		t.Fatalf("%s stopped with %v, want a removal error", name, err)
	}
}

func TestGrowShrinkUnderWriteLoad(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	follower := (lead + 1) % 3
	originals := []string{c.url(0), c.url(1), c.url(2)}
	lw := startLoad(t, originals)
	lw.awaitMore(t, 20)

	// n4: ADD MEMBER through SQL first, then the node starts with --join.
	n4 := addThenJoin(t, c, "ADD MEMBER", "n4", c.url(follower), c.members[lead].RaftAddr)
	awaitCluster(t, c.url(lead), "n4 a voter", func(rows []clusterRow) bool { return roles(rows)["n4"] == "voter" })
	lw.awaitMore(t, 20)
	// n5: --join alone.
	n5, err := startJoiner(t, c, "n5", filepath.Join(c.dir, "n5"), "", c.members[follower].RaftAddr)
	if err != nil {
		t.Fatal(err)
	}
	awaitCluster(t, n4.url(), "five voters", func(rows []clusterRow) bool {
		r := roles(rows)
		return len(rows) == 5 && r["n5"] == "voter" && r["n4"] == "voter"
	})
	lw.setURLs(append(originals, n4.url(), n5.url()))
	lw.awaitMore(t, 20)
	lw.setURLs(originals)

	// Shrink back to three.
	alterCluster(t, c.url(follower), "ALTER CLUSTER REMOVE MEMBER 'n5'")
	awaitRemoved(t, n5.node, "n5")
	lw.awaitMore(t, 20)
	alterCluster(t, c.url(lead), "ALTER CLUSTER REMOVE MEMBER 'n4'")
	awaitRemoved(t, n4.node, "n4")
	awaitCluster(t, c.url(follower), "three members", func(rows []clusterRow) bool { return len(rows) == 3 })
	lw.awaitMore(t, 20)
	lw.verify(t, originals)

	// A removed member refuses to start from its data directory.
	n5.node.Close()
	if _, err := startJoiner(t, c, "n5", n5.dir, "", c.members[lead].RaftAddr); err == nil || !strings.Contains(err.Error(), "was removed") {
		t.Errorf("restart of a removed member: %v", err)
	}
}

// TestReplaceEveryOriginalMember replaces n1, n2 and n3 one by one (the
// leader among them) under a write load, until no original node remains.
func TestReplaceEveryOriginalMember(t *testing.T) {
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	live := map[string]string{"n1": c.url(0), "n2": c.url(1), "n3": c.url(2)}
	raftOf := map[string]string{"n1": c.members[0].RaftAddr, "n2": c.members[1].RaftAddr, "n3": c.members[2].RaftAddr}
	urls := func() []string {
		var out []string
		for _, u := range live {
			out = append(out, u)
		}
		return out
	}
	lw := startLoad(t, urls())
	lw.awaitMore(t, 20)
	for i := 0; i < 3; i++ {
		old := c.members[i].Name
		var via string
		for name, addr := range raftOf {
			if name != old {
				via = addr
			}
		}
		name := fmt.Sprintf("r%d", i+1)
		j, err := startJoiner(t, c, name, filepath.Join(c.dir, name), "", via)
		if err != nil {
			t.Fatal(err)
		}
		awaitCluster(t, j.url(), name+" a voter", func(rows []clusterRow) bool { return roles(rows)[name] == "voter" })
		live[name], raftOf[name] = j.url(), j.raftAddr
		lw.setURLs(urls())
		lw.awaitMore(t, 10)
		alterCluster(t, j.url(), fmt.Sprintf("ALTER CLUSTER REMOVE MEMBER '%s'", old))
		delete(live, old)
		delete(raftOf, old)
		lw.setURLs(urls())
		awaitRemoved(t, c.nodes[i], old)
		c.stop(i)
		lw.awaitMore(t, 10)
	}
	rows := awaitCluster(t, live["r1"], "r1..r3 only", func(rows []clusterRow) bool {
		r := roles(rows)
		return len(rows) == 3 && r["r1"] == "voter" && r["r2"] == "voter" && r["r3"] == "voter"
	})
	t.Logf("members: %+v", rows)
	lw.verify(t, urls())
}

// TestLeaderKilledDuringMembershipChange stops the leader while a node
// joins; the surviving members finish the change (the learner is
// promoted by the new leader) and keep taking writes.
func TestLeaderKilledDuringMembershipChange(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	follower := (lead + 1) % 3
	lw := startLoad(t, []string{c.url(follower), c.url((lead + 2) % 3)})
	lw.awaitMore(t, 10)
	j, err := startJoiner(t, c, "n4", filepath.Join(c.dir, "n4"), "", c.members[follower].RaftAddr)
	if err != nil {
		t.Fatal(err)
	}
	c.stop(lead)
	awaitCluster(t, j.url(), "n4 a voter after the leader died", func(rows []clusterRow) bool { return roles(rows)["n4"] == "voter" })
	lw.awaitMore(t, 20)
	// A change interrupted by a leader's death can be retried: ADD LEARNER
	// while the (new) leader is stopped answers success, an unknown
	// outcome or "no leader"; the retry settles it.
	lead2 := -1
	for i, n := range c.nodes {
		if n != nil && n.IsLeader() {
			lead2 = i
		}
	}
	errc := make(chan error, 1)
	go func() {
		conn, err := pgx.Connect(context.Background(), c.url(follower))
		if err == nil {
			_, err = conn.Exec(context.Background(), "ALTER CLUSTER ADD LEARNER 'l5' ADDRESS '127.0.0.1:1'")
			conn.Close(context.Background())
		}
		errc <- err
	}()
	if lead2 >= 0 && lead2 != follower {
		c.stop(lead2)
		c.start(lead2)
	}
	if err := <-errc; err != nil {
		t.Logf("ALTER CLUSTER ADD LEARNER across a leader restart: %v", err)
		if code := pgCode(err); code != "40003" && code != "57P03" && code != "55000" {
			t.Fatalf("unexpected error: %v", err)
		}
	}
	awaitCluster(t, j.url(), "l5 a learner (after retries)", func(rows []clusterRow) bool {
		if roles(rows)["l5"] == "learner" {
			return true
		}
		conn, err := pgx.Connect(context.Background(), j.url())
		if err == nil {
			conn.Exec(context.Background(), "ALTER CLUSTER ADD LEARNER 'l5' ADDRESS '127.0.0.1:1'")
			conn.Close(context.Background())
		}
		return false
	})
	lw.verify(t, []string{c.url(follower), j.url()})
}

// TestWipedMemberCannotRejoinAsItself: a voter whose data directory was
// lost is refused under its old identity, with the way back in, and can
// be replaced (removed, then joined afresh).
func TestWipedMemberCannotRejoinAsItself(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	victim := (lead + 1) % 3
	conn := connect(t, c.url(lead))
	mustExec(t, conn, "CREATE TABLE kv (k int PRIMARY KEY)")
	mustExec(t, conn, "INSERT INTO kv VALUES (1), (2), (3)")
	name, dir, raftAddr := c.members[victim].Name, filepath.Join(c.dir, c.members[victim].Name), c.members[victim].RaftAddr
	wantRefusal := fmt.Sprintf("ALTER CLUSTER REMOVE MEMBER '%s'", name)
	// Restarted with its initial-cluster flags into an empty directory, it
	// bootstraps under its old id; the leader sees that it lost its log.
	c.stop(victim)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	c.start(victim)
	if err := awaitStop(t, c.nodes[victim], name+" restarted empty with --initial-cluster"); err == nil || !strings.Contains(err.Error(), wantRefusal) {
		t.Fatalf("refusal of the bootstrapped wiped member: %v", err)
	}
	c.stop(victim)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	// With --join it comes as a new incarnation, refused under the name
	// of a voter.
	j, err := startJoiner(t, c, name, dir, raftAddr, c.members[lead].RaftAddr)
	if err != nil {
		t.Fatal(err)
	}
	if err := awaitStop(t, j.node, name+" joining empty under its old name"); err == nil || !strings.Contains(err.Error(), wantRefusal) {
		t.Fatalf("refusal: %v", err)
	}
	j.node.Close()
	rows := awaitCluster(t, c.url(lead), "the old identity still a voter", func(rows []clusterRow) bool { return roles(rows)[name] == "voter" })
	t.Logf("before the replacement: %+v", rows)

	alterCluster(t, c.url(lead), fmt.Sprintf("ALTER CLUSTER REMOVE MEMBER '%s'", name))
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	j2, err := startJoiner(t, c, name, dir, raftAddr, c.members[lead].RaftAddr)
	if err != nil {
		t.Fatal(err)
	}
	awaitCluster(t, c.url(lead), "the replacement a voter", func(rows []clusterRow) bool { return roles(rows)[name] == "voter" && len(rows) == 3 })
	var n int
	if err := connect(t, j2.url()).QueryRow(context.Background(), "SELECT count(*) FROM kv").Scan(&n); err != nil || n != 3 {
		t.Fatalf("the replacement reads %d rows, %v", n, err)
	}
}
