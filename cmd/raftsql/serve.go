package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/snapshot"
)

// serveFlags maps the raftsql.Config fields serve sets to the flags that
// set them, for error messages.
var serveFlags = map[string]string{
	"Name":                "--id",
	"DataDir":             "--data-dir",
	"PGListen":            "--pg-listen",
	"RaftListen":          "--raft-listen",
	"InitialCluster":      "--initial-cluster",
	"Join":                "--join",
	"PeerDialAddrs":       "--peer-dial",
	"JoinToken":           "--join-token-file",
	"Auth":                "--auth",
	"HBAFile":             "--hba-file",
	"SuperuserPassword":   "--superuser-password-file or " + passwordEnv,
	"ReservedConnections": "--reserved-connections",
	"HTTPListen":          "--http-listen",
}

func serve(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsql serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	id := fs.String("id", "n1", "this member's name; must appear in --initial-cluster")
	dataDir := fs.String("data-dir", "raftsql-data", "directory for the Raft log and the SQLite database")
	pgListen := fs.String("pg-listen", "127.0.0.1:5432", "address for PostgreSQL clients")
	raftListen := fs.String("raft-listen", "", "address for peer traffic (default: this member's address in --initial-cluster, or 127.0.0.1:7001)")
	initial := fs.String("initial-cluster", "", "members of a new cluster: name=host:port,... (default: a single-node cluster of --id)")
	join := fs.String("join", "", "an existing member's raft address: join its cluster (as a learner, promoted to voter once caught up) instead of bootstrapping one; exclusive with --initial-cluster")
	peerDial := fs.String("peer-dial", "", "name=host:port,...: the raft address this node dials to reach each named member, instead of the address that member advertises (a NAT, port-forward or proxy between them); other nodes are unaffected")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	maxConns := fs.Int("max-connections", 200, "maximum number of PostgreSQL client connections")
	tick := fs.Duration("tick", 15*time.Millisecond, "Raft tick interval (election timeout is 10-20 ticks)")
	verifyInterval := fs.Duration("verify-interval", 5*time.Second, "how often the leader has the replicas compare checksums of a sample of their data (negative: never)")
	verifyRows := fs.Int("verify-rows", 2000, "rows one verification check hashes on every node")
	selfRepair := fs.Bool("self-repair", true, "a replica found diverged, or whose SQLite file is damaged, sets its database aside as db.sqlite.damaged-<index> and rebuilds it from a healthy peer's snapshot or its own log (false: it stays diverged, or stops, for an operator)")
	stepBudget := fs.Int64("step-budget", 0, "work budget of one log entry in SQLite VM instructions; an entry over it fails with 54000 on every node (0: the default, 200000000; negative: none). Every member must use the same value")
	snapEntries := fs.Uint64("snapshot-entries", snapshot.DefaultEntries, "make a snapshot of the database after this many log entries applied since the last one")
	snapLogBytes := fs.Int64("snapshot-log-bytes", snapshot.DefaultLogBytes, "or after this many bytes of log entries applied since the last one, whichever comes first")
	logTail := fs.Uint64("log-tail-entries", snapshot.DefaultTail, "log entries kept behind a snapshot when the log is compacted, so a follower slightly behind catches up from the log")
	snapKeep := fs.Int("snapshot-keep", snapshot.DefaultKeep, "snapshots kept on disk (at least 2)")
	maxTransfers := fs.Int("max-snapshot-transfers", snapshot.DefaultMaxTransfers, "concurrent outgoing snapshot transfers")
	resumeBytes := fs.Int64("snapshot-resume-bytes", snapshot.DefaultResumeEvery, "a snapshot being received is made durable every this many bytes, so a cut transfer resumes there (each costs an fsync)")
	httpListen := fs.String("http-listen", "", "address of the admin HTTP listener: /metrics (Prometheus), /livez, /readyz, the status page / and /status.json (default: none). It shows the cluster's topology to whoever reaches it: bind it to loopback or a private network")
	pipelined := fs.Bool("pipelined-log-writes", false, "start each Raft log write while the previous one syncs, and send what depends on a write as soon as it is durable (docs/design.md, \"Pipelined log writes\")")
	readLease := fs.Bool("read-lease", false, "answer linearizable reads from the leader's lease instead of a heartbeat round per batch of reads; assumes the members' clocks run at rates within 10% of each other (docs/design.md, \"Lease reads\"). Every member must use the same value")
	pprofOn := fs.Bool("pprof", false, "also serve Go's pprof endpoints (/debug/pprof/) on --http-listen, with mutex and block profiling switched on (they cost a little on every contended lock)")
	sec := addSecurityFlags(fs)
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
	if *verifyInterval == 0 || *verifyRows <= 0 {
		fmt.Fprintf(stderr, "raftsql serve: invalid --verify-interval %v / --verify-rows %d: the interval must be non-zero (negative disables checks), the rows positive\n", *verifyInterval, *verifyRows)
		return 2
	}
	if *snapEntries == 0 || *snapLogBytes <= 0 || *logTail == 0 || *snapKeep < 2 || *maxTransfers <= 0 {
		fmt.Fprintf(stderr, "raftsql serve: invalid snapshot settings (--snapshot-entries %d, --snapshot-log-bytes %d, --log-tail-entries %d, --snapshot-keep %d, --max-snapshot-transfers %d): each must be positive, --snapshot-keep at least 2\n",
			*snapEntries, *snapLogBytes, *logTail, *snapKeep, *maxTransfers)
		return 2
	}
	if *pprofOn && *httpListen == "" {
		fmt.Fprintf(stderr, "raftsql serve: --pprof needs --http-listen (pprof is served on the admin listener)\n")
		return 2
	}
	if *httpListen != "" {
		if _, _, err := net.SplitHostPort(*httpListen); err != nil {
			fmt.Fprintf(stderr, "raftsql serve: invalid --http-listen %q: %v\n", *httpListen, err)
			return 2
		}
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
		Name:               *id,
		DataDir:            *dataDir,
		PGListen:           *pgListen,
		RaftListen:         *raftListen,
		MaxConnections:     *maxConns,
		TickInterval:       *tick,
		ReadLease:          *readLease,
		PipelinedLogWrites: *pipelined,
		VerifyInterval:     *verifyInterval,
		VerifyRows:         *verifyRows,
		NoSelfRepair:       !*selfRepair,
		StepBudget:         *stepBudget,
		Join:               *join,

		SnapshotEntries:      *snapEntries,
		SnapshotLogBytes:     *snapLogBytes,
		LogTailEntries:       *logTail,
		SnapshotKeep:         *snapKeep,
		MaxSnapshotTransfers: *maxTransfers,
		SnapshotResumeBytes:  *resumeBytes,
		HTTPListen:           *httpListen,
		Pprof:                *pprofOn,
		Logger:               logger,
	}
	if err := sec.apply(fs, &cfg, os.Getenv); err != nil {
		fmt.Fprintf(stderr, "raftsql serve: %v\n", err)
		return 2
	}
	if *initial != "" {
		ms, err := membership.ParseInitialCluster(*initial)
		if err != nil {
			fmt.Fprintf(stderr, "raftsql serve: invalid --initial-cluster: %v\n", err)
			return 2
		}
		cfg.InitialCluster = ms
	}
	if *peerDial != "" {
		ms, err := membership.ParseInitialCluster(*peerDial)
		if err != nil {
			fmt.Fprintf(stderr, "raftsql serve: invalid --peer-dial: %v\n", err)
			return 2
		}
		cfg.PeerDialAddrs = map[string]string{}
		for _, m := range ms {
			cfg.PeerDialAddrs[m.Name] = m.RaftAddr
		}
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
		fmt.Fprintf(stderr, "raftsql serve: %s\n", explain(err, serveFlags))
		return 1
	}
	// "raftsql is ready" only once the node is (ready.go): until then the
	// node logs why it is not, once per reason.
	ready := node.Ready()
	hup := make(chan os.Signal, 1)
	if cfg.HBAFile != "" {
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
	}
wait:
	for {
		select {
		case <-ready:
			args := []any{"id", *id, "pg", node.PGAddr().String(), "raft", node.RaftAddr().String(), "data_dir", *dataDir}
			if a := node.HTTPAddr(); a != nil {
				args = append(args, "http", "http://"+a.String()+"/")
			}
			logger.Info("raftsql is ready", append(args, "connect", psqlCommand(node.PGAddr()))...)
			ready = nil
		case <-hup:
			if err := node.ReloadHBA(); err != nil {
				logger.Error("reloading --hba-file: the rules in force stay", "err", err)
			}
		case <-ctx.Done():
			logger.Info("shutting down")
			break wait
		case <-node.Done():
			break wait
		}
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
