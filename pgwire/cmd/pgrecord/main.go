// Command pgrecord records PostgreSQL wire protocol traces for pgwire's
// replay tests (see pgwire/testdata/README.md).
//
//	pgrecord proxy -listen 127.0.0.1:P -upstream 127.0.0.1:Q -out DIR
//	    forwards connections to a real server and writes DIR/conn-NNN.jsonl
//	pgrecord pgx -dsn DSN
//	    runs the pgx scenarios (default, modes, types, stdlib) against DSN,
//	    each on its own connection(s), in a fixed order
//
// The proxy runs until interrupted (SIGINT or SIGTERM) and then waits for
// its connections to end.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/raftsql/raftsql/pgwire/internal/pgrecord"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pgrecord proxy|pgx [flags]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch os.Args[1] {
	case "proxy":
		err = runProxy(ctx, os.Args[2:])
	case "pgx":
		err = runPgx(ctx, os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgrecord:", err)
		os.Exit(1)
	}
}

func runProxy(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("proxy", flag.ExitOnError)
	listen := fs.String("listen", "127.0.0.1:0", "address the clients connect to")
	upstream := fs.String("upstream", "", "address of the real PostgreSQL server")
	out := fs.String("out", "", "directory for conn-NNN.jsonl")
	fs.Parse(args)
	if *upstream == "" || *out == "" {
		return fmt.Errorf("proxy: -upstream and -out are required")
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", *listen)
	if err != nil {
		return fmt.Errorf("proxy: %w", err)
	}
	// The recording script waits for this line before starting clients.
	fmt.Println("listening", ln.Addr())
	p := &pgrecord.Proxy{Upstream: *upstream, Dir: *out, Log: slog.Default()}
	if err := p.Serve(ctx, ln); err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}
