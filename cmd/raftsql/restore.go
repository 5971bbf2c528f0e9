package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/raftsql/raftsql"
	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/sqlexec"
)

// restoreFlags maps the raftsql.Config fields restore sets to its flags.
var restoreFlags = map[string]string{
	"Name":           "--id",
	"DataDir":        "--data-dir",
	"RaftListen":     "--raft-listen",
	"InitialCluster": "--initial-cluster",
	"Join":           "--join",
}

// restore makes the first data directory of a new cluster from a SQLite
// file: a raftsql backup, or any application's SQLite database
// (raftsql.Restore).
func restore(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsql restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the SQLite file: a raftsql backup or any SQLite database (required)")
	id := fs.String("id", "n1", "the name of the new cluster's first member")
	dataDir := fs.String("data-dir", "", "its data directory: must be new or empty (required)")
	raftListen := fs.String("raft-listen", "", "its raft address, as it will be served (default: its address in --initial-cluster, or 127.0.0.1:7001)")
	initial := fs.String("initial-cluster", "", "name=host:port of this one member (a restore makes a one-member cluster; the others join it)")
	logLevel := fs.String("log-level", "warn", "debug, info, warn or error")
	tokenFile := fs.String("join-token-file", "", "the new cluster's join token: read from this file if it exists, else drawn and written to it (mode 0600); the members that join pass the same file to serve --join-token-file")
	check := fs.Bool("check", false, "only check FILE (integrity, what is refused, the warnings) and write nothing; --data-dir is not needed")
	if code, ok := parseFlags(fs, args, stderr, "Usage: raftsql restore --from FILE --data-dir DIR [flags]\n\nMakes DIR the data directory of the first member of a new cluster whose\ndata is the SQLite file FILE (a raftsql backup, or any application's\nSQLite database). The file is checked first: it is refused, with every\nreason, if it fails PRAGMA integrity_check or uses what raftsql cannot\nreplicate; what differs from PostgreSQL is reported as warnings. Then:\n\n  raftsql serve --id ID --data-dir DIR --raft-listen ADDR ...\n  raftsql serve --id n2 --data-dir D2 --join ADDR ...   (each other member)\n\nFlags:\n"); !ok {
		return code
	}
	if *check && *from != "" {
		return checkImport(*from, stdout, stderr)
	}
	if *from == "" || *dataDir == "" {
		fmt.Fprintln(stderr, "raftsql restore: --from FILE and --data-dir DIR are required")
		return 2
	}
	logger, err := newLogger(stderr, *logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "raftsql restore: %v\n", err)
		return 2
	}
	cfg := raftsql.Config{Name: *id, DataDir: *dataDir, RaftListen: *raftListen, Logger: logger}
	if *initial != "" {
		ms, err := membership.ParseInitialCluster(*initial)
		if err != nil {
			fmt.Fprintf(stderr, "raftsql restore: invalid --initial-cluster: %v\n", err)
			return 2
		}
		cfg.InitialCluster = ms
	}
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		switch {
		case err == nil:
			if cfg.JoinToken = strings.TrimSpace(string(b)); cfg.JoinToken == "" {
				fmt.Fprintf(stderr, "raftsql restore: --join-token-file %s is empty\n", *tokenFile)
				return 2
			}
		case !errors.Is(err, os.ErrNotExist):
			fmt.Fprintf(stderr, "raftsql restore: --join-token-file: %v\n", err)
			return 2
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := raftsql.Restore(ctx, cfg, *from)
	if !reportImport(*from, rep.ImportReport, err, stderr) {
		if !errors.Is(err, sqlexec.ErrRefused) {
			fmt.Fprintf(stderr, "raftsql restore: %s\n", explain(err, restoreFlags))
		}
		return 1
	}
	kind := "SQLite database"
	if rep.Backup {
		kind = fmt.Sprintf("raftsql backup (applied index %d)", rep.SourceIndex)
	}
	fmt.Fprintf(stdout, "restored %s from %s into %s: %d tables, %d indexes, %d views, %d triggers; new cluster %d, member %s, state at snapshot %d\n",
		kind, *from, *dataDir, rep.Tables, rep.Indexes, rep.Views, rep.Triggers, rep.ClusterID, *id, rep.Index)
	token := "TOKEN_FILE (SHOW raftsql.join_token on " + *id + ", as a superuser)"
	if *tokenFile != "" {
		token = *tokenFile
		if cfg.JoinToken == "" {
			if err := writeFileSynced(*tokenFile, []byte(rep.JoinToken+"\n")); err != nil {
				fmt.Fprintf(stderr, "raftsql restore: the data directory is restored, but the join token file: %v (SHOW raftsql.join_token on %s gives it)\n", err, *id)
				return 1
			}
		}
	}
	fmt.Fprintf(stdout, "start it: raftsql serve --id %s --data-dir %s --raft-listen %s --pg-listen ...\nadd members: raftsql serve --id n2 --data-dir ... --join %s --join-token-file %s ...\n",
		*id, *dataDir, raftAddrOf(cfg), raftAddrOf(cfg), token)
	return 0
}

func raftAddrOf(cfg raftsql.Config) string {
	switch {
	case cfg.RaftListen != "":
		return cfg.RaftListen
	case len(cfg.InitialCluster) == 1:
		return cfg.InitialCluster[0].RaftAddr
	}
	return "127.0.0.1:7001"
}

// reportImport prints an import's warnings and refusals on stderr and
// reports whether it succeeded (err nil).
func reportImport(from string, rep sqlexec.ImportReport, err error, stderr io.Writer) bool {
	for _, w := range rep.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if errors.Is(err, sqlexec.ErrRefused) {
		fmt.Fprintf(stderr, "raftsql restore: %s cannot be imported:\n", from)
		for _, r := range rep.Refused {
			fmt.Fprintf(stderr, "  - %s\n", r)
		}
	}
	return err == nil
}

// checkImport checks the file as restore would, writing only a
// temporary copy that it removes.
func checkImport(from string, stdout, stderr io.Writer) int {
	dir, err := os.MkdirTemp("", "raftsql-check-")
	if err != nil {
		fmt.Fprintf(stderr, "raftsql restore: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	rep, err := sqlexec.PrepareImport(context.Background(), from, filepath.Join(dir, "db.sqlite"))
	if !reportImport(from, rep, err, stderr) {
		if !errors.Is(err, sqlexec.ErrRefused) {
			fmt.Fprintf(stderr, "raftsql restore: %v\n", err)
		}
		return 1
	}
	fmt.Fprintf(stdout, "%s can be restored: %d tables, %d indexes, %d views, %d triggers, %d warnings\n", from, rep.Tables, rep.Indexes, rep.Views, rep.Triggers, len(rep.Warnings))
	return 0
}
