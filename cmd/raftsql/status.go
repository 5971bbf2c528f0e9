package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/jackc/pgx/v5"
)

// status prints the cluster table (SHOW CLUSTER) of the node at --host and
// --port, over the PostgreSQL protocol like any client: it works wherever
// psql does and needs no admin listener. The password comes from
// PGPASSWORD (or ~/.pgpass), as for psql.
func status(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsql status", flag.ContinueOnError)
	fs.SetOutput(stderr)
	host := fs.String("host", "127.0.0.1", "the node's PostgreSQL host")
	port := fs.Int("port", 5432, "the node's PostgreSQL port")
	user := fs.String("user", "postgres", "user name (password: PGPASSWORD or ~/.pgpass)")
	sslmode := fs.String("sslmode", "prefer", "disable, prefer, require, verify-ca or verify-full (as libpq)")
	asJSON := fs.Bool("json", false, "print a JSON array of members (one object per row, keyed by column) instead of a table")
	timeout := fs.Duration("timeout", 10*time.Second, "give up after this long")
	if code, ok := parseFlags(fs, args, stderr, "Usage: raftsql status [flags]\n\nPrints the cluster's members as the node at --host/--port sees them\n(SHOW CLUSTER). A follower knows only itself and the leader; ask the\nleader for every member's progress.\n\nFlags:\n"); !ok {
		return code
	}
	if *port <= 0 || *port > 65535 {
		fmt.Fprintf(stderr, "raftsql status: invalid --port %d\n", *port)
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	u := url.URL{Scheme: "postgres", User: url.User(*user), Host: net.JoinHostPort(*host, strconv.Itoa(*port)), Path: "/raftsql",
		RawQuery: url.Values{"sslmode": {*sslmode}}.Encode()}
	cols, rows, err := showCluster(ctx, u.String())
	if err != nil {
		// One line: pgx reports each connection attempt on its own line.
		msg := strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
		fmt.Fprintf(stderr, "raftsql status: %s:%d: %s\n", *host, *port, msg)
		return 1
	}
	if *asJSON {
		out := make([]map[string]string, 0, len(rows))
		for _, r := range rows {
			m := map[string]string{}
			for i, c := range cols {
				m[c] = r[i]
			}
			out = append(out, m)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "raftsql status: %v\n", err)
			return 1
		}
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(cols, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "raftsql status: %v\n", err)
		return 1
	}
	return 0
}

// showCluster runs SHOW CLUSTER on the node at connString.
func showCluster(ctx context.Context, connString string) (cols []string, rows [][]string, err error) {
	conn, err := pgx.Connect(ctx, connString)
	if err != nil {
		return nil, nil, err
	}
	defer conn.Close(context.Background())
	res, err := conn.Query(ctx, "SHOW CLUSTER", pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return nil, nil, err
	}
	defer res.Close()
	for _, fd := range res.FieldDescriptions() {
		cols = append(cols, fd.Name)
	}
	for res.Next() {
		raw := res.RawValues()
		row := make([]string, len(raw))
		for i, v := range raw {
			row[i] = string(v)
		}
		rows = append(rows, row)
	}
	return cols, rows, res.Err()
}
