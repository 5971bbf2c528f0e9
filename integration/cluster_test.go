package integration

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/raftsql/raftsql"
)

// A write through one node is seen at once by a linearizable read through
// another: the acknowledged write committed, and the reader's ReadIndex
// waits for its own node to apply it.
func TestWriteOnFollowerReadOnAnotherNode(t *testing.T) {
	writeOnFollowerReadOnAnotherNode(t, startMemCluster(t, 3))
}

// The same with lease reads (Config.ReadLease): the leader answers the
// reads forwarded by a follower from its lease.
func TestLeaseReadOnAnotherNode(t *testing.T) {
	writeOnFollowerReadOnAnotherNode(t, startMemClusterWith(t, 3, func(cfg *raftsql.Config) { cfg.ReadLease = true }))
}

func writeOnFollowerReadOnAnotherNode(t *testing.T, c *memCluster) {
	lead := c.waitLeader(10 * time.Second)
	writer := (lead + 1) % 3 // a follower
	reader := (lead + 2) % 3 // another follower
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	w := connect(t, c.url(writer))
	r := connect(t, c.url(reader))
	if _, err := w.Exec(ctx, "CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL)"); err != nil {
		t.Fatalf("create through follower: %v", err)
	}
	for i := 0; i < 50; i++ {
		tag, err := w.Exec(ctx, fmt.Sprintf("INSERT INTO kv VALUES ('k%d', %d)", i, i))
		if err != nil {
			t.Fatalf("insert %d: %v", i, err)
		}
		if tag.String() != "INSERT 0 1" {
			t.Fatalf("insert tag = %q, want INSERT 0 1", tag.String())
		}
		// Read-your-writes across nodes, with no sleep in between.
		var got int
		if err := r.QueryRow(ctx, "SELECT count(*) FROM kv", pgx.QueryExecModeSimpleProtocol).Scan(&got); err != nil {
			t.Fatalf("read %d: %v", i, err)
		}
		if got != i+1 {
			t.Fatalf("after %d acknowledged inserts a linearizable read on another node saw %d rows", i+1, got)
		}
	}
	// A failing write fails identically and reports the SQLSTATE.
	_, err := w.Exec(ctx, "INSERT INTO kv VALUES ('k1', 1)")
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "23505" {
		t.Fatalf("duplicate key: got %v, want SQLSTATE 23505", err)
	}
	_, err = w.Exec(ctx, "INSERT INTO nosuch VALUES (1)")
	if !errors.As(err, &pgErr) || pgErr.Code != "42P01" {
		t.Fatalf("missing table: got %v, want SQLSTATE 42P01", err)
	}
	// RETURNING rows come back from the proposing node's own apply.
	var k string
	var v int
	if err := w.QueryRow(ctx, "INSERT INTO kv VALUES ('ret', 7) RETURNING k, v", pgx.QueryExecModeSimpleProtocol).Scan(&k, &v); err != nil {
		t.Fatalf("insert returning: %v", err)
	}
	if k != "ret" || v != 7 {
		t.Fatalf("RETURNING gave %q,%d", k, v)
	}
}

func TestReadConsistencySetting(t *testing.T) {
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn := connect(t, c.url(0))
	var v string
	if err := conn.QueryRow(ctx, "SHOW raftsql.read_consistency", pgx.QueryExecModeSimpleProtocol).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != "linearizable" {
		t.Fatalf("default read consistency %q, want linearizable", v)
	}
	if _, err := conn.Exec(ctx, "SET raftsql.read_consistency = 'stale'"); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, "SHOW raftsql.read_consistency", pgx.QueryExecModeSimpleProtocol).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != "stale" {
		t.Fatalf("after SET: %q, want stale", v)
	}
	var one int
	if err := conn.QueryRow(ctx, "SELECT 1", pgx.QueryExecModeSimpleProtocol).Scan(&one); err != nil || one != 1 {
		t.Fatalf("stale read: %v %d", err, one)
	}
}

// The determinism workload uses every non-deterministic function the state
// machine pins; afterwards every replica has the same checksum.
func TestDeterminismChecksumsMatch(t *testing.T) {
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	stmts := []string{
		`CREATE TABLE events (id serial PRIMARY KEY, r INTEGER, b bytea, d1 TEXT, d2 TEXT, d3 TEXT, d4 REAL, d5 INTEGER, d6 TEXT,
			created TEXT DEFAULT CURRENT_TIMESTAMP, cdate TEXT DEFAULT CURRENT_DATE, ctime TEXT DEFAULT CURRENT_TIME)`,
		`INSERT INTO events (r, b, d1, d2, d3, d4, d5, d6) VALUES (random(), randomblob(16), date('now'), time('now'), datetime('now'),
			julianday('now'), unixepoch('now'), strftime('%Y-%m-%d %H:%M:%f', 'now'))`,
		`INSERT INTO events (r, d1) VALUES (abs((random() * 1000)::int) % 1000, CURRENT_TIMESTAMP)`, // float % int is 42883 in PostgreSQL
		`INSERT INTO events (d1, d2) VALUES (now(), gen_random_uuid())`,
		`INSERT INTO events (r, d1) VALUES (random(), timediff('now', '2020-01-01'))`,
		`UPDATE events SET r = random() WHERE id % 2 = 0`,
	}
	// Nothing waits for the wall clock between statements: each is a Raft
	// round trip, so proposals carry different clocks anyway, and the
	// checksums below must match whatever the clocks said.
	for i := 0; i < 5; i++ {
		for j, s := range stmts {
			if i > 0 && j == 0 {
				continue
			}
			conn := connect(t, c.url((i+j)%3))
			if _, err := conn.Exec(ctx, s); err != nil {
				t.Fatalf("statement %d on node %d: %v", j, (i+j)%3, err)
			}
		}
	}
	conn := connect(t, c.url(0))
	var id int64
	var created string
	if err := conn.QueryRow(ctx, "INSERT INTO events (r) VALUES (random()) RETURNING id, created", pgx.QueryExecModeSimpleProtocol).Scan(&id, &created); err != nil {
		t.Fatalf("insert returning default timestamp: %v", err)
	}
	if !strings.HasPrefix(created, "20") || strings.Contains(strings.ToUpper(created), "CURRENT") {
		t.Fatalf("RETURNING created = %q, want a timestamp", created)
	}
	checkChecksums(t, c)
}

func checkChecksums(t *testing.T, c *memCluster) {
	t.Helper()
	awaitEqualChecksums(t, func() []replicaSum {
		var out []replicaSum
		for _, n := range c.nodes {
			if n == nil {
				continue
			}
			sum, at, err := n.Checksum(context.Background())
			if err != nil {
				t.Fatalf("checksum %s: %v", n.Name(), err)
			}
			out = append(out, replicaSum{n.Name(), strconv.FormatUint(at, 10), sum})
		}
		return out
	})
}

// replicaSum is one replica's content checksum at its applied index.
type replicaSum struct{ name, index, sum string }

// awaitEqualChecksums polls read until every replica reports the same
// applied index, then requires equal checksums there.
func awaitEqualChecksums(t *testing.T, read func() []replicaSum) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		sums := read()
		idx, distinct := map[string]bool{}, map[string]bool{}
		var got []string
		for _, r := range sums {
			idx[r.index] = true
			distinct[r.sum] = true
			got = append(got, r.name+"@"+r.index+"="+r.sum)
		}
		sort.Strings(got)
		if len(idx) == 1 {
			if len(distinct) != 1 {
				t.Fatalf("replicas diverged at the same applied index: %v", got)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("replicas never reached one applied index: %v", got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Three real processes; SIGKILL the leader; writes continue on the others;
// the killed node restarts and catches up; all checksums match.
func TestKillLeaderProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	c := startProcCluster(t, 3)
	lead := c.leader(20 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	var others []*procNode
	for _, p := range c.nodes {
		if p != lead {
			others = append(others, p)
		}
	}
	conn := connect(t, others[0].url())
	if _, err := conn.Exec(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT)"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		if _, err := conn.Exec(ctx, fmt.Sprintf("INSERT INTO t VALUES (%d, 'before')", i)); err != nil {
			t.Fatal(err)
		}
	}

	killedAt := time.Now()
	c.kill(lead)
	// Keep writing through a surviving node until a write succeeds.
	var firstWrite time.Duration
	for i := 100; ; i++ {
		wctx, wcancel := context.WithTimeout(ctx, 5*time.Second)
		_, err := conn.Exec(wctx, fmt.Sprintf("INSERT INTO t VALUES (%d, 'after')", i))
		wcancel()
		if err == nil {
			firstWrite = time.Since(killedAt)
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("no write succeeded after killing the leader: %v", err)
		}
		if conn.IsClosed() {
			// pgx closes a connection whose query's context ended (a
			// try that outlasted the election on a loaded machine).
			conn = connect(t, others[0].url())
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Logf("first successful write %v after SIGKILL of leader %s", firstWrite, lead.name)
	if f := os.Getenv("RAFTSQL_FAILOVER_REPORT"); f != "" {
		os.WriteFile(f, []byte(firstWrite.String()+"\n"), 0o644)
	}
	for i := 200; i < 220; i++ {
		if _, err := conn.Exec(ctx, fmt.Sprintf("INSERT INTO t VALUES (%d, 'after')", i)); err != nil {
			t.Fatal(err)
		}
	}
	// Restart the killed node with its data dir; it rejoins and catches up.
	c.start(lead)
	rc := connect(t, lead.url())
	var n int
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := rc.QueryRow(ctx, "SELECT count(*) FROM t", pgx.QueryExecModeSimpleProtocol).Scan(&n)
		if err == nil && n == 41 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("restarted node sees %d rows (err %v), want 41", n, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	procChecksums(t, c)
}

// procChecksums compares SHOW raftsql.checksum ("index:sum") on every
// running node once they report the same applied index.
func procChecksums(t *testing.T, c *procCluster) {
	t.Helper()
	awaitEqualChecksums(t, func() []replicaSum {
		var out []replicaSum
		for _, p := range c.nodes {
			if p.cmd == nil {
				continue
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			v, err := showSetting(ctx, p.url(), "raftsql.checksum")
			cancel()
			if err != nil {
				t.Fatalf("checksum on %s: %v", p.name, err)
			}
			at, sum, _ := strings.Cut(v, ":")
			out = append(out, replicaSum{p.name, at, sum})
		}
		return out
	})
}

// Concurrent writers on every node: every acknowledged insert is present
// exactly once on every node.
func TestConcurrentWritersAllNodes(t *testing.T) {
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	setup := connect(t, c.url(0))
	if _, err := setup.Exec(ctx, "CREATE TABLE acks (id INTEGER PRIMARY KEY, node INTEGER)"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	acked := map[int]bool{}
	for w := 0; w < 12; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			conn, err := pgx.Connect(ctx, c.url(w%3))
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close(context.Background())
			for i := 0; i < 25; i++ {
				id := w*1000 + i
				if _, err := conn.Exec(ctx, fmt.Sprintf("INSERT INTO acks VALUES (%d, %d)", id, w%3)); err != nil {
					t.Errorf("writer %d insert %d: %v", w, id, err)
					return
				}
				mu.Lock()
				acked[id] = true
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	for i := range c.nodes {
		conn := connect(t, c.url(i))
		var n int
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM acks", pgx.QueryExecModeSimpleProtocol).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != len(acked) {
			t.Fatalf("node %d has %d rows, %d were acknowledged", i, n, len(acked))
		}
	}
	checkChecksums(t, c)
}

// A write too large for one log entry is refused with 54000 before it is
// proposed, and the cluster keeps working.
func TestOversizedWriteRefused(t *testing.T) {
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn := connect(t, c.url(1))
	if _, err := conn.Exec(ctx, "CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BYTEA)"); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 40<<20)
	_, err := conn.Exec(ctx, "INSERT INTO blobs VALUES (1, $1)", big)
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "54000" {
		t.Fatalf("40 MiB insert: got %v, want SQLSTATE 54000", err)
	}
	if _, err := conn.Exec(ctx, "INSERT INTO blobs VALUES (2, $1)", make([]byte, 4<<20)); err != nil {
		t.Fatalf("4 MiB insert after the refusal: %v", err)
	}
	var n int
	if err := connect(t, c.url(2)).QueryRow(ctx, "SELECT count(*) FROM blobs", pgx.QueryExecModeSimpleProtocol).Scan(&n); err != nil || n != 1 {
		t.Fatalf("count on another node: %d %v", n, err)
	}
}

// After ALTER TABLE every node describes and returns the new columns, on
// every pooled connection and in both protocols (SQLite compiles against a
// connection's cached schema until a statement steps).
func TestSchemaChangeSeenByEveryConnection(t *testing.T) {
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w := connect(t, c.url(0))
	if _, err := w.Exec(ctx, "CREATE TABLE evolving (id INTEGER PRIMARY KEY, a TEXT)"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(ctx, "INSERT INTO evolving VALUES (1, 'x')"); err != nil {
		t.Fatal(err)
	}
	readers := []*pgx.Conn{}
	for i := 0; i < 6; i++ {
		readers = append(readers, connect(t, c.url(i%3)))
	}
	check := func(want int) {
		t.Helper()
		for i, r := range readers {
			// (CacheDescribe is left out: pgx then binds with the
			// description it cached before the ALTER, which PostgreSQL
			// rejects too.)
			for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec} {
				rows, err := r.Query(ctx, "SELECT * FROM evolving ORDER BY id", mode)
				if err != nil {
					t.Fatalf("reader %d %v: %v", i, mode, err)
				}
				var vals [][]any
				for rows.Next() {
					v, err := rows.Values()
					if err != nil {
						t.Fatalf("reader %d %v: %v", i, mode, err)
					}
					vals = append(vals, v)
				}
				if err := rows.Err(); err != nil {
					t.Fatalf("reader %d %v: %v", i, mode, err)
				}
				if len(rows.FieldDescriptions()) != want || len(vals) == 0 || len(vals[0]) != want {
					t.Fatalf("reader %d %v: %d columns described, rows %v; want %d columns", i, mode, len(rows.FieldDescriptions()), vals, want)
				}
			}
		}
	}
	check(2)
	if _, err := w.Exec(ctx, "ALTER TABLE evolving ADD COLUMN b INTEGER DEFAULT 7"); err != nil {
		t.Fatal(err)
	}
	check(3)
	var b int
	if err := w.QueryRow(ctx, "INSERT INTO evolving (id, a) VALUES (2, 'y') RETURNING b").Scan(&b); err != nil || b != 7 {
		t.Fatalf("insert returning new column: %d %v", b, err)
	}
	if _, err := w.Exec(ctx, "ALTER TABLE evolving ADD COLUMN c TEXT"); err != nil {
		t.Fatal(err)
	}
	check(4)
	// A statement prepared before a change: PostgreSQL's 0A000 "cached
	// plan must not change result type", after which pgx re-prepares.
	stmtConn := connect(t, c.url(1))
	var n int
	if err := stmtConn.QueryRow(ctx, "SELECT count(*) FROM evolving WHERE id > $1", 0).Scan(&n); err != nil {
		t.Fatal(err)
	}
	rows, err := stmtConn.Query(ctx, "SELECT * FROM evolving WHERE id = $1", 1)
	if err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if _, err := w.Exec(ctx, "ALTER TABLE evolving ADD COLUMN d TEXT"); err != nil {
		t.Fatal(err)
	}
	var got int
	for attempt := 0; attempt < 2; attempt++ {
		rows, err = stmtConn.Query(ctx, "SELECT * FROM evolving WHERE id = $1", 1)
		if err == nil {
			for rows.Next() {
				v, _ := rows.Values()
				got = len(v)
			}
			err = rows.Err()
		}
		if err == nil {
			break
		}
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "0A000" || pgErr.Message != "cached plan must not change result type" {
			t.Fatalf("stale prepared statement: %v", err)
		}
	}
	if got != 5 {
		t.Fatalf("after re-prepare: %d columns, want 5", got)
	}
}
