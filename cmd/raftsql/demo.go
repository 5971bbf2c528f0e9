package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/membership"
)

// demoFlags maps the raftsql.Config fields demo sets from its flags to
// those flags, for error messages.
var demoFlags = map[string]string{
	"DataDir":    "--data-dir",
	"PGListen":   "--pg-port",
	"RaftListen": "--raft-port",
}

func demo(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsql demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	nodes := fs.Int("nodes", 3, "number of nodes (1-9)")
	dataDir := fs.String("data-dir", "", "directory for the nodes' data (default: a temporary directory removed on exit)")
	pgPort := fs.Int("pg-port", 5432, "PostgreSQL port of the first node; node i listens on pg-port+i-1")
	raftPort := fs.Int("raft-port", 7001, "peer port of the first node; node i listens on raft-port+i-1")
	logLevel := fs.String("log-level", "warn", "debug, info, warn or error")
	pprofAddr := fs.String("pprof-addr", "", "serve Go runtime profiles (/debug/pprof/) on this loopback address, for benchmarks")
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
	stopPprof, ok := pprofFlag(*pprofAddr, logger, stderr, "raftsql demo")
	if !ok {
		return 2
	}
	defer stopPprof()
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
			fmt.Fprintf(stderr, "raftsql demo: node %s: %s\n", m.Name, explain(err, demoFlags))
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
