// Command raftsql runs a raftsql node (serve) or a local demo cluster
// (demo). Run `raftsql help` for usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/membership"
)

const usage = `raftsql - a replicated SQL database: SQLite on every node, Raft in between,
PostgreSQL on the wire.

Usage:
  raftsql serve [flags]   run one member of a cluster (no flags: a single-node
                          cluster with data in ./raftsql-data, PostgreSQL on
                          127.0.0.1:5432)
  raftsql demo [flags]    run a local cluster of several nodes in this process
  raftsql version         print the version

Run 'raftsql serve -h' or 'raftsql demo -h' for the flags of each.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		args = []string{"serve"}
	}
	switch args[0] {
	case "serve":
		return serve(args[1:], stdout, stderr)
	case "demo":
		return demo(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "raftsql", raftsql.Version)
		return 0
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "raftsql: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

// parseFlags parses a subcommand's flags; when it returns ok=false the
// command exits with code (0 for -h, 2 for bad flags or arguments).
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer, usage string) (code int, ok bool) {
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return 2, false
	}
	return 0, true
}

func newLogger(w io.Writer, level string) (*slog.Logger, error) {
	var l slog.Level
	switch strings.ToLower(level) {
	case "debug":
		l = slog.LevelDebug
	case "info", "":
		l = slog.LevelInfo
	case "warn", "warning":
		l = slog.LevelWarn
	case "error":
		l = slog.LevelError
	default:
		return nil, fmt.Errorf("invalid --log-level %q: want debug, info, warn or error", level)
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l})), nil
}

func serve(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsql serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	id := fs.String("id", "n1", "this member's name; must appear in --initial-cluster")
	dataDir := fs.String("data-dir", "raftsql-data", "directory for the Raft log and the SQLite database")
	pgListen := fs.String("pg-listen", "127.0.0.1:5432", "address for PostgreSQL clients")
	raftListen := fs.String("raft-listen", "", "address for peer traffic (default: this member's address in --initial-cluster, or 127.0.0.1:7001)")
	initial := fs.String("initial-cluster", "", "members of a new cluster: name=host:port,... (default: a single-node cluster of --id)")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	maxConns := fs.Int("max-connections", 200, "maximum number of PostgreSQL client connections")
	tick := fs.Duration("tick", 15*time.Millisecond, "Raft tick interval (election timeout is 10-20 ticks)")
	if code, ok := parseFlags(fs, args, stderr, "Usage: raftsql serve [flags]\n\nStarts one member of a raftsql cluster. Restarting with the same --data-dir\nrejoins with the stored state.\n\nFlags:\n"); !ok {
		return code
	}
	logger, err := newLogger(stderr, *logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "raftsql serve: %v\n", err)
		return 2
	}
	if *maxConns <= 0 {
		fmt.Fprintf(stderr, "raftsql serve: invalid --max-connections %d: must be positive\n", *maxConns)
		return 2
	}
	if *tick < time.Millisecond {
		fmt.Fprintf(stderr, "raftsql serve: invalid --tick %v: must be at least 1ms\n", *tick)
		return 2
	}
	if _, _, err := net.SplitHostPort(*pgListen); err != nil {
		fmt.Fprintf(stderr, "raftsql serve: invalid --pg-listen %q: %v\n", *pgListen, err)
		return 2
	}
	cfg := raftsql.Config{
		Name:           *id,
		DataDir:        *dataDir,
		PGListen:       *pgListen,
		RaftListen:     *raftListen,
		MaxConnections: *maxConns,
		TickInterval:   *tick,
		Logger:         logger,
	}
	if *initial != "" {
		ms, err := membership.ParseInitialCluster(*initial)
		if err != nil {
			fmt.Fprintf(stderr, "raftsql serve: invalid --initial-cluster: %v\n", err)
			return 2
		}
		cfg.InitialCluster = ms
	}
	if *raftListen != "" {
		if _, _, err := net.SplitHostPort(*raftListen); err != nil {
			fmt.Fprintf(stderr, "raftsql serve: invalid --raft-listen %q: %v\n", *raftListen, err)
			return 2
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	node, err := raftsql.Start(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "raftsql serve: %v\n", err)
		return 1
	}
	logger.Info("raftsql is ready", "id", *id, "pg", node.PGAddr().String(), "raft", node.RaftAddr().String(), "data_dir", *dataDir,
		"connect", psqlCommand(node.PGAddr()))
	select {
	case <-ctx.Done():
		logger.Info("shutting down")
	case <-node.Done():
	}
	if err := node.Close(); err != nil {
		logger.Error("shutdown", "err", err)
		return 1
	}
	if err := node.Err(); err != nil {
		fmt.Fprintf(stderr, "raftsql serve: %v\n", err)
		return 1
	}
	return 0
}

func psqlCommand(a net.Addr) string {
	host, port, _ := net.SplitHostPort(a.String())
	return fmt.Sprintf("psql -h %s -p %s -U postgres raftsql", host, port)
}

func demo(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsql demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	nodes := fs.Int("nodes", 3, "number of nodes (1-9)")
	dataDir := fs.String("data-dir", "", "directory for the nodes' data (default: a temporary directory removed on exit)")
	pgPort := fs.Int("pg-port", 5432, "PostgreSQL port of the first node; node i listens on pg-port+i-1")
	raftPort := fs.Int("raft-port", 7001, "peer port of the first node; node i listens on raft-port+i-1")
	logLevel := fs.String("log-level", "warn", "debug, info, warn or error")
	if code, ok := parseFlags(fs, args, stderr, "Usage: raftsql demo [flags]\n\nStarts a local cluster in this process and prints how to connect to each\nnode. Ctrl-C stops it.\n\nFlags:\n"); !ok {
		return code
	}
	if *nodes < 1 || *nodes > 9 {
		fmt.Fprintf(stderr, "raftsql demo: invalid --nodes %d: want 1 to 9\n", *nodes)
		return 2
	}
	for _, p := range []struct {
		name string
		v    int
	}{{"--pg-port", *pgPort}, {"--raft-port", *raftPort}} {
		if p.v < 1 || p.v+*nodes-1 > 65535 {
			fmt.Fprintf(stderr, "raftsql demo: invalid %s %d\n", p.name, p.v)
			return 2
		}
	}
	logger, err := newLogger(stderr, *logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "raftsql demo: %v\n", err)
		return 2
	}
	dir := *dataDir
	if dir == "" {
		dir, err = os.MkdirTemp("", "raftsql-demo-")
		if err != nil {
			fmt.Fprintf(stderr, "raftsql demo: %v\n", err)
			return 1
		}
		defer os.RemoveAll(dir)
	}
	var members []membership.Member
	for i := 1; i <= *nodes; i++ {
		members = append(members, membership.Member{Name: "n" + strconv.Itoa(i), RaftAddr: net.JoinHostPort("127.0.0.1", strconv.Itoa(*raftPort+i-1))})
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var started []*raftsql.Node
	closeAll := func() {
		var wg sync.WaitGroup
		for _, n := range started {
			wg.Add(1)
			go func(n *raftsql.Node) {
				defer wg.Done()
				if err := n.Close(); err != nil {
					logger.Error("close", "node", n.Name(), "err", err)
				}
			}(n)
		}
		wg.Wait()
	}
	for i, m := range members {
		n, err := raftsql.Start(ctx, raftsql.Config{
			Name:           m.Name,
			DataDir:        filepath.Join(dir, m.Name),
			PGListen:       net.JoinHostPort("127.0.0.1", strconv.Itoa(*pgPort+i)),
			InitialCluster: members,
			Logger:         logger,
		})
		if err != nil {
			fmt.Fprintf(stderr, "raftsql demo: node %s: %v\n", m.Name, err)
			closeAll()
			return 1
		}
		started = append(started, n)
	}
	fmt.Fprintf(stdout, "raftsql demo: %d nodes running, data in %s\n", len(started), dir)
	for _, n := range started {
		fmt.Fprintf(stdout, "  %s: %s\n", n.Name(), psqlCommand(n.PGAddr()))
	}
	fmt.Fprintln(stdout, "Press Ctrl-C to stop.")
	failed := make(chan *raftsql.Node, len(started))
	for _, n := range started {
		go func(n *raftsql.Node) {
			<-n.Done()
			failed <- n
		}(n)
	}
	code := 0
	select {
	case <-ctx.Done():
	case n := <-failed:
		if err := n.Err(); err != nil {
			fmt.Fprintf(stderr, "raftsql demo: node %s stopped: %v\n", n.Name(), err)
			code = 1
		}
	}
	fmt.Fprintln(stdout, "raftsql demo: stopping")
	closeAll()
	return code
}
