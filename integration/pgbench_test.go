package integration

import (
	"context"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (.ci/run installs it)", name)
	}
	return p
}

func hostPort(addr string) (string, string) {
	i := strings.LastIndexByte(addr, ':')
	return addr[:i], addr[i+1:]
}

// pgbench -i -s 1, then runs in the three query modes against different
// nodes; zero failed transactions and consistent balance sums.
func TestPgbench(t *testing.T) {
	pgbench := needTool(t, "pgbench")
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	host, port := hostPort(c.pgAddrs[0])
	run := func(args ...string) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, pgbench, args...)
		cmd.Env = append(cmd.Environ(), "PGUSER=postgres", "PGSSLMODE=disable")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("pgbench %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run("-i", "-s", "1", "-h", host, "-p", port, "raftsql")

	failed := regexp.MustCompile(`number of failed transactions: (\d+)`)
	processed := regexp.MustCompile(`number of transactions actually processed: (\d+)`)
	for i, mode := range []string{"simple", "extended", "prepared"} {
		h, p := hostPort(c.pgAddrs[(i+1)%3])
		// Every transaction is serializable: a rare conflict gets 40001
		// and pgbench retries it, as a client of any serializable
		// database must; a retried transaction is not a failure.
		args := []string{"-M", mode, "-c", "4", "-j", "2", "-t", "25", "--max-tries", "10", "-h", h, "-p", p}
		if i > 0 {
			// A run without -n truncates pgbench_history first; only the
			// first run (on fresh balances) may, or the sums below
			// could not agree.
			args = append(args, "-n")
		}
		out := run(append(args, "raftsql")...)
		if m := failed.FindStringSubmatch(out); m != nil && m[1] != "0" {
			t.Fatalf("-M %s: %s failed transactions\n%s", mode, m[1], out)
		}
		m := processed.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("-M %s: no summary\n%s", mode, out)
		}
		if n, _ := strconv.Atoi(m[1]); n != 100 {
			t.Fatalf("-M %s: processed %d transactions, want 100\n%s", mode, n, out)
		}
		t.Logf("-M %s on node %d: %s; %s", mode, (i+1)%3+1, tpsLine(out), retriedLine(out))
	}
	// Issue 6: contended TPC-B-like transactions from 16 clients (one
	// branch row at scale 1) with retries on serialization failures.
	h, p := hostPort(c.pgAddrs[2])
	out := run("-c", "16", "-j", "2", "-T", "8", "--max-tries", "20", "-n", "-h", h, "-p", p, "raftsql")
	m := failed.FindStringSubmatch(out)
	if m == nil || m[1] != "0" {
		t.Fatalf("-c 16 --max-tries 20: failed transactions\n%s", out)
	}
	t.Logf("-c 16 -j 2 --max-tries 20: %s; %s", tpsLine(out), retriedLine(out))
	ctx := context.Background()
	for i := range c.nodes {
		conn := connect(t, c.url(i))
		var a, b, tl, h int64
		err := conn.QueryRow(ctx, `SELECT (SELECT sum(abalance) FROM pgbench_accounts), (SELECT sum(bbalance) FROM pgbench_branches),
			(SELECT sum(tbalance) FROM pgbench_tellers), (SELECT coalesce(sum(delta),0) FROM pgbench_history)`, pgx.QueryExecModeSimpleProtocol).Scan(&a, &b, &tl, &h)
		if err != nil {
			t.Fatal(err)
		}
		if a != b || b != tl || tl != h {
			t.Fatalf("node %d: balance sums differ: accounts %d branches %d tellers %d history %d", i+1, a, b, tl, h)
		}
	}
}

func tpsLine(out string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "tps") {
			return l
		}
	}
	return ""
}

func retriedLine(out string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "number of transactions retried") {
			return l
		}
	}
	return "no retries reported"
}
