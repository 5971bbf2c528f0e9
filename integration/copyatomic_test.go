package integration

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestCopyFromAtomic: a COPY that fails at row 2,000 of 2,500 stores no
// row, outside and inside a transaction block (PostgreSQL's COPY is one
// statement); one that succeeds stores every row on every node.
func TestCopyFromAtomic(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE ca(id int PRIMARY KEY, v text)")
	data := func(n, dupAt int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			id := i
			if i == dupAt {
				id = 1 // duplicate key
			}
			fmt.Fprintf(&b, "%d\trow %d\n", id, i)
		}
		return b.String()
	}
	_, err := conn.PgConn().CopyFrom(ctx, strings.NewReader(data(2500, 2000)), "COPY ca FROM STDIN")
	if pgCode(err) != "23505" {
		t.Fatalf("COPY with a duplicate at row 2000: %v, want 23505", err)
	}
	runScript(t, conn, []sqlStep{{sql: "SELECT count(*) FROM ca", rows: "0"}})

	// Inside a transaction: the COPY fails, the transaction is aborted.
	mustExec(t, conn, "BEGIN")
	mustExec(t, conn, "INSERT INTO ca VALUES (-1, 'before')")
	_, err = conn.PgConn().CopyFrom(ctx, strings.NewReader(data(2500, 2000)), "COPY ca FROM STDIN")
	if pgCode(err) != "23505" {
		t.Fatalf("COPY in a transaction: %v, want 23505", err)
	}
	runScript(t, conn, []sqlStep{{sql: "SELECT count(*) FROM ca", code: "25P02"}})
	mustExec(t, conn, "ROLLBACK")
	runScript(t, conn, []sqlStep{{sql: "SELECT count(*) FROM ca", rows: "0"}})

	tag, err := conn.PgConn().CopyFrom(ctx, strings.NewReader(data(2500, 0)), "COPY ca FROM STDIN")
	if err != nil || tag.String() != "COPY 2500" {
		t.Fatalf("COPY: %v %v", tag, err)
	}
	for _, u := range urls {
		runScript(t, connectScript(t, u), []sqlStep{{sql: "SELECT count(*), min(id), max(id) FROM ca", rows: "2500|1|2500"}})
	}
}
