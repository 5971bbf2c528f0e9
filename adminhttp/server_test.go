package adminhttp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

type fakeSource struct {
	rd  Readiness
	st  Status
	err error
}

func (f *fakeSource) Readiness(context.Context) Readiness { return f.rd }
func (f *fakeSource) Status(context.Context) (Status, error) {
	return f.st, f.err
}

func startServer(t *testing.T, src Source, pprof bool) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := Start(Config{Listener: ln, Source: src, Gatherer: prometheus.NewRegistry(), Pprof: pprof})
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.Shutdown(ctx); err != nil {
			t.Error(err)
		}
	})
	return "http://" + s.Addr().String()
}

func get(t *testing.T, url string, header ...string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestReadyzAnswersCodeAndReason(t *testing.T) {
	src := &fakeSource{rd: Readiness{Reason: "no leader known for 3s"}}
	base := startServer(t, src, false)
	if c, body := get(t, base+"/readyz"); c != http.StatusServiceUnavailable || body != "not ready: no leader known for 3s\n" {
		t.Fatalf("/readyz not ready: %d %q", c, body)
	}
	c, body := get(t, base+"/readyz?format=json")
	var rd Readiness
	if err := json.Unmarshal([]byte(body), &rd); c != http.StatusServiceUnavailable || err != nil || rd.Ready || rd.Reason != src.rd.Reason {
		t.Fatalf("/readyz?format=json: %d %q", c, body)
	}
	src.rd = Readiness{Ready: true}
	if c, body := get(t, base+"/readyz", "Accept", "application/json"); c != http.StatusOK || !strings.Contains(body, `"ready": true`) {
		t.Fatalf("/readyz ready (json): %d %q", c, body)
	}
	if c, _ := get(t, base+"/debug/pprof/"); c != http.StatusNotFound {
		t.Fatalf("pprof without Pprof: %d, want 404", c)
	}
	if c, _ := get(t, base+"/metrics"); c != http.StatusOK {
		t.Fatalf("/metrics: %d", c)
	}
}

// The page escapes what it shows, and says so when the node cannot
// answer.
func TestStatusPageEscapesAndReportsErrors(t *testing.T) {
	one := uint64(7)
	src := &fakeSource{st: Status{Node: "n1", State: "leader", Leader: "n1", At: time.Now(),
		Readiness: Readiness{Ready: true},
		Members:   []Member{{ID: "1", Name: "<script>n1</script>", Role: "voter", State: "leader", MatchIndex: &one}}}}
	base := startServer(t, src, true)
	c, page := get(t, base+"/")
	if c != http.StatusOK || strings.Contains(page, "<script>n1") || !strings.Contains(page, "&lt;script&gt;n1") {
		t.Fatalf("page: %d\n%s", c, page)
	}
	src.err = errors.New("raftsql: node stopped")
	if c, page := get(t, base+"/"); c != http.StatusServiceUnavailable || !strings.Contains(page, "status unavailable: raftsql: node stopped") {
		t.Fatalf("page on error: %d\n%s", c, page)
	}
	if c, body := get(t, base+"/status.json"); c != http.StatusServiceUnavailable || !strings.Contains(body, "node stopped") {
		t.Fatalf("/status.json on error: %d %s", c, body)
	}
	if c, _ := get(t, base+"/debug/pprof/"); c != http.StatusOK {
		t.Fatalf("pprof with Pprof: %d", c)
	}
}
