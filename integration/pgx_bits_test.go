package integration

// bit and bit varying through pgx (issue 11): pgx reads and sends them as
// pgtype.Bits in the binary format (bit_send/bit_recv: a length in bits,
// then the bits packed most significant first), the text format in the
// simple protocol. Like the rest of pgx_test.go this runs against
// PostgreSQL too (RAFTSQL_REFERENCE_URL), which keeps the expectations
// PostgreSQL's.

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// TestPgxBitStrings writes bit(n) and varbit parameters in every
// QueryExecMode, reads them back on another node, finds rows by
// parameter, and copies rows in with binary COPY.
func TestPgxBitStrings(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	w := connect(t, urls[1])
	r := connect(t, urls[2])
	mustExec(t, w, "CREATE TABLE bitp (id bigint PRIMARY KEY, flags bit(10), tail varbit(16))")

	// 1011000001 and 101: bits past the first byte, a short last byte
	flags := pgtype.Bits{Bytes: []byte{0xb0, 0x40}, Len: 10, Valid: true}
	tail := pgtype.Bits{Bytes: []byte{0xa0}, Len: 3, Valid: true}
	same := func(a, b pgtype.Bits) bool {
		return a.Valid == b.Valid && a.Len == b.Len && string(a.Bytes) == string(b.Bytes)
	}
	modes := []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeCacheDescribe,
		pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol}
	for i, mode := range modes {
		id := int64(i + 1)
		if _, err := w.Exec(ctx, "INSERT INTO bitp VALUES ($1, $2, $3)", mode, id, flags, tail); err != nil {
			t.Fatalf("mode %v: insert: %v", mode, err)
		}
		var gotFlags, gotTail, shifted pgtype.Bits
		var text string
		err := r.QueryRow(ctx, "SELECT flags, tail, flags << 2, flags::text FROM bitp WHERE id = $1", mode, id).
			Scan(&gotFlags, &gotTail, &shifted, &text)
		if err != nil {
			t.Fatalf("mode %v: select: %v", mode, err)
		}
		if !same(gotFlags, flags) || !same(gotTail, tail) || text != "1011000001" {
			t.Errorf("mode %v: got %v %v %q, want %v %v 1011000001", mode, gotFlags, gotTail, text, flags, tail)
		}
		if want := (pgtype.Bits{Bytes: []byte{0xc1, 0x00}, Len: 10, Valid: true}); !same(shifted, want) {
			t.Errorf("mode %v: flags << 2 = %v, want %v (1100000100)", mode, shifted, want)
		}
		var n int64
		if err := r.QueryRow(ctx, "SELECT id FROM bitp WHERE tail = $1 AND id = $2", mode, tail, id).Scan(&n); err != nil || n != id {
			t.Errorf("mode %v: WHERE tail = $1: %d, %v", mode, n, err)
		}
	}

	// the assignment's length rule holds for a parameter too
	short := pgtype.Bits{Bytes: []byte{0xa0}, Len: 3, Valid: true}
	_, err := w.Exec(ctx, "INSERT INTO bitp VALUES (9, $1, NULL)", short)
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "22026" {
		t.Errorf("a bit(3) value into bit(10): %v, want 22026", err)
	}

	src := pgx.CopyFromRows([][]any{{int64(10), flags, pgtype.Bits{Bytes: []byte{}, Len: 0, Valid: true}}})
	if n, err := w.CopyFrom(ctx, pgx.Identifier{"bitp"}, []string{"id", "flags", "tail"}, src); err != nil || n != 1 {
		t.Fatalf("CopyFrom: %d, %v", n, err)
	}
	var copied pgtype.Bits
	var l int32
	if err := r.QueryRow(ctx, "SELECT tail, length(tail) FROM bitp WHERE id = 10").Scan(&copied, &l); err != nil || !copied.Valid || copied.Len != 0 || l != 0 {
		t.Errorf("copied empty varbit: %v, %d, %v", copied, l, err)
	}
}
