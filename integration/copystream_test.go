package integration

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/raftsql/raftsql"
)

// Streamed COPY (sqlexec/copystream.go): a COPY larger than one chunk
// goes through the log in several entries while the client sends, and is
// applied at its end, atomically, on every node. The cluster's chunks are
// made small (32 KiB) so a COPY of a few MiB streams through dozens.

const copyTestChunk = 32 << 10

// copyCluster is e2eCluster with small COPY chunks and a short staging
// lease (a COPY whose node dies is dropped soon after).
func copyCluster(t *testing.T) ([]string, *memCluster) {
	t.Helper()
	if ref := os.Getenv("RAFTSQL_REFERENCE_URL"); ref != "" {
		return referenceURLs(t, ref), nil
	}
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.CopyChunkBytes = copyTestChunk
		cfg.CopyStageLease = 3 * time.Second
	})
	c.waitLeader(10 * time.Second)
	return []string{c.url(0), c.url(1), c.url(2)}, c
}

// copyData is n rows "id\tpayload"; the row of id dupAt repeats id 1.
func copyData(n, dupAt int) string {
	var b strings.Builder
	pad := strings.Repeat("x", 60)
	for i := 1; i <= n; i++ {
		id := i
		if i == dupAt {
			id = 1
		}
		fmt.Fprintf(&b, "%d\t%s %d\n", id, pad, i)
	}
	return b.String()
}

// awaitNoCopyStaged polls every running node until none holds staged
// COPY rows; poke, when set, writes between polls (an abandoned COPY is
// dropped at the first entry past its lease).
func awaitNoCopyStaged(t *testing.T, c *memCluster, poke func()) {
	t.Helper()
	if c == nil {
		return
	}
	waitUntil(t, "no node holds staged COPY rows", func() bool {
		for i, n := range c.nodes {
			if n != nil && copiesStaged(t, c, i) != "0" {
				if poke != nil {
					poke()
				}
				return false
			}
		}
		return true
	})
}

// TestCopyStreamed: a COPY of ~2.5 MiB (80 chunks) stores every row on
// every node; one with a duplicate key in its last rows, one the client
// fails (CopyFail) and one whose client disconnects midway store nothing
// and leave nothing staged; the replicas stay equal. Also against
// PostgreSQL (RAFTSQL_REFERENCE_URL), but for the staging checks.
func TestCopyStreamed(t *testing.T) {
	urls, c := copyCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	conn := connectScript(t, urls[1])
	mustExec(t, conn, "CREATE TABLE cs(id int PRIMARY KEY, v text NOT NULL)")
	const n = 35000

	// A bad row late: the whole COPY fails with the row's line.
	_, err := conn.PgConn().CopyFrom(ctx, strings.NewReader(copyData(n, n-3)), "COPY cs FROM STDIN")
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "23505" || pe.Where != fmt.Sprintf("COPY cs, line %d", n-3) {
		t.Fatalf("COPY with a duplicate at line %d: %v (%+v)", n-3, err, pe)
	}
	// A bad value late: 22P02 with the line and column.
	bad := copyData(n, 0) + "oops\tv\n"
	_, err = conn.PgConn().CopyFrom(ctx, strings.NewReader(bad), "COPY cs FROM STDIN")
	if !errors.As(err, &pe) || pe.Code != "22P02" || pe.Where != fmt.Sprintf(`COPY cs, line %d, column id: "oops"`, n+1) {
		t.Fatalf("COPY with a bad value: %v (%+v)", err, pe)
	}
	runScript(t, conn, []sqlStep{{sql: "SELECT count(*) FROM cs", rows: "0"}})
	awaitNoCopyStaged(t, c, nil)

	// CopyFail: the reader's error makes pgx send CopyFail.
	r := io.MultiReader(strings.NewReader(copyData(n, 0)), failingReader{})
	_, err = conn.PgConn().CopyFrom(ctx, r, "COPY cs FROM STDIN")
	if pgCode(err) != "57014" {
		t.Fatalf("COPY the client failed: %v, want 57014", err)
	}
	runScript(t, conn, []sqlStep{{sql: "SELECT count(*) FROM cs", rows: "0"}})
	awaitNoCopyStaged(t, c, nil)

	// A client that disconnects midway, in a COPY that would be one entry
	// (the connection's end is not the end of the data).
	sc := connectScript(t, urls[2])
	fe := sc.PgConn().Frontend()
	fe.Send(&pgproto3.Query{String: "COPY cs FROM STDIN"})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	for {
		msg, err := fe.Receive()
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := msg.(*pgproto3.CopyInResponse); ok {
			break
		}
	}
	fe.Send(&pgproto3.CopyData{Data: []byte(copyData(100, 0))})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	_ = sc.PgConn().Conn().Close() // the server reads the rows, then EOF
	runScript(t, conn, []sqlStep{{sql: "SELECT count(*) FROM cs", rows: "0"}})

	// A client that disconnects midway through a streamed COPY.
	dc := connectScript(t, urls[2])
	pr, pw := io.Pipe()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, _ = dc.PgConn().CopyFrom(ctx, pr, "COPY cs FROM STDIN")
	}()
	if _, err := pw.Write([]byte(copyData(n/2, 0))); err != nil {
		t.Fatal(err)
	}
	if c != nil {
		// Wait until chunks reached the log (some node has staged rows).
		awaitCopyStaged(t, c)
	}
	_ = dc.PgConn().Conn().Close()
	pw.CloseWithError(errors.New("gone"))
	wg.Wait()
	runScript(t, conn, []sqlStep{{sql: "SELECT count(*) FROM cs", rows: "0"}})
	awaitNoCopyStaged(t, c, nil)

	// The whole COPY.
	tag, err := conn.PgConn().CopyFrom(ctx, strings.NewReader(copyData(n, 0)), "COPY cs FROM STDIN")
	if err != nil || tag.String() != fmt.Sprintf("COPY %d", n) {
		t.Fatalf("COPY: %v %v", tag, err)
	}
	for _, u := range urls {
		runScript(t, connectScript(t, u), []sqlStep{{sql: "SELECT count(*), min(id), max(id), sum(length(v)) FROM cs",
			rows: fmt.Sprintf("%d|1|%d|%d", n, n, copyPayload(n))}})
	}
	// Inside a transaction the COPY joins it (and its limits).
	mustExec(t, conn, "BEGIN")
	mustExec(t, conn, "DELETE FROM cs WHERE id > 10")
	tag, err = conn.PgConn().CopyFrom(ctx, strings.NewReader(strings.ReplaceAll(copyData(100, 0), "\t", "0000\t")), "COPY cs FROM STDIN")
	if err != nil || tag.String() != "COPY 100" {
		t.Fatalf("COPY in a transaction: %v %v", tag, err)
	}
	mustExec(t, conn, "ROLLBACK")
	runScript(t, conn, []sqlStep{{sql: "SELECT count(*) FROM cs", rows: fmt.Sprint(n)}})
	if c != nil {
		awaitNoCopyStaged(t, c, nil)
		checkChecksums(t, c)
	}
}

// copyPayload is sum(length(v)) of copyData(n, 0).
func copyPayload(n int) int {
	s := 0
	for i := 1; i <= n; i++ {
		s += 61 + len(fmt.Sprint(i))
	}
	return s
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("client gave up") }

// copiesStaged is node i's SHOW raftsql.copies_staged.
func copiesStaged(t *testing.T, c *memCluster, i int) string {
	t.Helper()
	conn := connect(t, c.url(i))
	defer conn.Close(context.Background())
	var v string
	if err := conn.QueryRow(context.Background(), "SHOW raftsql.copies_staged").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// awaitCopyStaged waits until some node holds staged COPY rows.
func awaitCopyStaged(t *testing.T, c *memCluster) {
	t.Helper()
	waitUntil(t, "some node holds staged COPY rows", func() bool {
		for i, n := range c.nodes {
			if n != nil && copiesStaged(t, c, i) != "0" {
				return true
			}
		}
		return false
	})
}

// TestCopyStreamedLeaderKill: the leader is stopped in the middle of a
// streamed COPY. A client of a follower sees the COPY complete or fail
// with a clear error, never half applied; a client of the leader loses
// its connection, and the rows its COPY staged expire on the survivors.
// The replicas end equal, the old leader too once it is back.
func TestCopyStreamedLeaderKill(t *testing.T) {
	_, c := copyCluster(t)
	if c == nil {
		t.Skip("kills the leader mid-COPY: needs a raftsql cluster, not the reference server of RAFTSQL_REFERENCE_URL")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const n = 35000
	for _, viaLeader := range []bool{false, true} {
		lead := c.waitLeader(10 * time.Second)
		via := (lead + 1) % 3
		if viaLeader {
			via = lead
		}
		other := (lead + 2) % 3
		table := fmt.Sprintf("ck%v", viaLeader)
		setup := connect(t, c.url(other))
		mustExec(t, setup, "CREATE TABLE "+table+"(id int PRIMARY KEY, v text)")
		conn := connect(t, c.url(via))
		pr, pw := io.Pipe()
		done := make(chan error, 1)
		go func() {
			_, err := conn.PgConn().CopyFrom(ctx, pr, "COPY "+table+" FROM STDIN")
			done <- err
		}()
		data := copyData(n, 0)
		half := strings.LastIndexByte(data[:len(data)/2], '\n') + 1
		killed := make(chan struct{})
		go func() {
			_, err := pw.Write([]byte(data[:half]))
			if err == nil {
				<-killed
				_, err = pw.Write([]byte(data[half:]))
			}
			pw.CloseWithError(err)
		}()
		awaitCopyStaged(t, c)
		c.stop(lead)
		close(killed)
		err := <-done
		t.Logf("via leader %v: COPY ended with %v", viaLeader, err)
		if viaLeader && err == nil {
			t.Fatal("COPY through the stopped leader succeeded")
		}
		survivor := connect(t, c.url(other))
		var count int
		if err := survivor.QueryRow(ctx, "SELECT count(*) FROM "+table).Scan(&count); err != nil {
			t.Fatal(err)
		}
		if (err == nil && count != n) || (count != 0 && count != n) {
			t.Fatalf("COPY result %v, %d rows stored", err, count)
		}
		// Entries after the lease drop what the dead session staged.
		awaitNoCopyStaged(t, c, func() {
			_, _ = survivor.Exec(ctx, "SELECT 1 FROM "+table+" LIMIT 1")
			_, _ = survivor.Exec(ctx, "CREATE TABLE IF NOT EXISTS poke(x int)")
			_, _ = survivor.Exec(ctx, "INSERT INTO poke VALUES (1)")
		})
		checkChecksums(t, c)
		c.start(lead)
		c.waitLeader(20 * time.Second)
		checkChecksums(t, c)
	}
}

// TestCopyErrorContext: a bad row's error names its line in CONTEXT, as
// PostgreSQL's does, for a COPY that is one entry and one that streams
// (chunks of copyTestChunk). PostgreSQL adds the line's text to a NOT
// NULL or CHECK violation's; raftsql, which checks those at apply, where
// the text is gone, gives the line only: want is a prefix for those.
func TestCopyErrorContext(t *testing.T) {
	urls, _ := copyCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE cx(a int PRIMARY KEY, b text NOT NULL, c int CHECK (c > 0))")
	var b strings.Builder
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&b, "%d\t%s\t1\n", i+10, strings.Repeat("p", 40))
	}
	big := b.String() // ~150 KiB: streams in chunks
	cases := []struct {
		name, sql, data, code, want string
		prefix                      bool
	}{
		{"missing column", "COPY cx FROM STDIN", "1\tx\t1\n2\n", "22P04", `COPY cx, line 2: "2"`, false},
		{"extra column", "COPY cx FROM STDIN", "1\tx\t1\t9\n", "22P04", "COPY cx, line 1: \"1\tx\t1\t9\"", false},
		{"bad integer", "COPY cx FROM STDIN", "1\tx\t1\nq\tx\t1\n", "22P02", `COPY cx, line 2, column a: "q"`, false},
		{"duplicate", "COPY cx FROM STDIN", "1\tx\t1\n2\tx\t1\n1\ty\t1\n", "23505", "COPY cx, line 3", false},
		{"duplicate csv header", "COPY cx FROM STDIN (FORMAT csv, HEADER)", "a,b,c\n1,x,1\n1,y,1\n", "23505", "COPY cx, line 3", false},
		{"not null", "COPY cx FROM STDIN", "1\tx\t1\n2\t\\N\t1\n", "23502", "COPY cx, line 2", true},
		{"check", "COPY cx FROM STDIN", "1\tx\t1\n2\tx\t-1\n", "23514", "COPY cx, line 2", true},
		{"streamed duplicate", "COPY cx FROM STDIN", big + "11\tdup\t1\n", "23505", "COPY cx, line 3001", false},
		{"streamed check", "COPY cx FROM STDIN", big + "1\tx\t-1\n", "23514", "COPY cx, line 3001", true},
		{"streamed bad integer", "COPY cx FROM STDIN", big + "1.5\tx\t1\n", "22P02", `COPY cx, line 3001, column a: "1.5"`, false},
	}
	for _, tc := range cases {
		_, err := conn.PgConn().CopyFrom(ctx, strings.NewReader(tc.data), tc.sql)
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != tc.code {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
			continue
		}
		if pe.Where != tc.want && !(tc.prefix && strings.HasPrefix(pe.Where, tc.want)) {
			t.Errorf("%s: CONTEXT %q, want %q", tc.name, pe.Where, tc.want)
		}
	}
	runScript(t, conn, []sqlStep{{sql: "SELECT count(*) FROM cx", rows: "0"}})
}
