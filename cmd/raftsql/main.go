// Command raftsql runs a raftsql node (serve) or a local demo cluster
// (demo). Run `raftsql help` for usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"

	"github.com/raftsql/raftsql"
)

const usage = `raftsql - a replicated SQL database: SQLite on every node, Raft in between,
PostgreSQL on the wire.

Usage:
  raftsql serve [flags]   run one member of a cluster (no flags: a single-node
                          cluster with data in ./raftsql-data, PostgreSQL on
                          127.0.0.1:5432)
  raftsql demo [flags]    run a local cluster of several nodes in this process
  raftsql certs [flags]   make a development CA and node/client certificates
  raftsql status [flags]  print the cluster's members (SHOW CLUSTER) for scripts
  raftsql backup [flags]  write a consistent copy of the database to a SQLite file
  raftsql restore [flags] make a new cluster's first data directory from a
                          SQLite file (a backup, or any SQLite database)
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
	case "certs":
		return certs(args[1:], stdout, stderr)
	case "status":
		return status(args[1:], stdout, stderr)
	case "backup":
		return backup(args[1:], stdout, stderr)
	case "restore":
		return restore(args[1:], stdout, stderr)
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

func psqlCommand(a net.Addr) string {
	host, port, _ := net.SplitHostPort(a.String())
	return fmt.Sprintf("psql -h %s -p %s -U postgres raftsql", host, port)
}

// explain renders a node's error for the command line. An error about a
// Config field names the flag that sets the field: the library knows its
// own fields, not this command's flags.
func explain(err error, flags map[string]string) string {
	var fe *raftsql.FieldError
	if !errors.As(err, &fe) {
		return err.Error()
	}
	flag, ok := flags[fe.Field]
	if !ok {
		return err.Error()
	}
	switch fe.Field {
	case "PGListen", "RaftListen":
		return fmt.Sprintf("%v: choose another address with %s", fe.Err, flag)
	}
	return fmt.Sprintf("invalid %s: %v", flag, fe.Err)
}
