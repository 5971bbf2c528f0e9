package integration

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite" // the backup is opened as any program would

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/sqlexec"
)

// Backups (BACKUP TO STDOUT), restore of a backup into a new cluster, and
// import of a foreign SQLite database.

// backupTo streams BACKUP TO STDOUT from the node at url into path.
func backupTo(t *testing.T, url, path string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn := connect(t, url)
	defer conn.Close(ctx)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := conn.PgConn().CopyTo(ctx, f, "BACKUP TO STDOUT"); err != nil {
		t.Fatalf("BACKUP TO STDOUT: %v", err)
	}
}

// restoredCluster restores file into a new one-member cluster, starts it,
// and has two more members join it.
func restoredCluster(t *testing.T, file string) (*raftsql.RestoreReport, []*joiner) {
	t.Helper()
	c := &memCluster{t: t, dir: t.TempDir(), log: testLogger(t)}
	rl := listenLoopback(t, "127.0.0.1:0")
	addr := rl.Addr().String()
	rl.Close()
	dir := filepath.Join(c.dir, "r1")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	rep, err := raftsql.Restore(ctx, raftsql.Config{Name: "r1", DataDir: dir, RaftListen: addr, Logger: c.log}, file)
	if err != nil {
		t.Fatalf("restore: %v (%+v)", err, rep)
	}
	pl := listenLoopback(t, "127.0.0.1:0")
	first, err := raftsql.Start(context.Background(), raftsql.Config{Name: "r1", DataDir: dir, PGListener: pl, RaftListener: listenLoopback(t, addr), Logger: c.log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Close() })
	c.nodes = []*raftsql.Node{first} // the join token's source
	if first.JoinToken() != rep.JoinToken || rep.JoinToken == "" {
		t.Fatalf("join token %q, restore reported %q", first.JoinToken(), rep.JoinToken)
	}
	nodes := []*joiner{{name: "r1", dir: dir, node: first, pgAddr: first.PGAddr().String(), raftAddr: addr}}
	for _, name := range []string{"r2", "r3"} {
		j, err := startJoiner(t, c, name, filepath.Join(c.dir, name), "", addr)
		if err != nil {
			t.Fatal(err)
		}
		nodes = append(nodes, j)
	}
	awaitCluster(t, nodes[0].url(), "three voters", func(rows []clusterRow) bool {
		r := roles(rows)
		return len(rows) == 3 && r["r1"] == "voter" && r["r2"] == "voter" && r["r3"] == "voter"
	})
	return &rep, nodes
}

// awaitChecksum waits until every node's checksum is want (a follower
// may still be applying).
func awaitChecksum(t *testing.T, nodes []*raftsql.Node, want string) {
	t.Helper()
	for _, n := range nodes {
		waitUntil(t, n.Name()+"'s checksum is "+want, func() bool {
			sum, _, err := n.Checksum(context.Background())
			return err == nil && sum == want
		})
	}
}

func nodesOf(js []*joiner) []*raftsql.Node {
	var ns []*raftsql.Node
	for _, j := range js {
		ns = append(ns, j.node)
	}
	return ns
}

func TestBackupRestoreIntoNewCluster(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn := connect(t, c.url(lead))
	defer conn.Close(ctx)
	for _, q := range []string{
		"CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric(12,2), opened date)",
		"INSERT INTO accounts SELECT g, 'owner ' || g, g * 1.25, '2024-01-01'::date + g FROM generate_series(1, 2000) g",
		"CREATE INDEX accounts_owner ON accounts (owner)",
		"CREATE VIEW rich AS SELECT id, owner FROM accounts WHERE balance > 1000",
		"CREATE ROLE reader LOGIN PASSWORD 'secret'",
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// From a follower: a backup is taken from any node.
	from := (lead + 1) % 3
	file := filepath.Join(t.TempDir(), "app.db")
	backupTo(t, c.url(from), file)

	// Any program opens it: a sound SQLite file with the rows.
	db, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var ok string
	var n int
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	if err := db.QueryRow("SELECT count(*) FROM accounts").Scan(&n); err != nil || n != 2000 {
		t.Fatalf("rows in the backup: %d %v", n, err)
	}
	db.Close()

	// Its checksum is the cluster's, on every node.
	rep, err := sqlexec.CheckFile(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	awaitChecksum(t, c.nodes, rep.Checksum)

	// Restore into a new 3-node cluster: the same checksum on every node,
	// the data and the roles there, and writes work.
	rr, nodes := restoredCluster(t, file)
	if !rr.Backup || rr.SourceIndex != rep.AppliedIndex || rr.Index == 0 {
		t.Fatalf("restore report: %+v", rr)
	}
	awaitChecksum(t, nodesOf(nodes), rep.Checksum)
	for _, j := range nodes {
		jc := connect(t, j.url())
		if err := jc.QueryRow(ctx, "SELECT count(*) FROM rich").Scan(&n); err != nil || n != 1200 {
			t.Fatalf("%s: rich accounts %d %v", j.name, n, err)
		}
		var roles int
		if err := jc.QueryRow(ctx, "SELECT count(*) FROM pg_roles WHERE rolname = 'reader'").Scan(&roles); err != nil || roles != 1 {
			t.Fatalf("%s: role not restored: %d %v", j.name, roles, err)
		}
		jc.Close(ctx)
	}
	wc := connect(t, nodes[2].url())
	defer wc.Close(ctx)
	if _, err := wc.Exec(ctx, "INSERT INTO accounts VALUES (5000, 'new', 1, '2025-01-01')"); err != nil {
		t.Fatalf("write to the restored cluster: %v", err)
	}
	rc := connect(t, nodes[1].url())
	defer rc.Close(ctx)
	if err := rc.QueryRow(ctx, "SELECT count(*) FROM accounts").Scan(&n); err != nil || n != 2001 {
		t.Fatalf("after a write: %d %v", n, err)
	}

	// The restored cluster is a new one: its id is not the old cluster's.
	var oldID, newID string
	if err := conn.QueryRow(ctx, "SHOW raftsql.cluster_id").Scan(&oldID); err != nil {
		t.Fatal(err)
	}
	if err := rc.QueryRow(ctx, "SHOW raftsql.cluster_id").Scan(&newID); err != nil {
		t.Fatal(err)
	}
	if oldID == newID {
		t.Fatalf("restored cluster has the old cluster's id %s", oldID)
	}
}

func TestImportForeignSQLite(t *testing.T) {
	file := filepath.Join(t.TempDir(), "app.db")
	db, err := sql.Open("sqlite", file)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"CREATE TABLE authors (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, born INTEGER)",
		"CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors(id), title TEXT NOT NULL, price REAL, published DATETIME)",
		"CREATE INDEX books_author ON books (author_id)",
		"CREATE VIEW catalog AS SELECT a.name AS author, b.title, b.price FROM books b JOIN authors a ON a.id = b.author_id",
		"INSERT INTO authors (name, born) VALUES ('Ursula K. Le Guin', 1929), ('Stanisław Lem', 1921)",
		"INSERT INTO books (author_id, title, price, published) VALUES (1, 'The Dispossessed', 9.5, '1974-05-01'), (1, 'A Wizard of Earthsea', 7.25, '1968-11-01'), (2, 'Solaris', 8, '1961-01-01')",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	if _, err := sqlexec.CheckFile(context.Background(), file); err != nil {
		t.Fatal(err)
	}
	rr, nodes := restoredCluster(t, file)
	if rr.Backup || rr.Tables != 2 || rr.Views != 1 || rr.Indexes != 1 {
		t.Fatalf("import report: %+v", rr)
	}
	if w := strings.Join(rr.Warnings, "\n"); !strings.Contains(w, `books.published: declared type "DATETIME"`) {
		t.Fatalf("warnings: %s", w)
	}
	// The replicas hold raftsql's own (empty) tables besides the file's:
	// they agree with the restored member.
	want, _, err := nodes[0].node.Checksum(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	awaitChecksum(t, nodesOf(nodes), want)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for _, j := range nodes {
		jc := connect(t, j.url())
		var title string
		var price float64
		if err := jc.QueryRow(ctx, "SELECT title, price FROM catalog WHERE author = $1 ORDER BY price DESC LIMIT 1", "Ursula K. Le Guin").Scan(&title, &price); err != nil || title != "The Dispossessed" || price != 9.5 {
			t.Fatalf("%s: %q %v %v", j.name, title, price, err)
		}
		jc.Close(ctx)
	}
	wc := connect(t, nodes[1].url())
	defer wc.Close(ctx)
	if _, err := wc.Exec(ctx, "INSERT INTO authors (name, born) VALUES ('Octavia E. Butler', 1947)"); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := wc.QueryRow(ctx, "SELECT id FROM authors WHERE name = 'Octavia E. Butler'").Scan(&id); err != nil || id != 3 {
		t.Fatalf("AUTOINCREMENT after import: %d %v", id, err)
	}
	// Foreign keys hold on the imported tables.
	if _, err := wc.Exec(ctx, "INSERT INTO books (author_id, title) VALUES (42, 'Nobody')"); err == nil {
		t.Fatal("a book of no author was accepted")
	}
}

func TestRestoreRefusals(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "fts.db")
	db, err := sql.Open("sqlite", file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE VIRTUAL TABLE docs USING fts5(body)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ctx := context.Background()
	data := filepath.Join(dir, "data")
	rep, err := raftsql.Restore(ctx, raftsql.Config{Name: "n1", DataDir: data, RaftListen: "127.0.0.1:0", Logger: testLogger(t)}, file)
	if !errors.Is(err, sqlexec.ErrRefused) || len(rep.Refused) != 1 || !strings.Contains(rep.Refused[0], "fts5") {
		t.Fatalf("fts5: %v %+v", err, rep)
	}
	if ents, _ := os.ReadDir(data); len(ents) != 0 {
		t.Fatalf("a refused restore left %d files", len(ents))
	}
	// A non-empty data directory is refused before the file is read.
	if err := os.WriteFile(filepath.Join(data, "keep"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := raftsql.Restore(ctx, raftsql.Config{Name: "n1", DataDir: data}, file); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Fatalf("non-empty data dir: %v", err)
	}
	// A restore makes a one-member cluster.
	if _, err := raftsql.Restore(ctx, raftsql.Config{Name: "n1", DataDir: filepath.Join(dir, "d2"), InitialCluster: nil, Join: "127.0.0.1:1"}, file); err == nil {
		t.Fatal("restore with Join accepted")
	}
	// A data directory whose restore did not finish is never served.
	half := filepath.Join(dir, "half")
	if err := os.MkdirAll(half, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(half, "RESTORING"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if n, err := raftsql.Start(ctx, raftsql.Config{Name: "n1", DataDir: half, PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0", Logger: testLogger(t)}); err == nil || !strings.Contains(err.Error(), "restore did not finish") {
		if n != nil {
			n.Close()
		}
		t.Fatalf("half-restored data dir: %v", err)
	}
}
