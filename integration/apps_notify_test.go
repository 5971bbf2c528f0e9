package integration

// LISTEN / NOTIFY across the cluster: a listener on one node receives,
// through pgx's WaitForNotification, exactly the notifications that
// sessions on another node committed, in commit order, de-duplicated
// within a transaction, with their payloads and the sender's PID. Runs
// against real PostgreSQL too (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestNotifyAcrossNodes(t *testing.T) {
	urls := e2eURLs(t)
	ctx := context.Background()
	a, b := connect(t, urls[1]), connect(t, urls[2])
	for _, sql := range []string{"LISTEN jobs", "LISTEN done"} {
		if _, err := a.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	exec := func(sql string) {
		t.Helper()
		if _, err := b.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	exec("NOTIFY jobs, 'one'") // autocommit
	// a transaction that commits: its notifications, each once
	tx, err := b.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{"NOTIFY jobs, 'two'", "NOTIFY jobs, 'three'", "NOTIFY jobs, 'two'", "NOTIFY elsewhere, 'unheard'"} {
		if _, err := tx.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	// one that rolls back: nothing
	tx, err = b.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "NOTIFY jobs, 'rolled back'"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	exec("NOTIFY jobs")
	if _, err := b.Exec(ctx, "SELECT pg_notify($1, $2)", "jobs", "five"); err != nil {
		t.Fatalf("pg_notify: %v", err)
	}
	var pe *pgconn.PgError
	if _, err := b.Exec(ctx, "NOTIFY jobs, '"+strings.Repeat("x", 8000)+"'"); !errors.As(err, &pe) || pe.Code != "22023" {
		t.Fatalf("payload of 8000 bytes: %v, want 22023", err)
	}
	exec("NOTIFY done, 'end'")

	want := []string{"jobs:one", "jobs:two", "jobs:three", "jobs:", "jobs:five", "done:end"}
	for _, w := range want {
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		n, err := a.WaitForNotification(wctx)
		cancel()
		if err != nil {
			t.Fatalf("waiting for %s: %v", w, err)
		}
		if got := n.Channel + ":" + n.Payload; got != w {
			t.Fatalf("notification %q, want %q (in order: %v)", got, w, want)
		}
		if n.PID != b.PgConn().PID() {
			t.Errorf("%s: sender PID %d, want %d", w, n.PID, b.PgConn().PID())
		}
	}

	// UNLISTEN: what follows on jobs is not delivered; done still is
	if _, err := a.Exec(ctx, "UNLISTEN jobs"); err != nil {
		t.Fatal(err)
	}
	exec("NOTIFY jobs, 'not heard'")
	exec("NOTIFY done, 'again'")
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	n, err := a.WaitForNotification(wctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := n.Channel + ":" + n.Payload; got != "done:again" {
		t.Fatalf("after UNLISTEN jobs: %q, want done:again", got)
	}
}
