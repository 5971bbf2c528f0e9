// Package load is the client loop the benchmark commands share
// (bench/compare, bench/scale): a fixed set of connections each doing one
// operation in a closed loop for a warm-up and then a measured period,
// with throughput and latency percentiles of the measured part, and the
// number formats of their markdown tables.
//
// Only operations that start within the measured period are counted, and
// each client records its own latencies (no shared lock on the hot path),
// so the loop itself adds nothing the servers compete for.
package load

import (
	"errors"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Result is what the measured part of a run did.
type Result struct {
	Ops      int
	Rate     float64 // operations per second
	P50, P99 time.Duration
}

// Op is one operation on connection c by client w; n is that client's
// own running count (distinct across clients: client w starts at w*7919).
type Op func(c *pgx.Conn, w int, n int64) error

// Run has every connection in conns do op in a loop for warmup+duration
// and returns what happened after the warm-up. The first error of any
// client ends that client and is returned (joined with the others').
func Run(conns []*pgx.Conn, warmup, duration time.Duration, op Op) (Result, error) {
	start := time.Now()
	measureFrom, end := start.Add(warmup), start.Add(warmup+duration)
	lat := make([][]time.Duration, len(conns))
	errs := make([]error, len(conns))
	var wg sync.WaitGroup
	for w := range conns {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			n := int64(w) * 7919
			for {
				t0 := time.Now()
				if !t0.Before(end) {
					return
				}
				n++
				if err := op(conns[w], w, n); err != nil {
					errs[w] = err
					return
				}
				if !t0.Before(measureFrom) {
					lat[w] = append(lat[w], time.Since(t0))
				}
			}
		}(w)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Result{}, err
	}
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	if len(all) == 0 {
		return Result{}, errors.New("no operation completed")
	}
	slices.Sort(all)
	return Result{
		Ops:  len(all),
		Rate: float64(len(all)) / duration.Seconds(),
		P50:  all[len(all)/2],
		P99:  all[len(all)*99/100],
	}, nil
}

// Thousands formats f rounded to an integer with thousands separators.
func Thousands(f float64) string {
	s := strconv.FormatInt(int64(f+0.5), 10)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// Ms formats d in milliseconds with two decimals.
func Ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 2, 64) + " ms"
}
