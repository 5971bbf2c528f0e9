package raftsql

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/raftsql/raftsql/adminhttp"
)

// startAdminNode starts a single-node cluster with an admin listener on a
// free loopback port.
func startAdminNode(t *testing.T, dir string) *Node {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	n, err := Start(context.Background(), Config{Name: "n1", DataDir: dir, PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0", HTTPListener: ln, Pprof: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	return n
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// scrape fetches /metrics and parses it with the Prometheus text parser.
func scrape(t *testing.T, base string) map[string]*dto.MetricFamily {
	t.Helper()
	code, body := httpGet(t, base+"/metrics")
	if code != http.StatusOK {
		t.Fatalf("/metrics: %d %s", code, body)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	return fams
}

// metricValue is the value of the family's sample whose labels include
// want (counter, gauge, or a histogram's count); -1 if absent.
func metricValue(fams map[string]*dto.MetricFamily, name string, want map[string]string) float64 {
	f, ok := fams[name]
	if !ok {
		return -1
	}
next:
	for _, m := range f.GetMetric() {
		labels := map[string]string{}
		for _, l := range m.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		for k, v := range want {
			if labels[k] != v {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	return -1
}

func TestAdminMetricsMoveUnderLoad(t *testing.T) {
	n := startAdminNode(t, t.TempDir())
	base := "http://" + n.HTTPAddr().String()
	waitFor(t, "/readyz to answer 200", func() bool { c, _ := httpGet(t, base+"/readyz"); return c == http.StatusOK })
	if c, body := httpGet(t, base+"/livez"); c != http.StatusOK || strings.TrimSpace(body) != "ok" {
		t.Fatalf("/livez: %d %q", c, body)
	}
	if c, _ := httpGet(t, base+"/debug/pprof/"); c != http.StatusOK {
		t.Fatalf("/debug/pprof/ with Pprof: %d", c)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, "postgres://postgres@"+n.PGAddr().String()+"/db?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"); err != nil {
		t.Fatal(err)
	}
	before := scrape(t, base)
	for _, name := range []string{"raftsql_raft_term", "raftsql_raft_is_leader", "raftsql_raft_commit_index", "raftsql_raft_applied_index",
		"raftsql_raft_log_entries", "raftsql_storage_raft_log_bytes", "raftsql_storage_sqlite_bytes", "raftsql_sql_connections",
		"raftsql_sql_transactions_open", "raftsql_ready", "raftsql_raft_proposal_duration_seconds", "raftsql_storage_log_sync_duration_seconds",
		"raftsql_snapshots_made_total", "raftsql_transport_received_bytes_total", "go_goroutines"} {
		if metricValue(before, name, nil) < 0 {
			t.Errorf("metric %s missing", name)
		}
	}
	if v := metricValue(before, "raftsql_raft_is_leader", nil); v != 1 {
		t.Errorf("raftsql_raft_is_leader = %v on a single-node cluster's leader", v)
	}
	if v := metricValue(before, "raftsql_sql_connections", nil); v != 1 {
		t.Errorf("raftsql_sql_connections = %v with one client", v)
	}

	const writes = 20
	for i := 0; i < writes; i++ {
		if _, err := conn.Exec(ctx, "INSERT INTO t VALUES ($1, 'x')", i); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.Exec(ctx, "INSERT INTO t VALUES (0, 'duplicate')"); err == nil {
		t.Fatal("duplicate key accepted")
	}
	if _, err := conn.Exec(ctx, "CHECKPOINT"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "BEGIN"); err != nil {
		t.Fatal(err)
	}
	after := scrape(t, base)
	grew := func(name string, labels map[string]string, by float64) {
		t.Helper()
		b, a := metricValue(before, name, labels), metricValue(after, name, labels)
		if b < 0 {
			b = 0
		}
		if a-b < by {
			t.Errorf("%s%v went from %v to %v, want at least +%v", name, labels, b, a, by)
		}
	}
	grew("raftsql_sql_statements_total", map[string]string{"kind": "INSERT"}, writes)
	grew("raftsql_sql_statement_duration_seconds", map[string]string{"kind": "INSERT"}, writes)
	grew("raftsql_sql_errors_total", map[string]string{"class": "23"}, 1)
	grew("raftsql_raft_proposals_total", nil, writes)
	grew("raftsql_raft_proposal_duration_seconds", nil, writes)
	grew("raftsql_raft_commit_index", nil, writes)
	grew("raftsql_raft_applied_index", nil, writes)
	grew("raftsql_storage_log_sync_duration_seconds", nil, writes)
	grew("raftsql_snapshots_made_total", nil, 1)
	grew("raftsql_snapshot_made_bytes_total", nil, 1)
	if v := metricValue(after, "raftsql_sql_transactions_open", nil); v != 1 {
		t.Errorf("raftsql_sql_transactions_open = %v inside BEGIN", v)
	}
}

func TestAdminStatusJSONAndPage(t *testing.T) {
	n := startAdminNode(t, t.TempDir())
	base := "http://" + n.HTTPAddr().String()
	waitFor(t, "/readyz to answer 200", func() bool { c, _ := httpGet(t, base+"/readyz"); return c == http.StatusOK })
	code, body := httpGet(t, base+"/status.json")
	if code != http.StatusOK {
		t.Fatalf("/status.json: %d %s", code, body)
	}
	var st adminhttp.Status
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatalf("/status.json: %v\n%s", err, body)
	}
	if st.Node != "n1" || st.Leader != "n1" || st.State != "leader" || !st.Readiness.Ready || len(st.Members) != 1 {
		t.Fatalf("/status.json: %+v", st)
	}
	m := st.Members[0]
	if m.Name != "n1" || m.State != "leader" || m.Role != "voter" || m.MatchIndex == nil || m.AppliedIndex == nil {
		t.Fatalf("member: %+v", m)
	}
	code, page := httpGet(t, base+"/")
	if code != http.StatusOK || !strings.Contains(page, `data-name="n1"`) || !strings.Contains(page, `http-equiv="refresh"`) {
		t.Fatalf("status page: %d\n%s", code, page)
	}
	if c, _ := httpGet(t, base+"/nope"); c != http.StatusNotFound {
		t.Fatalf("unknown path: %d, want 404", c)
	}
}

// A second node on a data directory in use fails at once and names the
// directory and the process that holds it.
func TestDataDirInUse(t *testing.T) {
	dir := t.TempDir()
	startAdminNode(t, dir)
	_, err := Start(context.Background(), Config{Name: "n1", DataDir: dir, PGListen: "127.0.0.1:0", RaftListen: "127.0.0.1:0"})
	if err == nil || !strings.Contains(err.Error(), "data directory "+dir+" is in use by another raftsql process (pid ") {
		t.Fatalf("second node on a data dir in use: %v", err)
	}
}
