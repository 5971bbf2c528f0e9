package integration

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// The register workload: keyed integer registers read, written with
// unique values, and compare-and-set (UPDATE ... WHERE v = old RETURNING)
// through pgx against every node; the history is checked for
// linearizability with porcupine, partitioned by key.
//
// An operation whose outcome the client cannot know (a timeout, a lost
// connection, 40003, 57P01/57P02) may have taken effect at any time
// after its call, or never: it is recorded with its return time at the
// end of the history, where linearizing it is the same as it never having
// happened. A failed read is dropped (it changed nothing). A write
// refused with 57P03 is recorded as not applied, which is what that code
// promises, so a broken promise shows as a value nobody wrote.

type regOpKind string

const (
	regRead  regOpKind = "read"
	regWrite regOpKind = "write"
	regCAS   regOpKind = "cas"
)

type regInput struct {
	Kind regOpKind `json:"kind"`
	Key  int       `json:"key"`
	Val  int64     `json:"val,omitempty"` // written, or the CAS's new value
	Old  int64     `json:"old,omitempty"` // the CAS's expected value
	Node string    `json:"node"`
}

type regOutput struct {
	Val     int64  `json:"val,omitempty"` // read
	OK      bool   `json:"ok,omitempty"`  // CAS applied
	Unknown bool   `json:"unknown,omitempty"`
	Err     string `json:"err,omitempty"`
}

// registerModel is a single integer register per key, initially 0.
var registerModel = porcupine.Model{
	Partition: func(history []porcupine.Operation) [][]porcupine.Operation {
		byKey := map[int][]porcupine.Operation{}
		for _, op := range history {
			k := op.Input.(regInput).Key
			byKey[k] = append(byKey[k], op)
		}
		keys := make([]int, 0, len(byKey))
		for k := range byKey {
			keys = append(keys, k)
		}
		sort.Ints(keys)
		var out [][]porcupine.Operation
		for _, k := range keys {
			out = append(out, byKey[k])
		}
		return out
	},
	Init: func() any { return int64(0) },
	Step: func(state, input, output any) (bool, any) {
		s, in, out := state.(int64), input.(regInput), output.(regOutput)
		switch in.Kind {
		case regRead:
			return out.Val == s, s
		case regWrite:
			return true, in.Val
		case regCAS:
			if out.Unknown {
				if s == in.Old {
					return true, in.Val
				}
				return true, s
			}
			if out.OK {
				return s == in.Old, in.Val
			}
			return s != in.Old, s
		}
		return false, s
	},
	DescribeOperation: func(input, output any) string {
		in, out := input.(regInput), output.(regOutput)
		suffix := ""
		if out.Unknown {
			suffix = " (unknown: " + out.Err + ")"
		}
		switch in.Kind {
		case regRead:
			return fmt.Sprintf("%s: read(k%d) -> %d", in.Node, in.Key, out.Val)
		case regWrite:
			return fmt.Sprintf("%s: write(k%d, %d)%s", in.Node, in.Key, in.Val, suffix)
		default:
			return fmt.Sprintf("%s: cas(k%d, %d -> %d) -> %v%s", in.Node, in.Key, in.Old, in.Val, out.OK, suffix)
		}
	},
	DescribeState: func(state any) string { return fmt.Sprint(state.(int64)) },
}

// outcome classifies a statement's error.
type outcome int

const (
	outcomeOK         outcome = iota
	outcomeFailed             // definitely not applied
	outcomeIndefinite         // may have applied
)

// classify says whether a write that returned err may have applied.
// Only what the server promises is definite: 57P03 (no copy reached a
// Raft core), an SQL error from the statement itself (its result on
// every node), or an error pgx knows arose before anything was sent.
func classify(err error) outcome {
	if err == nil {
		return outcomeOK
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case pgErr.Code == "57P03":
			return outcomeFailed
		case pgErr.Code == "40003", strings.HasPrefix(pgErr.Code, "57P"),
			strings.HasPrefix(pgErr.Code, "08"), strings.HasPrefix(pgErr.Code, "XX"):
			return outcomeIndefinite
		}
		return outcomeFailed
	}
	if pgconn.SafeToRetry(err) {
		return outcomeFailed
	}
	return outcomeIndefinite
}

// registerWorkload runs clients against the registers until ctx ends.
type registerWorkload struct {
	keys       int // per epoch
	epochs     int
	staleReads bool // the checker's self-test: reads skip ReadIndex
	opTimeout  time.Duration

	start   time.Time
	nextVal atomic.Int64
	nextPID atomic.Int64 // a client that lost track of an op continues as a new process
	mu      sync.Mutex
	ops     []porcupine.Operation
	pending []int // indexes of ops with unknown outcome: return set at the end
	counts  map[string]int
}

// setup creates the registers, all 0: keys of them for each of epochs
// epochs of keyEpoch, and starts the workload's clock.
func (w *registerWorkload) setup(ctx context.Context, url string, epochs int) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "CREATE TABLE reg (k INTEGER PRIMARY KEY, v BIGINT NOT NULL)"); err != nil {
		return err
	}
	var values []string
	for k := range epochs * w.keys {
		values = append(values, fmt.Sprintf("(%d, 0)", k))
	}
	if _, err := conn.Exec(ctx, "INSERT INTO reg VALUES "+strings.Join(values, ", ")); err != nil {
		return err
	}
	w.epochs = epochs
	w.start = time.Now()
	return nil
}

// key draws a key of the current epoch.
func (w *registerWorkload) key(rng *rand.Rand) int {
	epoch := min(int(time.Since(w.start)/keyEpoch), w.epochs-1)
	return epoch*w.keys + rng.IntN(w.keys)
}

func (w *registerWorkload) now() int64 { return time.Since(w.start).Nanoseconds() }

func (w *registerWorkload) record(op porcupine.Operation, label string, unknown bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if unknown {
		w.pending = append(w.pending, len(w.ops))
	}
	w.ops = append(w.ops, op)
	w.counts[label]++
}

func (w *registerWorkload) count(label string) {
	w.mu.Lock()
	w.counts[label]++
	w.mu.Unlock()
}

// client runs one sequential client against node url until ctx ends.
func (w *registerWorkload) client(ctx context.Context, node, url string, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0x726567))
	pid := int(w.nextPID.Add(1))
	var prepare func(context.Context, *pgx.Conn) error
	if w.staleReads {
		prepare = func(ctx context.Context, c *pgx.Conn) error {
			_, err := c.Exec(ctx, "SET raftsql.read_consistency = 'stale'")
			return err
		}
	}
	runClient(ctx, url, w.opTimeout, prepare, func(ctx context.Context, conn *pgx.Conn) error {
		in := regInput{Key: w.key(rng), Node: node}
		switch r := rng.IntN(10); {
		case r < 5:
			in.Kind = regRead
		case r < 7:
			in.Kind, in.Val = regWrite, w.nextVal.Add(1)
		default:
			in.Kind, in.Val, in.Old = regCAS, w.nextVal.Add(1), w.lastSeen(rng, in.Key)
		}
		call := w.now()
		out, err := w.exec(ctx, conn, in)
		op := porcupine.Operation{ClientId: pid, Input: in, Call: call, Output: out, Return: w.now()}
		switch classify(err) {
		case outcomeOK:
			w.record(op, string(in.Kind)+" ok", false)
		case outcomeFailed:
			// Not applied (a read changed nothing): nothing to record.
			w.count(string(in.Kind) + " failed")
		case outcomeIndefinite:
			if in.Kind == regRead {
				w.count("read failed")
				break
			}
			out.Unknown, out.Err = true, err.Error()
			op.Output = out
			w.record(op, string(in.Kind)+" unknown", true)
			// This client lost track of an operation: porcupine's
			// processes are sequential, so it goes on as a new one.
			pid = int(w.nextPID.Add(1))
		}
		return err
	})
}

// lastSeen picks the expected value of a CAS: the last value this
// workload wrote to the key (so that many succeed), or 0.
func (w *registerWorkload) lastSeen(rng *rand.Rand, key int) int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	for i := len(w.ops) - 1; i >= 0 && i >= len(w.ops)-50; i-- {
		in := w.ops[i].Input.(regInput)
		if in.Key != key {
			continue
		}
		if in.Kind == regRead {
			return w.ops[i].Output.(regOutput).Val
		}
		if rng.IntN(2) == 0 {
			return in.Val
		}
	}
	return 0
}

func (w *registerWorkload) exec(ctx context.Context, conn *pgx.Conn, in regInput) (regOutput, error) {
	var out regOutput
	switch in.Kind {
	case regRead:
		err := conn.QueryRow(ctx, "SELECT v FROM reg WHERE k = $1", in.Key).Scan(&out.Val)
		return out, err
	case regWrite:
		tag, err := conn.Exec(ctx, "UPDATE reg SET v = $2 WHERE k = $1", in.Key, in.Val)
		if err == nil && tag.RowsAffected() != 1 {
			err = fmt.Errorf("write k%d: %d rows affected, want 1", in.Key, tag.RowsAffected())
		}
		return out, err
	default:
		rows, err := conn.Query(ctx, "UPDATE reg SET v = $3 WHERE k = $1 AND v = $2 RETURNING v", in.Key, in.Old, in.Val)
		if err != nil {
			return out, err
		}
		n := 0
		for rows.Next() {
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return out, err
		}
		out.OK = n == 1
		return out, nil
	}
}

// history is the history so far, every unknown outcome returning at its
// end (the workload may go on: a later call extends them further).
func (w *registerWorkload) history() []porcupine.Operation {
	w.mu.Lock()
	defer w.mu.Unlock()
	ops := append([]porcupine.Operation(nil), w.ops...)
	end := w.now()
	for _, i := range w.pending {
		ops[i].Return = end
	}
	return ops
}

// checkLinearizable checks the history; on a violation (or a checker
// timeout, reported but not failed) it writes the history and porcupine's
// visualisation into dir and returns an error naming them.
func checkLinearizable(history []porcupine.Operation, timeout time.Duration, dir string) (porcupine.CheckResult, error) {
	res, info := porcupine.CheckOperationsVerbose(registerModel, history, timeout)
	if res == porcupine.Ok {
		return res, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, err
	}
	b, _ := json.MarshalIndent(history, "", " ")
	os.WriteFile(filepath.Join(dir, "register-history.json"), b, 0o644)
	html := filepath.Join(dir, "register-linearizability.html")
	if err := porcupine.VisualizePath(registerModel, info, html); err != nil {
		return res, fmt.Errorf("linearizability check: %s; visualisation failed: %w", res, err)
	}
	return res, fmt.Errorf("linearizability check: %s (history and visualisation: %s)", res, html)
}

// TestRegisterModel checks the checker: a read that misses an
// acknowledged write (what a stale read looks like) is illegal; an
// unknown write may or may not be seen; a failed CAS must have seen a
// different value.
func TestRegisterModel(t *testing.T) {
	op := func(call, ret int64, in regInput, out regOutput) porcupine.Operation {
		return porcupine.Operation{Input: in, Call: call, Return: ret, Output: out}
	}
	w := func(v int64) regInput { return regInput{Kind: regWrite, Val: v} }
	r := regInput{Kind: regRead}
	cas := func(old, v int64) regInput { return regInput{Kind: regCAS, Old: old, Val: v} }
	for _, tc := range []struct {
		name string
		h    []porcupine.Operation
		want porcupine.CheckResult
	}{
		{"stale read", []porcupine.Operation{op(0, 10, w(1), regOutput{}), op(20, 30, r, regOutput{Val: 0})}, porcupine.Illegal},
		{"fresh read", []porcupine.Operation{op(0, 10, w(1), regOutput{}), op(20, 30, r, regOutput{Val: 1})}, porcupine.Ok},
		{"concurrent read may miss", []porcupine.Operation{op(0, 25, w(1), regOutput{}), op(20, 30, r, regOutput{Val: 0})}, porcupine.Ok},
		{"unknown write seen", []porcupine.Operation{op(0, 100, w(1), regOutput{Unknown: true}), op(20, 30, r, regOutput{Val: 1})}, porcupine.Ok},
		{"unknown write never seen", []porcupine.Operation{op(0, 100, w(1), regOutput{Unknown: true}), op(20, 30, r, regOutput{Val: 0})}, porcupine.Ok},
		{"value nobody wrote", []porcupine.Operation{op(20, 30, r, regOutput{Val: 7})}, porcupine.Illegal},
		{"cas ok", []porcupine.Operation{op(0, 10, cas(0, 2), regOutput{OK: true}), op(20, 30, r, regOutput{Val: 2})}, porcupine.Ok},
		{"cas failed but should not", []porcupine.Operation{op(0, 10, cas(0, 2), regOutput{OK: false}), op(20, 30, r, regOutput{Val: 0})}, porcupine.Illegal},
		{"cas applied twice", []porcupine.Operation{op(0, 10, cas(0, 2), regOutput{OK: true}), op(20, 30, cas(0, 3), regOutput{OK: true})}, porcupine.Illegal},
		{"unknown cas", []porcupine.Operation{op(0, 100, cas(0, 2), regOutput{Unknown: true}), op(20, 30, r, regOutput{Val: 2}), op(40, 50, r, regOutput{Val: 2})}, porcupine.Ok},
		{"unknown cas undone", []porcupine.Operation{op(0, 100, cas(0, 2), regOutput{Unknown: true}), op(20, 30, r, regOutput{Val: 2}), op(40, 50, r, regOutput{Val: 0})}, porcupine.Illegal},
	} {
		if got := porcupine.CheckOperations(registerModel, tc.h); (got && tc.want != porcupine.Ok) || (!got && tc.want == porcupine.Ok) {
			t.Errorf("%s: linearizable = %v, want %s", tc.name, got, tc.want)
		}
	}
}
