package sqlexec

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/raftsql/raftsql/internal/cputime"
)

// BenchmarkApplyRequestIDs: the CPU of applying one-row INSERTs whose
// request ids are requestID's (time-ordered) or 16 random bytes (what they
// were), with raftsql_requests already holding 50,000 ids, in batches of 1
// and 8 entries (engine.go, requestID). Since the table is keyed by the
// entry's index (dedup.go) the two cost the same; the benchmark measures
// the de-duplication's share of an apply.
func BenchmarkApplyRequestIDs(b *testing.B) {
	for _, batch := range []int{1, 8} {
		for _, ordered := range []bool{false, true} {
			name := fmt.Sprintf("random/batch%d", batch)
			if ordered {
				name = fmt.Sprintf("ordered/batch%d", batch)
			}
			b.Run(name, func(b *testing.B) { benchApplyIDs(b, ordered, batch) })
		}
	}
}

func benchApplyIDs(b *testing.B, ordered bool, batch int) {
	db := openTest(b, b.TempDir())
	defer db.Close()
	db.Apply(1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"))
	rng := rand.New(rand.NewPCG(1, 2))
	t0 := time.Unix(1_700_000_000, 0)
	idx := uint64(1)
	entry := func(n int) Entry {
		c := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: "INSERT INTO t(v) VALUES (?)", Args: []any{"hello"}}}}
		if ordered {
			c.RequestID = requestID(t0.Add(time.Duration(n)*time.Microsecond), rngReader{rng})
		} else {
			binary.BigEndian.PutUint64(c.RequestID[:8], rng.Uint64())
			binary.BigEndian.PutUint64(c.RequestID[8:], rng.Uint64())
		}
		idx++
		return Entry{Index: idx, Data: EncodeCommand(c)}
	}
	apply := func(from, n int) {
		ents := make([]Entry, 0, n)
		for j := 0; j < n; j++ {
			ents = append(ents, entry(from+j))
		}
		for _, r := range db.ApplyBatch(ents) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	const prefill = 50_000
	for i := 0; i < prefill; i += 100 {
		apply(i, 100)
	}
	b.ResetTimer()
	cputime.PerOp(b)
	for i := 0; i < b.N; i += batch {
		apply(prefill+i, batch)
	}
}

type rngReader struct{ r *rand.Rand }

func (r rngReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r.r.Uint32())
	}
	return len(p), nil
}
