package pgwire

import (
	"encoding/binary"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// TestMutatedMessageStreams is the bounded, always-on counterpart of
// FuzzServerMessages: it mutates valid client message streams (bit flips,
// truncation, corrupted length fields, spliced and duplicated messages) with
// a fixed seed and checks that the server never panics and every connection
// ends. RAFTSQL_FUZZ_ITERS raises the count; `go test -fuzz` explores more.
func TestMutatedMessageStreams(t *testing.T) {
	iters := 5000
	if testing.Short() {
		iters = 50
	}
	if s := os.Getenv("RAFTSQL_FUZZ_ITERS"); s != "" {
		if v, err := strconv.Atoi(s); err == nil {
			iters = v
		}
	}
	seeds := [][]byte{
		encodeAll(&pgproto3.Query{String: "SELECT 1; SELECT 2"}, &pgproto3.Terminate{}),
		encodeAll(&pgproto3.Parse{Name: "a", Query: "SELECT $1::int4"}, &pgproto3.Bind{PreparedStatement: "a", ParameterFormatCodes: []int16{1}, Parameters: [][]byte{{0, 0, 0, 1}}, ResultFormatCodes: []int16{1}},
			&pgproto3.Describe{ObjectType: 'P'}, &pgproto3.Execute{MaxRows: 1}, &pgproto3.Sync{}),
		encodeAll(&pgproto3.Parse{Query: "INSERT INTO items (name, qty) VALUES ($1, $2)"}, &pgproto3.Describe{ObjectType: 'S'},
			&pgproto3.Bind{Parameters: [][]byte{[]byte("x"), []byte("2")}}, &pgproto3.Execute{}, &pgproto3.Flush{}, &pgproto3.Sync{}),
		encodeAll(&pgproto3.Query{String: "COPY items (name, qty) FROM STDIN"}, &pgproto3.CopyData{Data: []byte("a\t1\nb\t2\n")}, &pgproto3.CopyDone{}),
		encodeAll(&pgproto3.Query{String: "COPY items TO STDOUT (FORMAT csv)"}, &pgproto3.Close{ObjectType: 'S', Name: "a"}, &pgproto3.Sync{}),
	}
	srv := fuzzServer()
	defer srv.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	deadline := time.Now().Add(60 * time.Second)
	for i := 0; i < iters && time.Now().Before(deadline); i++ {
		data := mutate(rng, append([]byte(nil), seeds[rng.IntN(len(seeds))]...), seeds)
		runPipe(t, srv, append(startupBytes(), data...))
		checkNoPanic(t)
		if t.Failed() {
			t.Fatalf("iteration %d, input %q", i, data)
		}
	}
}

func mutate(rng *rand.Rand, b []byte, seeds [][]byte) []byte {
	for n := 1 + rng.IntN(4); n > 0; n-- {
		if len(b) == 0 {
			return b
		}
		switch rng.IntN(6) {
		case 0: // flip a bit
			i := rng.IntN(len(b))
			b[i] ^= 1 << rng.IntN(8)
		case 1: // truncate
			b = b[:rng.IntN(len(b))]
		case 2: // corrupt a length field: any 4 bytes after a type byte
			if len(b) > 5 {
				i := 1 + rng.IntN(len(b)-4)
				lengths := []uint32{0, 3, 4, 5, 0x7fffffff, 0xffffffff, uint32(rng.IntN(1 << 20))}
				binary.BigEndian.PutUint32(b[i:], lengths[rng.IntN(len(lengths))])
			}
		case 3: // splice another stream in
			o := seeds[rng.IntN(len(seeds))]
			i := rng.IntN(len(b) + 1)
			b = append(b[:i:i], append(append([]byte(nil), o...), b[i:]...)...)
		case 4: // duplicate a range
			i := rng.IntN(len(b))
			j := i + rng.IntN(len(b)-i+1)
			b = append(b[:j:j], append(append([]byte(nil), b[i:j]...), b[j:]...)...)
		case 5: // random garbage byte
			i := rng.IntN(len(b) + 1)
			b = append(b[:i:i], append([]byte{byte(rng.IntN(256))}, b[i:]...)...)
		}
	}
	return b
}
