package integration

// Helpers of the end-to-end client tests: a fresh cluster (or a fresh
// database on the reference PostgreSQL server, RAFTSQL_REFERENCE_URL), the
// query modes, SQLSTATE extraction.

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

var refSeq atomic.Int64

// e2eURLs returns the connection URLs of the three nodes of a fresh
// cluster (or three times the URL of a fresh database on the reference
// PostgreSQL server, see above).
func e2eURLs(t *testing.T) []string {
	t.Helper()
	urls, _ := e2eCluster(t)
	return urls
}

// e2eCluster is e2eURLs that also returns the cluster (nil for the
// reference server).
func e2eCluster(t *testing.T) ([]string, *memCluster) {
	t.Helper()
	if ref := os.Getenv("RAFTSQL_REFERENCE_URL"); ref != "" {
		return referenceURLs(t, ref), nil
	}
	c := startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	return []string{c.url(0), c.url(1), c.url(2)}, c
}

func referenceURLs(t *testing.T, ref string) []string {
	t.Helper()
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("e2e_%d_%d", os.Getpid(), refSeq.Add(1))
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)")
		admin.Close(ctx)
	})
	u, err := url.Parse(ref)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	q := u.Query()
	// raftsql runs every transaction as SERIALIZABLE.
	q.Set("default_transaction_isolation", "serializable")
	u.RawQuery = q.Encode()
	return []string{u.String(), u.String(), u.String()}
}

var allModes = []pgx.QueryExecMode{
	pgx.QueryExecModeCacheStatement,
	pgx.QueryExecModeCacheDescribe,
	pgx.QueryExecModeDescribeExec,
	pgx.QueryExecModeExec,
	pgx.QueryExecModeSimpleProtocol,
}

var modeParam = map[pgx.QueryExecMode]string{
	pgx.QueryExecModeCacheStatement: "cache_statement",
	pgx.QueryExecModeCacheDescribe:  "cache_describe",
	pgx.QueryExecModeDescribeExec:   "describe_exec",
	pgx.QueryExecModeExec:           "exec",
	pgx.QueryExecModeSimpleProtocol: "simple_protocol",
}

func withParam(u, k, v string) string {
	pu, err := url.Parse(u)
	if err != nil {
		panic(err)
	}
	q := pu.Query()
	q.Set(k, v)
	pu.RawQuery = q.Encode()
	return pu.String()
}

func pgCode(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}

func mustExec(t *testing.T, conn *pgx.Conn, sql string, args ...any) pgconn.CommandTag {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tag, err := conn.Exec(ctx, sql, args...)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return tag
}
