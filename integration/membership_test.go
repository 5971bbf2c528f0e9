package integration

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/raftsql/raftsql"
)

// Cluster membership through admin SQL (SHOW CLUSTER, ALTER CLUSTER) and
// nodes that join a running cluster (Config.Join, raftsql serve --join).

// joiner is an in-process node started with Config.Join.
type joiner struct {
	name, dir string
	node      *raftsql.Node
	pgAddr    string
	raftAddr  string
}

// startJoiner starts a node named name in dir that joins the cluster
// through the member at joinAddr; raftAddr "" picks a free port.
func startJoiner(t *testing.T, c *memCluster, name, dir, raftAddr, joinAddr string) (*joiner, error) {
	t.Helper()
	return startJoinerToken(t, c, name, dir, raftAddr, joinAddr, c.joinToken(t))
}

// joinToken is the cluster's join token, from any running member.
func (c *memCluster) joinToken(t *testing.T) string {
	t.Helper()
	for _, n := range c.nodes {
		if n != nil && n.JoinToken() != "" {
			return n.JoinToken()
		}
	}
	t.Fatal("no running member knows the join token")
	return ""
}

// startJoinerToken is startJoiner presenting the join token given.
func startJoinerToken(t *testing.T, c *memCluster, name, dir, raftAddr, joinAddr, token string) (*joiner, error) {
	t.Helper()
	if raftAddr == "" {
		raftAddr = "127.0.0.1:0"
	}
	rl, pl := listenLoopback(t, raftAddr), listenLoopback(t, "127.0.0.1:0")
	n, err := raftsql.Start(context.Background(), raftsql.Config{
		Name: name, DataDir: dir, PGListener: pl, RaftListener: rl, Join: joinAddr, JoinToken: token, Logger: c.log,
	})
	if err != nil {
		return nil, err
	}
	j := &joiner{name: name, dir: dir, node: n, pgAddr: n.PGAddr().String(), raftAddr: n.RaftAddr().String()}
	t.Cleanup(func() { n.Close() })
	return j, nil
}

// addThenJoin runs ALTER CLUSTER <op> 'name' ADDRESS on url, then starts
// the node at that address with --join joinAddr.
func addThenJoin(t *testing.T, c *memCluster, op, name, url, joinAddr string) *joiner {
	t.Helper()
	rl := listenLoopback(t, "127.0.0.1:0")
	addr := rl.Addr().String()
	rl.Close()
	alterCluster(t, url, fmt.Sprintf("ALTER CLUSTER %s '%s' ADDRESS '%s'", op, name, addr))
	j, err := startJoiner(t, c, name, filepath.Join(c.dir, name), addr, joinAddr)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// awaitStop waits until the node has stopped and returns why.
func awaitStop(t *testing.T, n *raftsql.Node, name string) error {
	t.Helper()
	select {
	case <-n.Done():
	case <-time.After(30 * time.Second):
		t.Fatalf("%s did not stop", name)
	}
	return n.Err()
}

func (j *joiner) url() string {
	return "postgres://postgres@" + j.pgAddr + "/raftsql?sslmode=disable"
}

// clusterRow is one row of SHOW CLUSTER.
type clusterRow struct {
	id, name, raftAddr, pgAddr, role, state, match, applied, contact string
}

func showCluster(ctx context.Context, url string, mode pgx.QueryExecMode) ([]clusterRow, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.Background())
	rows, err := conn.Query(ctx, "SHOW CLUSTER", mode)
	if err != nil {
		return nil, err
	}
	var out []clusterRow
	for rows.Next() {
		var r clusterRow
		if err := rows.Scan(&r.id, &r.name, &r.raftAddr, &r.pgAddr, &r.role, &r.state, &r.match, &r.applied, &r.contact); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// awaitCluster waits until SHOW CLUSTER on url satisfies ok.
func awaitCluster(t *testing.T, url string, what string, ok func([]clusterRow) bool) []clusterRow {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	var last []clusterRow
	var lastErr error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		rows, err := showCluster(ctx, url, pgx.QueryExecModeSimpleProtocol)
		cancel()
		if err == nil && ok(rows) {
			return rows
		}
		last, lastErr = rows, err
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("SHOW CLUSTER never showed %s: last %+v, err %v", what, last, lastErr)
	return nil
}

// roles maps member names to their role in rows.
func roles(rows []clusterRow) map[string]string {
	m := map[string]string{}
	for _, r := range rows {
		m[r.name] = r.role
	}
	return m
}

// alterCluster runs an ALTER CLUSTER statement, retrying while the cluster
// says to retry (no leader yet, a change in progress, leader changing).
func alterCluster(t *testing.T, url, sql string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		conn, err := pgx.Connect(ctx, url)
		if err == nil {
			_, err = conn.Exec(ctx, sql)
			conn.Close(context.Background())
		}
		cancel()
		if err == nil {
			return
		}
		code := pgCode(err)
		if (code != "57P03" && code != "55000" && code != "40003") || time.Now().After(deadline) {
			t.Fatalf("%s: %v", sql, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestShowClusterEveryProtocolMode(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	follower := (lead + 1) % 3
	all := func(rows []clusterRow) bool {
		if len(rows) != 3 {
			return false
		}
		for _, r := range rows {
			if r.pgAddr == "" || r.raftAddr == "" || r.role != "voter" {
				return false
			}
		}
		return true
	}
	rows := awaitCluster(t, c.url(lead), "three voters with addresses", all)
	for _, r := range rows {
		i := int(r.name[1] - '1')
		if r.pgAddr != c.pgAddrs[i] || r.raftAddr != c.members[i].RaftAddr {
			t.Errorf("row %+v: want pg %s raft %s", r, c.pgAddrs[i], c.members[i].RaftAddr)
		}
		wantState := "follower"
		if i == lead {
			wantState = "leader"
		}
		if r.state != wantState || r.match == "" {
			t.Errorf("on the leader, row %+v: want state %s and a match index", r, wantState)
		}
	}
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeExec, pgx.QueryExecModeCacheStatement, pgx.QueryExecModeDescribeExec} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		rows, err := showCluster(ctx, c.url(follower), mode)
		cancel()
		if err != nil || len(rows) != 3 {
			t.Fatalf("mode %v: SHOW CLUSTER on a follower: %+v, %v", mode, rows, err)
		}
		for _, r := range rows {
			switch {
			case r.name == c.members[follower].Name && (r.state != "follower" || r.applied == ""):
				t.Errorf("mode %v: self row %+v", mode, r)
			case r.name == c.members[lead].Name && r.state != "leader":
				t.Errorf("mode %v: leader row %+v", mode, r)
			}
		}
	}
	// Inside a transaction SHOW CLUSTER works; ALTER CLUSTER does not.
	conn := connect(t, c.url(follower))
	ctx := context.Background()
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if r, err := tx.Query(ctx, "SHOW CLUSTER"); err != nil {
		t.Fatal(err)
	} else {
		for r.Next() {
			n++
		}
		r.Close()
	}
	if n != 3 {
		t.Errorf("SHOW CLUSTER in a transaction: %d rows", n)
	}
	_, err = tx.Exec(ctx, "ALTER CLUSTER REMOVE MEMBER 'n3'")
	if pgCode(err) != "25001" {
		t.Errorf("ALTER CLUSTER in a transaction: %v, want 25001", err)
	}
	tx.Rollback(ctx)
}

func TestAlterClusterErrors(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	follower := (lead + 1) % 3
	awaitCluster(t, c.url(lead), "addresses", func(rows []clusterRow) bool {
		for _, r := range rows {
			if r.pgAddr == "" {
				return false
			}
		}
		return len(rows) == 3
	})
	for _, tc := range []struct{ sql, code, msg string }{
		{"ALTER CLUSTER REMOVE MEMBER 'nx'", "42704", "not in the cluster"},
		{"ALTER CLUSTER PROMOTE MEMBER 'nx'", "42704", "not in the cluster"},
		{"ALTER CLUSTER TRANSFER LEADERSHIP TO 'nx'", "42704", "not in the cluster"},
		{"ALTER CLUSTER ADD MEMBER 'n2' ADDRESS '127.0.0.1:1'", "42710", "already in the cluster"},
		{"ALTER CLUSTER PROMOTE MEMBER 'n2'", "42710", "already a voter"},
		{"ALTER CLUSTER ADD MEMBER 'n9' ADDRESS 'nowhere'", "22023", "host:port"},
		{"ALTER CLUSTER ADD MEMBER 'n9'", "42601", "ADDRESS"},
		{"ALTER CLUSTER DANCE", "42601", "syntax error"},
		{"ALTER CLUSTER REMOVE MEMBER 'n2' EXTRA", "42601", "syntax error"},
	} {
		for _, i := range []int{lead, follower} {
			conn := connect(t, c.url(i))
			var err error
			// A leader elected meanwhile (a loaded machine) is not yet
			// advertised to the follower that forwards: 57P03 until it is.
			waitUntil(t, "an answer other than 57P03", func() bool {
				_, err = conn.Exec(context.Background(), tc.sql)
				return pgCode(err) != "57P03"
			})
			if pgCode(err) != tc.code || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("on %s: %s: %v, want %s (%s)", c.members[i].Name, tc.sql, err, tc.code, tc.msg)
			}
		}
	}
	// With one voter down, removing another would lose quorum.
	down := (lead + 2) % 3
	c.stop(down)
	awaitCluster(t, c.url(lead), "the stopped voter unreachable", func(rows []clusterRow) bool {
		for _, r := range rows {
			if r.name == c.members[down].Name {
				return r.state == "unreachable"
			}
		}
		return false
	})
	conn := connect(t, c.url(lead))
	_, err := conn.Exec(context.Background(), fmt.Sprintf("ALTER CLUSTER REMOVE MEMBER '%s'", c.members[follower].Name))
	if pgCode(err) != "55000" || !strings.Contains(err.Error(), "quorum") {
		t.Errorf("remove with a voter down: %v, want 55000 (lose quorum)", err)
	}
}

// TestJoinAndLearnerReads adds a learner through SQL and one node through
// --join alone; the learner serves stale and linearizable reads.
func TestJoinAndLearnerReads(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	follower := (lead + 1) % 3
	conn := connect(t, c.url(lead))
	mustExec(t, conn, "CREATE TABLE kv (k int PRIMARY KEY, v text)")
	mustExec(t, conn, "INSERT INTO kv VALUES (1, 'one')")

	l4 := addThenJoin(t, c, "ADD LEARNER", "l4", c.url(follower), c.members[follower].RaftAddr)
	lconn := connect(t, l4.url())
	mustExec(t, conn, "INSERT INTO kv VALUES (2, 'two')")
	// A linearizable read on the learner sees the write acknowledged just before.
	var v string
	if err := lconn.QueryRow(context.Background(), "SELECT v FROM kv WHERE k = 2").Scan(&v); err != nil || v != "two" {
		t.Fatalf("linearizable read on the learner: %q, %v", v, err)
	}
	mustExec(t, lconn, "SET raftsql.read_consistency = 'stale'")
	var n int
	if err := lconn.QueryRow(context.Background(), "SELECT count(*) FROM kv").Scan(&n); err != nil || n != 2 {
		t.Fatalf("stale read on the learner: %d, %v", n, err)
	}
	// A write on the learner goes through the log too.
	mustExec(t, lconn, "INSERT INTO kv VALUES (3, 'three')")

	// n5 joins through --join alone and becomes a voter once caught up.
	n5, err := startJoiner(t, c, "n5", filepath.Join(c.dir, "n5"), "", c.members[lead].RaftAddr)
	if err != nil {
		t.Fatal(err)
	}
	rows := awaitCluster(t, c.url(lead), "n5 a voter, l4 a learner", func(rows []clusterRow) bool {
		r := roles(rows)
		return r["n5"] == "voter" && r["l4"] == "learner" && len(rows) == 5
	})
	for _, r := range rows {
		if r.name == "n5" && r.pgAddr != n5.pgAddr {
			t.Errorf("n5's advertised pg address %q, want %q", r.pgAddr, n5.pgAddr)
		}
	}
	alterCluster(t, c.url(follower), "ALTER CLUSTER PROMOTE MEMBER 'l4'")
	awaitCluster(t, n5.url(), "l4 promoted", func(rows []clusterRow) bool { return roles(rows)["l4"] == "voter" })
}
