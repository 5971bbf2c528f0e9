// Package integration holds raftsql's multi-node end-to-end and fault
// tests: clusters of in-process nodes (the embedding API) and of real
// `raftsql serve` processes, driven by real PostgreSQL clients.
package integration

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/membership"
)

// serveBinary is cmd/raftsql built once per test binary run (with build
// tags, for the fault suite's broken builds).
type serveBinary struct {
	tags string
	once sync.Once
	dir  string
	path string
	err  error
}

var defaultBinary serveBinary

// builtBinaries are the serve binaries of this run, whose folders TestMain
// removes once every test has ended.
var builtBinaries = []*serveBinary{&defaultBinary, &breakageBin}

// TestMain runs the tests and then removes the folders the serve binaries
// were built into: os.MkdirTemp's folders outlive the test binary, and a
// machine that runs the suite often would fill its temporary directory.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, b := range builtBinaries {
		if b.dir != "" {
			os.RemoveAll(b.dir)
		}
	}
	os.Exit(code)
}

func (b *serveBinary) get(t *testing.T) string {
	t.Helper()
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "raftsql-bin-")
		if err != nil {
			b.err = err
			return
		}
		b.dir = dir
		b.path = filepath.Join(dir, "raftsql")
		cmd := exec.Command("go", "build", "-tags", b.tags, "-o", b.path, "github.com/raftsql/raftsql/cmd/raftsql")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.err = fmt.Errorf("go build -tags %q: %v\n%s", b.tags, err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

// raftsqlBinary builds cmd/raftsql once per test binary run.
func raftsqlBinary(t *testing.T) string {
	return defaultBinary.get(t)
}

// freePorts returns n distinct free TCP ports on 127.0.0.1.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	var ls []net.Listener
	var ports []int
	for i := 0; i < n; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// testLogger returns the logger for one test's nodes. A passing test
// prints nothing; a failing one gets the nodes' log lines in its own log,
// after the failure (the cleanup runs once the test body has reported
// it). RAFTSQL_TEST_DEBUG=1 streams debug logs to stderr instead.
// Call it before starting the nodes, so that its cleanup runs after
// theirs and sees their last lines.
func testLogger(t testing.TB) *slog.Logger {
	if os.Getenv("RAFTSQL_TEST_DEBUG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	logs := &logBuffer{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("node logs (warnings and errors):\n%s", logs.String())
		}
	})
	return slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// logBuffer collects log lines from many goroutines; lines written after
// the test ended are kept and never read.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// memCluster is a cluster of in-process nodes.
type memCluster struct {
	t       testing.TB
	dir     string
	members []membership.Member
	pgAddrs []string
	nodes   []*raftsql.Node
	log     *slog.Logger // shared by the nodes; each adds its own name
	// pgLns, raftLns hold each node's listeners, bound before any node
	// starts (so no other test can take the port between choosing and
	// using it) until the node's first start takes them.
	pgLns, raftLns []net.Listener
	// configure, when set, adjusts each node's Config before it starts.
	configure func(cfg *raftsql.Config)
}

func startMemCluster(t testing.TB, size int) *memCluster {
	t.Helper()
	return startMemClusterWith(t, size, nil)
}

// startMemClusterClock starts a cluster whose nodes read clock as their
// SQL wall clock, so a test can make time pass.
func startMemClusterClock(t testing.TB, size int, clock func() time.Time) *memCluster {
	t.Helper()
	return startMemClusterWith(t, size, func(cfg *raftsql.Config) { cfg.Clock = clock })
}

// pipelinedLogWrites reports whether the clusters the harness starts use
// pipelined log writes (RAFTSQL_PIPELINED_LOG_WRITES=1: the whole suite
// runs on that path).
func pipelinedLogWrites() bool { return os.Getenv("RAFTSQL_PIPELINED_LOG_WRITES") == "1" }

// startMemClusterWith starts a cluster whose nodes' Config configure
// adjusts (nil: none).
func startMemClusterWith(t testing.TB, size int, configure func(cfg *raftsql.Config)) *memCluster {
	t.Helper()
	c := &memCluster{t: t, dir: t.TempDir(), log: testLogger(t), configure: configure}
	for i := 0; i < size; i++ {
		rl, pl := listenLoopback(t, "127.0.0.1:0"), listenLoopback(t, "127.0.0.1:0")
		c.raftLns = append(c.raftLns, rl)
		c.pgLns = append(c.pgLns, pl)
		c.members = append(c.members, membership.Member{Name: "n" + strconv.Itoa(i+1), RaftAddr: rl.Addr().String()})
		c.pgAddrs = append(c.pgAddrs, pl.Addr().String())
	}
	c.nodes = make([]*raftsql.Node, size)
	t.Cleanup(func() {
		for i := range c.nodes {
			c.stop(i)
		}
		for _, l := range append(c.pgLns, c.raftLns...) {
			if l != nil {
				l.Close()
			}
		}
	})
	for i := range c.members {
		c.start(i)
	}
	return c
}

// listenLoopback binds addr. A restarted node binds the address it had
// before (the node closed its listener when it stopped).
func listenLoopback(t testing.TB, addr string) net.Listener {
	t.Helper()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listen %s: %v", addr, err)
	}
	return l
}

func (c *memCluster) start(i int) {
	c.t.Helper()
	pl, rl := c.pgLns[i], c.raftLns[i]
	c.pgLns[i], c.raftLns[i] = nil, nil
	if pl == nil {
		pl = listenLoopback(c.t, c.pgAddrs[i])
	}
	if rl == nil {
		rl = listenLoopback(c.t, c.members[i].RaftAddr)
	}
	cfg := raftsql.Config{
		Name:           c.members[i].Name,
		DataDir:        filepath.Join(c.dir, c.members[i].Name),
		PGListener:     pl,
		RaftListener:   rl,
		InitialCluster: c.members,
		Logger:         c.log,
	}
	cfg.PipelinedLogWrites = pipelinedLogWrites()
	if c.configure != nil {
		c.configure(&cfg)
	}
	n, err := raftsql.Start(context.Background(), cfg)
	if err != nil {
		c.t.Fatalf("start %s: %v", c.members[i].Name, err)
	}
	c.nodes[i] = n
}

// testClock is a wall clock that moves only when the test advances it.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock { return &testClock{now: time.Now()} }

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func (c *memCluster) stop(i int) {
	if c.nodes[i] != nil {
		if err := c.nodes[i].Close(); err != nil {
			c.t.Errorf("close %s: %v", c.members[i].Name, err)
		}
		c.nodes[i] = nil
	}
}

func (c *memCluster) url(i int) string {
	return "postgres://postgres@" + c.pgAddrs[i] + "/raftsql?sslmode=disable"
}

// waitLeader waits until every running node agrees on one leader and
// returns its index.
func (c *memCluster) waitLeader(timeout time.Duration) int {
	c.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		var lead uint64
		agree := true
		for _, n := range c.nodes {
			if n == nil {
				continue
			}
			l := n.Leader()
			if l == 0 || (lead != 0 && l != lead) {
				agree = false
				break
			}
			lead = l
		}
		if agree && lead != 0 {
			for i, n := range c.nodes {
				if n != nil && n.ID() == lead {
					return i
				}
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	c.t.Fatalf("no leader within %v", timeout)
	return -1
}

func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect %s: %v", url, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// procNode is a `raftsql serve` child process.
type procNode struct {
	name    string
	pgAddr  string
	dataDir string
	args    []string
	cmd     *exec.Cmd
	logPath string
	exited  chan struct{}
	env     []string // added to the environment at the next start (e.g. TZ=...)
}

type procCluster struct {
	t     *testing.T
	bin   string
	nodes []*procNode
}

func startProcCluster(t *testing.T, size int) *procCluster {
	t.Helper()
	return startProcClusterArgs(t, size)
}

// startProcClusterArgs is startProcCluster with extra `raftsql serve`
// flags for every node.
func startProcClusterArgs(t *testing.T, size int, extra ...string) *procCluster {
	t.Helper()
	bin := raftsqlBinary(t)
	// Nodes are killed and restarted on their ports: ports from below the
	// ephemeral range, which no outgoing connection takes meanwhile
	// (stableports_test.go; seen as EADDRINUSE at a restart).
	ports := stablePorts(t, 2*size)
	dir := t.TempDir()
	var initial []string
	for i := 0; i < size; i++ {
		initial = append(initial, fmt.Sprintf("n%d=127.0.0.1:%d", i+1, ports[i]))
	}
	c := &procCluster{t: t, bin: bin}
	for i := 0; i < size; i++ {
		name := "n" + strconv.Itoa(i+1)
		p := &procNode{
			name:    name,
			pgAddr:  "127.0.0.1:" + strconv.Itoa(ports[size+i]),
			dataDir: filepath.Join(dir, name),
			logPath: filepath.Join(dir, name+".log"),
		}
		p.args = []string{"serve", "--id", name, "--data-dir", p.dataDir,
			"--pg-listen", p.pgAddr, "--raft-listen", fmt.Sprintf("127.0.0.1:%d", ports[i]),
			"--initial-cluster", strings.Join(initial, ","), "--log-level", "info"}
		if pipelinedLogWrites() {
			p.args = append(p.args, "--pipelined-log-writes")
		}
		p.args = append(p.args, extra...)
		c.nodes = append(c.nodes, p)
	}
	for _, p := range c.nodes {
		c.start(p)
	}
	t.Cleanup(func() {
		if !t.Failed() {
			for _, p := range c.nodes {
				c.kill(p)
			}
			return
		}
		for _, p := range c.nodes {
			logged, stacks := c.quitWithStacks(p)
			t.Logf("log of %s:\n%s", p.name, tail(logged, 40))
			if stacks != "" {
				t.Logf("goroutines of %s running raftsql code when the test failed:\n%s", p.name, stacks)
			}
		}
	})
	return c
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func (c *procCluster) start(p *procNode) {
	c.t.Helper()
	f, err := os.OpenFile(p.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		c.t.Fatal(err)
	}
	p.cmd = exec.Command(c.bin, p.args...)
	if len(p.env) > 0 {
		p.cmd.Env = append(os.Environ(), p.env...)
	}
	p.cmd.Stdout = f
	p.cmd.Stderr = f
	if err := p.cmd.Start(); err != nil {
		c.t.Fatalf("start %s: %v", p.name, err)
	}
	p.exited = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) {
		cmd.Wait()
		f.Close()
		close(done)
	}(p.cmd, p.exited)
	// Wait for the PostgreSQL port.
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		conn, err := net.DialTimeout("tcp", p.pgAddr, 200*time.Millisecond)
		if err == nil {
			conn.Close()
			return
		}
		select {
		case <-p.exited:
			b, _ := os.ReadFile(p.logPath)
			c.t.Fatalf("%s exited at start:\n%s", p.name, b)
		case <-time.After(50 * time.Millisecond):
		}
	}
	c.t.Fatalf("%s did not open %s", p.name, p.pgAddr)
}

// twoFollowers returns the first two nodes that are not lead.
func (c *procCluster) twoFollowers(lead *procNode) (a, b *procNode) {
	for _, p := range c.nodes {
		switch {
		case p == lead:
		case a == nil:
			a = p
		case b == nil:
			b = p
		}
	}
	return a, b
}

// kill sends SIGKILL to the node's process (by PID) and waits for it.
func (c *procCluster) kill(p *procNode) {
	if p.cmd == nil || p.cmd.Process == nil {
		return
	}
	select {
	case <-p.exited:
	default:
		syscall.Kill(p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.exited
	}
	p.cmd = nil
}

func (p *procNode) url() string {
	return "postgres://postgres@" + p.pgAddr + "/raftsql?sslmode=disable"
}

// showSetting runs SHOW name on a node over the simple protocol.
func showSetting(ctx context.Context, url, name string) (string, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return "", err
	}
	defer conn.Close(context.Background())
	var v string
	err = conn.QueryRow(ctx, "SHOW "+name, pgx.QueryExecModeSimpleProtocol).Scan(&v)
	return v, err
}

// queryRowFresh runs one query on a new connection to url and scans its
// row into dest. A wait that polls a query under a per-try timeout uses
// it: pgx closes a connection whose query's context ends, so a polled
// shared connection stays broken after the first slow try.
func queryRowFresh(ctx context.Context, url, sql string, dest ...any) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	return conn.QueryRow(ctx, sql).Scan(dest...)
}

// leader asks every running node who leads and returns the node they agree on.
func (c *procCluster) leader(timeout time.Duration) *procNode {
	c.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		votes := map[string]int{}
		running := 0
		for _, p := range c.nodes {
			if p.cmd == nil {
				continue
			}
			running++
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			v, err := showSetting(ctx, p.url(), "raftsql.leader")
			cancel()
			if err == nil && v != "" && v != "none" {
				votes[v]++
			}
		}
		for name, k := range votes {
			if k == running {
				for _, p := range c.nodes {
					if p.name == name {
						return p
					}
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	c.t.Fatalf("no agreed leader within %v", timeout)
	return nil
}
