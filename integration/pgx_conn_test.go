package integration

// Connection-level behaviour through pgx: pooling, CancelRequest and the
// startup parameters (issue 5).

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgxpool with many goroutines against each node.
func TestPgxPoolConcurrency(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	setup := connect(t, urls[0])
	mustExec(t, setup, "CREATE TABLE pooled (id integer PRIMARY KEY, node integer NOT NULL, v text)")
	var pools []*pgxpool.Pool
	for _, u := range urls {
		cfg, err := pgxpool.ParseConfig(u)
		if err != nil {
			t.Fatal(err)
		}
		cfg.MaxConns = 4
		p, err := pgxpool.NewWithConfig(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		pools = append(pools, p)
	}
	const workers, per = 12, 15
	var wg sync.WaitGroup
	var acked atomic.Int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			p := pools[w%len(pools)]
			for i := 0; i < per; i++ {
				id := w*1000 + i
				if _, err := p.Exec(ctx, "INSERT INTO pooled (id, node, v) VALUES ($1, $2, $3)", id, w%3, fmt.Sprint("w", w)); err != nil {
					t.Errorf("worker %d insert %d: %v", w, id, err)
					return
				}
				acked.Add(1)
				var got int
				if err := p.QueryRow(ctx, "SELECT id FROM pooled WHERE id = $1", id).Scan(&got); err != nil || got != id {
					t.Errorf("worker %d read-own-write %d: %d %v", w, id, got, err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	for i, p := range pools {
		var n int64
		if err := p.QueryRow(ctx, "SELECT count(*) FROM pooled").Scan(&n); err != nil || n != acked.Load() {
			t.Errorf("node %d: %d rows (%v), %d acknowledged", i, n, err, acked.Load())
		}
		st := p.Stat()
		if st.TotalConns() > 4 {
			t.Errorf("pool %d: %d connections", i, st.TotalConns())
		}
	}
}

// CancelRequest (pgconn.CancelRequest, what psql's Ctrl-C sends) cancels the
// running statement with 57014; the connection stays usable.
func TestPgxCancelRequest(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// A linearizable read on a follower: a cancel may land while the read
	// still waits for its read index, and that too is 57014.
	conn := connect(t, urls[1])
	errc := make(chan error, 1)
	start := time.Now()
	go func() {
		var n int64
		errc <- conn.QueryRow(ctx, "SELECT count(*) FROM generate_series(1, 2000000000) AS a", pgx.QueryExecModeSimpleProtocol).Scan(&n)
	}()
	// A cancel request that arrives before the statement runs cancels
	// nothing (as in PostgreSQL), so send one until the statement ends
	// rather than guessing when it has started.
	deadline := time.After(15 * time.Second)
	for done := false; !done; {
		if err := conn.PgConn().CancelRequest(ctx); err != nil {
			t.Fatalf("CancelRequest: %v", err)
		}
		select {
		case err := <-errc:
			if pgCode(err) != "57014" {
				t.Fatalf("cancelled query: %v, want SQLSTATE 57014", err)
			}
			done = true
		case <-time.After(50 * time.Millisecond): // resend interval
		case <-deadline:
			t.Fatalf("query still running 15s after the first CancelRequest")
		}
	}
	t.Logf("cancelled after %v", time.Since(start))
	var one int
	if err := conn.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("connection after cancel: %v", err)
	}
}

// The ParameterStatus values PostgreSQL 15 sends after authentication.
func TestPgxStartupParameters(t *testing.T) {
	urls := e2eURLs(t)
	for i, u := range urls {
		conn := connect(t, withParam(u, "application_name", "e2e-app"))
		pc := conn.PgConn()
		want := map[string]string{
			"server_encoding":               "UTF8",
			"client_encoding":               "UTF8",
			"DateStyle":                     "ISO, MDY",
			"integer_datetimes":             "on",
			"IntervalStyle":                 "postgres",
			"standard_conforming_strings":   "on",
			"is_superuser":                  "on",
			"session_authorization":         "postgres",
			"application_name":              "e2e-app",
			"default_transaction_read_only": "off",
			"in_hot_standby":                "off",
		}
		for k, v := range want {
			if got := pc.ParameterStatus(k); got != v {
				t.Errorf("node %d: %s = %q, want %q", i, k, got, v)
			}
		}
		if v := pc.ParameterStatus("server_version"); !regexp.MustCompile(`^15\.\d+`).MatchString(v) {
			t.Errorf("node %d: server_version %q, want 15.x", i, v)
		}
		if pc.ParameterStatus("TimeZone") == "" {
			t.Errorf("node %d: no TimeZone", i)
		}
		if pc.PID() == 0 || len(pc.SecretKey()) == 0 {
			t.Errorf("node %d: BackendKeyData pid %d key %x", i, pc.PID(), pc.SecretKey())
		}
		var db, user, app string
		if err := conn.QueryRow(context.Background(), "SELECT current_database(), current_user, current_setting('application_name')").Scan(&db, &user, &app); err != nil {
			t.Errorf("node %d: %v", i, err)
		} else if user != "postgres" || app != "e2e-app" || (os.Getenv("RAFTSQL_REFERENCE_URL") == "" && db != "raftsql") {
			t.Errorf("node %d: current_database %q current_user %q application_name %q, want raftsql postgres e2e-app", i, db, user, app)
		}
	}
}
