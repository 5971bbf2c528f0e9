package raftsql

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/raftsql/raftsql/internal/cputime"
)

// BenchmarkNodePointRead: one linearizable point read by key on a one-node
// cluster, the whole server side as a client sees it (pgwire's decoding of
// Bind/Execute/Sync, the session, the read barrier, the read connection,
// SQLite's step, the row's encoding and the one socket write per Sync),
// as bench/compare's prepared `SELECT v FROM bench_read WHERE id = $1`
// with a binary int4 parameter, as pgx sends it. The client writes
// pre-encoded messages on the raw socket and skips the reply without
// decoding it, so the allocations and nearly all of the CPU per operation
// are the node's:
//
//	go test . -run '^$' -bench NodePointRead -benchtime 100000x
func BenchmarkNodePointRead(b *testing.B) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	_, url := startOneNode(ctx, b)
	pc, err := pgconn.Connect(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer pc.Close(ctx)
	const rows = 1000
	var load strings.Builder
	load.WriteString("INSERT INTO bench_read (id, v) VALUES ")
	for id := 1; id <= rows; id++ {
		if id > 1 {
			load.WriteByte(',')
		}
		fmt.Fprintf(&load, "(%d, '%064d')", id, id)
	}
	for _, q := range []string{"CREATE TABLE bench_read (id int PRIMARY KEY, v text)", load.String()} {
		if err := pc.Exec(ctx, q).Close(); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := pc.Prepare(ctx, "read", "SELECT v FROM bench_read WHERE id = $1", nil); err != nil {
		b.Fatal(err)
	}
	hc, err := pc.Hijack()
	if err != nil {
		b.Fatal(err)
	}
	conn := hc.Conn
	defer conn.Close()

	// One Bind/Execute/Sync per key, encoded before the clock starts.
	msgs := make([][]byte, rows)
	for i := range msgs {
		var key [4]byte // the parameter is described as int4, the key's type
		binary.BigEndian.PutUint32(key[:], uint32(i+1))
		var buf []byte
		for _, m := range []pgproto3.FrontendMessage{
			&pgproto3.Bind{PreparedStatement: "read", ParameterFormatCodes: []int16{1},
				Parameters: [][]byte{key[:]}, ResultFormatCodes: []int16{0}},
			&pgproto3.Execute{},
			&pgproto3.Sync{},
		} {
			if buf, err = m.Encode(buf); err != nil {
				b.Fatal(err)
			}
		}
		msgs[i] = buf
	}
	r := bufio.NewReaderSize(conn, 4096)
	// roundTrip sends one read and skips its reply up to ReadyForQuery,
	// checking that it was a row and not an error.
	roundTrip := func(msg []byte) error {
		if _, err := conn.Write(msg); err != nil {
			return err
		}
		var hdr [5]byte
		var sawRow bool
		for {
			if _, err := io.ReadFull(r, hdr[:]); err != nil {
				return err
			}
			n := int(binary.BigEndian.Uint32(hdr[1:])) - 4
			switch hdr[0] {
			case 'D':
				sawRow = true
			case 'E':
				body := make([]byte, n)
				io.ReadFull(r, body)
				return fmt.Errorf("error response: %q", body)
			}
			if _, err := r.Discard(n); err != nil {
				return err
			}
			if hdr[0] == 'Z' {
				if !sawRow {
					return fmt.Errorf("no row")
				}
				return nil
			}
		}
	}
	for i := range 100 { // warm the statement caches and the held read
		if err := roundTrip(msgs[i%rows]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	cputime.PerOp(b)
	for i := 0; i < b.N; i++ {
		if err := roundTrip(msgs[i%rows]); err != nil {
			b.Fatal(err)
		}
	}
}
