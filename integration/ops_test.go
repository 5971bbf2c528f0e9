package integration

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/adminhttp"
	"github.com/raftsql/raftsql/membership"
)

// Operating a cluster: readiness as /readyz reports it, honest refusals
// from a node that cannot take part in its cluster, and the status page.

// readyz is a node's /readyz answer: its status code and body.
func readyz(t *testing.T, n *raftsql.Node) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + n.HTTPAddr().String() + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

// waitReadyz polls a node's /readyz until it answers code with a body
// containing want.
func waitReadyz(t *testing.T, n *raftsql.Node, code int, want string) string {
	t.Helper()
	var body string
	waitUntil(t, fmt.Sprintf("%s /readyz answers %d containing %q", n.Name(), code, want), func() bool {
		var c int
		c, body = readyz(t, n)
		return c == code && strings.Contains(body, want)
	})
	return body
}

func withAdmin(cfg *raftsql.Config) {
	cfg.HTTPListen = "127.0.0.1:0"
	// A short write timeout: how long a node may go without a leader
	// before it refuses clients at once.
	cfg.WriteTimeout = 2 * time.Second
}

// A node that loses its quorum says so on /readyz and, once no leader has
// been known for longer than the write timeout, refuses writes and
// linearizable reads at once with 57P03 instead of making each client wait
// out the timeout; it is ready again once its peers are back.
func TestReadinessFollowsQuorum(t *testing.T) {
	c := startMemClusterWith(t, 3, withAdmin)
	c.waitLeader(30 * time.Second)
	for _, n := range c.nodes {
		waitReadyz(t, n, http.StatusOK, "ready")
	}
	// Leave one node alone: stop the other two (the leader among them
	// when the survivor is a follower).
	survivor := (c.waitLeader(30*time.Second) + 1) % 3
	for i := range c.nodes {
		if i != survivor {
			c.stop(i)
		}
	}
	n := c.nodes[survivor]
	body := waitReadyz(t, n, http.StatusServiceUnavailable, "no leader known")
	t.Logf("alone: %s", body)

	conn := connect(t, c.url(survivor))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// Once the node has been leaderless past the write timeout, it
	// refuses at once (the first statements may still wait it out). A
	// statement that waits it out may end while its last copy is still
	// queued for the driver, which could yet take it: its outcome is then
	// unknown (40003), never "not applied" (propose.go's mayBeTaken; seen
	// on a loaded 2-core CI machine).
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := conn.Exec(ctx, "CREATE TABLE alone (id INTEGER PRIMARY KEY)")
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "57P03" && pe.Code != "40003" {
			t.Fatalf("write without a quorum: %v, want 57P03 (or 40003 after waiting out the write timeout)", err)
		}
		if strings.Contains(pe.Message, "no leader for") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("write without a quorum: %v; want the immediate refusal", err)
		}
	}
	var pe *pgconn.PgError
	if _, err := conn.Exec(ctx, "SELECT 1", pgx.QueryExecModeSimpleProtocol); !errors.As(err, &pe) || pe.Code != "57P03" {
		t.Fatalf("linearizable read without a quorum: %v, want 57P03", err)
	}

	for i := range c.nodes {
		if i != survivor {
			c.start(i)
		}
	}
	c.waitLeader(30 * time.Second)
	waitReadyz(t, n, http.StatusOK, "ready")
	if _, err := conn.Exec(ctx, "CREATE TABLE back (id INTEGER PRIMARY KEY)"); err != nil {
		t.Fatalf("write once ready again: %v", err)
	}
}

// A node whose peers belong to another cluster (started with a different
// initial cluster) says so on /readyz and refuses clients at once with the
// reason.
func TestReadinessClusterIDMismatch(t *testing.T) {
	c := startMemClusterWith(t, 3, withAdmin)
	c.waitLeader(30 * time.Second)
	// n2 again, in a fresh data directory, with an initial cluster of
	// other names: another cluster id than its peers'.
	rl := listenLoopback(t, "127.0.0.1:0")
	pl := listenLoopback(t, "127.0.0.1:0")
	cfg := raftsql.Config{
		Name:         "n2",
		DataDir:      filepath.Join(t.TempDir(), "stray"),
		PGListener:   pl,
		RaftListener: rl,
		InitialCluster: []membership.Member{
			{Name: "n1", RaftAddr: c.members[0].RaftAddr},
			{Name: "n2", RaftAddr: rl.Addr().String()},
			{Name: "n9", RaftAddr: c.members[2].RaftAddr},
		},
		Logger: c.log,
	}
	withAdmin(&cfg)
	stray, err := raftsql.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer stray.Close()
	body := waitReadyz(t, stray, http.StatusServiceUnavailable, "cluster id mismatch")
	t.Logf("stray: %s", body)
	conn := connect(t, "postgres://postgres@"+pl.Addr().String()+"/raftsql?sslmode=disable")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = conn.Exec(ctx, "CREATE TABLE stray (id INTEGER PRIMARY KEY)")
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "57P03" || !strings.Contains(pe.Message, "cluster id mismatch") {
		t.Fatalf("write on a node its peers refuse: %v, want 57P03 naming the cluster id mismatch", err)
	}
}

// The status page and /status.json show every member from the leader.
func TestStatusPageShowsMembers(t *testing.T) {
	c := startMemClusterWith(t, 3, withAdmin)
	lead := c.nodes[c.waitLeader(30*time.Second)]
	base := "http://" + lead.HTTPAddr().String()
	waitUntil(t, "the leader's /status.json shows two followers", func() bool {
		resp, err := http.Get(base + "/status.json")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var st adminhttp.Status
		if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
			t.Fatal(err)
		}
		followers := 0
		for _, m := range st.Members {
			if m.State == "follower" && m.MatchIndex != nil && m.Lag != nil && m.LastContact != nil {
				followers++
			}
		}
		return st.State == "leader" && len(st.Members) == 3 && followers == 2
	})

	if os.Getenv("RAFTSQL_BROWSER") != "1" {
		t.Log("RAFTSQL_BROWSER=1 also renders the page in headless Chromium")
		return
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("RAFTSQL_BROWSER=1 needs Debian's chromium (apt-get install -y chromium): %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+t.TempDir(),
		"--dump-dom", base+"/").Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	dom := string(out)
	for _, m := range c.members {
		if !strings.Contains(dom, `data-name="`+m.Name+`"`) {
			t.Errorf("rendered page has no row for %s:\n%s", m.Name, dom)
		}
	}
	if strings.Count(dom, `<tr class="member`) != 3 || !strings.Contains(dom, ">ready<") {
		t.Errorf("rendered page: want 3 member rows and a ready node:\n%s", dom)
	}
}

// A real process cut off from its peers (both stopped with SIGSTOP) logs
// that it is not ready, in a line per reason (no line per poll), and that
// it is ready again once they continue; "raftsql is ready" is printed once,
// when it first is.
func TestCutOffNodeLogsReadiness(t *testing.T) {
	fc := startFaultCluster(t, 3, 1)
	lead := fc.leader(30 * time.Second)
	victim := 0
	for i, p := range fc.nodes {
		if p != lead {
			victim = i
			break
		}
	}
	p := fc.nodes[victim]
	logText := func() string {
		b, err := os.ReadFile(p.logPath)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("%s's log:\n%s", p.name, tail(logText(), 6000))
		}
	})
	waitUntil(t, p.name+" logs that it is ready", func() bool { return strings.Contains(logText(), "raftsql is ready") })
	for i := range fc.nodes {
		if i != victim {
			fc.pause(i)
		}
	}
	waitUntil(t, p.name+" logs that it is not ready", func() bool { return strings.Contains(logText(), "node is not ready") })
	for i := range fc.nodes {
		if i != victim {
			fc.resume(i)
		}
	}
	resumed := time.Now()
	waitUntil(t, p.name+" logs that it is ready again", func() bool { return strings.Contains(logText(), "node is ready again") })
	t.Logf("ready again %v after its peers continued", time.Since(resumed))
	out := logText()
	if n := strings.Count(out, "node is not ready"); n > 3 {
		t.Errorf("%d 'not ready' lines for one loss of quorum (one per change of reason expected)", n)
	}
	if n := strings.Count(out, "raftsql is ready"); n != 1 {
		t.Errorf("'raftsql is ready' logged %d times, want once", n)
	}
}
