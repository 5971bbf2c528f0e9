// Command compare measures several PostgreSQL-protocol servers side by side
// in one run, with the same client for all (pgx, one connection per client,
// prepared statements), and prints one markdown table: single-row INSERT
// into (id int primary key, 64-byte text) and point SELECT by key over a
// table of -rows rows, at each client count, throughput and p50/p99
// latency, with each server's ratio to the first one.
//
// Each cell (operation, clients) runs every target back to back, so that a
// change in the machine's load shifts all columns alike. bench/compare.sh
// starts PostgreSQL 15 and raftsql and runs this; see docs/benchmarks.md.
//
//	go run ./bench/compare -target 'PostgreSQL=postgres://...' \
//	    -target 'raftsql 3 nodes=postgres://n1...,postgres://n2...,postgres://n3...'
//
// A target's URLs are used round-robin: client i connects to URL i mod n.
// -pprof name=http://127.0.0.1:port[,...] fetches a CPU profile from each
// of that target's pprof servers (one per node process) during each of its
// cells, and their mutex, block and allocation profiles after the run,
// into -profile-dir.
// -cpu name=pid[,pid...] adds the CPU time the target's processes and
// their descendants used per operation over the measured period
// ("µs CPU/op", from /proc): PostgreSQL's postmaster with its backends, or
// raftsql's node processes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/raftsql/raftsql/bench/internal/load"
)

type target struct {
	name  string
	urls  []string
	pprof []string // base URLs of its nodes' pprof servers
	pids  []int    // its server processes, for CPU per operation
	// nextID is the next INSERT key: keys never repeat across cells.
	nextID atomic.Int64
}

type result struct {
	ops      int
	rate     float64
	cpu      time.Duration // the target's processes' CPU over the measured period; 0 if unknown
	nodes    []nodeDelta   // per node process, with -pprof and -cpu (nodes.go)
	p50, p99 time.Duration
	err      error
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	var targets, pprofs, cpus listFlag
	flag.Var(&targets, "target", "name=url[,url...] (repeatable; the first is the baseline for ratios)")
	flag.Var(&pprofs, "pprof", "name=http://host:port[,...] of a target's pprof servers (repeatable)")
	flag.Var(&cpus, "cpu", "name=pid[,pid...] of a target's server processes, for CPU per operation (repeatable)")
	duration := flag.Duration("duration", 10*time.Second, "measured time per cell and target")
	warmup := flag.Duration("warmup", time.Second, "unmeasured time before each measurement")
	clientsFlag := flag.String("clients", "1,16,64", "client counts")
	ops := flag.String("ops", "insert,read", "operations: insert, read")
	rows := flag.Int("rows", 10000, "rows in the point-read table")
	profileDir := flag.String("profile-dir", "", "where -pprof profiles go")
	flag.Parse()
	if err := run(targets, pprofs, cpus, *duration, *warmup, *clientsFlag, *ops, *rows, *profileDir); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

func run(targetArgs, pprofArgs, cpuArgs []string, duration, warmup time.Duration, clientsArg, opsArg string, rows int, profileDir string) error {
	if len(targetArgs) == 0 {
		return errors.New("no -target")
	}
	var ts []*target
	for _, a := range targetArgs {
		name, urls, ok := strings.Cut(a, "=")
		if !ok || urls == "" {
			return fmt.Errorf("-target %q: want name=url[,url...]", a)
		}
		ts = append(ts, &target{name: name, urls: strings.Split(urls, ",")})
	}
	for _, a := range pprofArgs {
		name, urls, ok := strings.Cut(a, "=")
		i := slices.IndexFunc(ts, func(t *target) bool { return t.name == name })
		if !ok || i < 0 {
			return fmt.Errorf("-pprof %q: want name=url[,url...] of a -target name", a)
		}
		for _, u := range strings.Split(urls, ",") {
			ts[i].pprof = append(ts[i].pprof, strings.TrimSuffix(u, "/"))
		}
	}
	for _, a := range cpuArgs {
		name, list, ok := strings.Cut(a, "=")
		i := slices.IndexFunc(ts, func(t *target) bool { return t.name == name })
		if !ok || i < 0 {
			return fmt.Errorf("-cpu %q: want name=pid[,pid...] of a -target name", a)
		}
		for _, s := range strings.Split(list, ",") {
			pid, err := strconv.Atoi(s)
			if err != nil {
				return fmt.Errorf("-cpu %q: %w", a, err)
			}
			ts[i].pids = append(ts[i].pids, pid)
		}
	}
	var clients []int
	for _, s := range strings.Split(clientsArg, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || c < 1 {
			return fmt.Errorf("-clients: bad count %q", s)
		}
		clients = append(clients, c)
	}
	ctx := context.Background()
	for _, t := range ts {
		if err := setup(ctx, t, rows); err != nil {
			return fmt.Errorf("%s: setup: %w", t.name, err)
		}
	}

	fmt.Printf("| op, clients |")
	for _, t := range ts {
		fmt.Printf(" %s |", t.name)
	}
	fmt.Printf("\n|---|")
	for range ts {
		fmt.Printf("---|")
	}
	fmt.Println()
	var details []string
	for _, op := range strings.Split(opsArg, ",") {
		for _, c := range clients {
			fmt.Printf("| %s, %d |", opLabel(op), c)
			var base float64
			for i, t := range ts {
				var waits []func()
				if profileDir != "" {
					secs := strconv.Itoa(int((warmup + duration).Seconds()))
					for node, u := range t.pprof {
						waits = append(waits, fetchAsync(u+"/debug/pprof/profile?seconds="+secs,
							filepath.Join(profileDir, fileName(t.name, node, op, c, "cpu"))))
					}
				}
				r := measure(ctx, t, op, c, rows, warmup, duration)
				for _, wait := range waits {
					wait()
				}
				if r.err != nil {
					fmt.Printf(" error: %v |", r.err)
					continue
				}
				if i == 0 {
					base = r.rate
				}
				fmt.Printf(" %s/s", load.Thousands(r.rate))
				if i > 0 && base > 0 {
					fmt.Printf(" (%.2f×)", r.rate/base)
				}
				fmt.Printf(", p50 %s, p99 %s", load.Ms(r.p50), load.Ms(r.p99))
				if r.cpu > 0 {
					fmt.Printf(", %.1f µs CPU/op", float64(r.cpu.Nanoseconds())/1e3/float64(r.ops))
				}
				fmt.Printf(" |")
				if len(r.nodes) > 0 {
					details = append(details, fmt.Sprintf("%s, %s, %d: %s", t.name, opLabel(op), c, describeNodes(r.nodes, r.ops)))
				}
			}
			fmt.Println()
		}
	}
	if len(details) > 0 {
		fmt.Println()
		fmt.Println("Per node process, per operation (CPU; read and write system calls; Raft messages received, by type; ReadIndex rounds and the reads they carried):")
		fmt.Println()
		for _, d := range details {
			fmt.Println("- " + d)
		}
	}
	if profileDir != "" {
		for _, t := range ts {
			for node, u := range t.pprof {
				for _, p := range []string{"mutex", "block", "allocs"} {
					fetchAsync(u+"/debug/pprof/"+p, filepath.Join(profileDir, fileName(t.name, node, "all", 0, p)))()
				}
			}
		}
	}
	return nil
}

func opLabel(op string) string {
	if op == "read" {
		return "point read"
	}
	return strings.ToUpper(op)
}

func fileName(target string, node int, op string, clients int, kind string) string {
	clean := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, target)
	return fmt.Sprintf("%s-n%d-%s-%d.%s.pprof", clean, node+1, op, clients, kind)
}

// fetchAsync downloads url into path in the background; the returned
// function waits for it.
func fetchAsync(url, path string) func() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		resp, err := http.Get(url)
		if err != nil {
			fmt.Fprintln(os.Stderr, "compare: profile:", err)
			return
		}
		defer resp.Body.Close()
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "compare: profile:", err)
			return
		}
		defer f.Close()
		if _, err := io.Copy(f, resp.Body); err != nil {
			fmt.Fprintln(os.Stderr, "compare: profile:", err)
		}
	}()
	return func() { <-done }
}

// payload is the 64-byte text of key id.
func payload(id int64) string {
	s := fmt.Sprintf("%064d", id)
	return s[len(s)-64:]
}

func setup(ctx context.Context, t *target, rows int) error {
	conn, err := pgx.Connect(ctx, t.urls[0])
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, q := range []string{
		"DROP TABLE IF EXISTS bench_insert",
		"DROP TABLE IF EXISTS bench_read",
		"CREATE TABLE bench_insert (id int PRIMARY KEY, v text)",
		"CREATE TABLE bench_read (id int PRIMARY KEY, v text)",
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	const chunk = 500
	for lo := 1; lo <= rows; lo += chunk {
		var b strings.Builder
		b.WriteString("INSERT INTO bench_read (id, v) VALUES ")
		for id := lo; id < lo+chunk && id <= rows; id++ {
			if id > lo {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "(%d, '%s')", id, payload(int64(id)))
		}
		if _, err := conn.Exec(ctx, b.String()); err != nil {
			return fmt.Errorf("load bench_read: %w", err)
		}
	}
	t.nextID.Store(1)
	return nil
}

// measure runs clients connections doing op for warmup+duration and returns
// what happened in the measured part.
func measure(ctx context.Context, t *target, op string, clients, rows int, warmup, duration time.Duration) result {
	conns := make([]*pgx.Conn, clients)
	defer func() {
		for _, c := range conns {
			if c != nil {
				c.Close(ctx)
			}
		}
	}()
	for i := range conns {
		c, err := pgx.Connect(ctx, t.urls[i%len(t.urls)])
		if err != nil {
			return result{err: err}
		}
		conns[i] = c
	}
	var do func(c *pgx.Conn, n int64) error
	switch op {
	case "insert":
		do = func(c *pgx.Conn, _ int64) error {
			id := t.nextID.Add(1)
			_, err := c.Exec(ctx, "INSERT INTO bench_insert (id, v) VALUES ($1, $2)", id, payload(id))
			return err
		}
	case "read":
		do = func(c *pgx.Conn, n int64) error {
			var v string
			return c.QueryRow(ctx, "SELECT v FROM bench_read WHERE id = $1", n%int64(rows)+1).Scan(&v)
		}
	default:
		return result{err: fmt.Errorf("unknown op %q", op)}
	}
	// The CPU is sampled at the end of the warm-up and at the end of the
	// run, which is when load.Run stops counting operations.
	cpuFrom := make(chan time.Duration, 1)
	nodesFrom := make(chan []nodeSample, 1)
	if len(t.pids) > 0 {
		go func() {
			time.Sleep(warmup)
			c, err := treeCPU(t.pids)
			if err != nil {
				c = -1
			}
			cpuFrom <- c
			nodesFrom <- sampleNodes(t)
		}()
	}
	r, err := load.Run(conns, warmup, duration, func(c *pgx.Conn, _ int, n int64) error { return do(c, n) })
	if err != nil {
		return result{err: err}
	}
	res := result{ops: r.Ops, rate: r.Rate, p50: r.P50, p99: r.P99}
	if len(t.pids) > 0 {
		from := <-cpuFrom
		to, err := treeCPU(t.pids)
		if err == nil && from >= 0 && to > from {
			res.cpu = to - from
		}
		res.nodes = nodeDeltas(<-nodesFrom, sampleNodes(t))
	}
	return res
}
