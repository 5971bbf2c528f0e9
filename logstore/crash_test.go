package logstore

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// durable is the observable state of a store after some sequence of
// acknowledged writes.
type durable struct {
	hs    raft.HardState
	cfg   membership.Config
	snap  raft.SnapshotMeta
	trunc indexTerm
	log   []raft.Entry // never mutated once published
}

func (d *durable) first() uint64 { return d.trunc.Index + 1 }
func (d *durable) last() uint64  { return d.trunc.Index + uint64(len(d.log)) }
func (d *durable) term(i uint64) uint64 {
	if i == d.trunc.Index {
		return d.trunc.Term
	}
	return d.log[i-d.first()].Term
}

// readDurable reads everything observable from s.
func readDurable(s *Store) (durable, error) {
	var d durable
	var err error
	if d.hs, d.cfg, err = s.InitialState(); err != nil {
		return d, err
	}
	first, err := s.FirstIndex()
	if err != nil {
		return d, err
	}
	last, err := s.LastIndex()
	if err != nil {
		return d, err
	}
	d.trunc.Index = first - 1
	if d.trunc.Term, err = s.Term(first - 1); err != nil {
		return d, err
	}
	if snap, err := s.Snapshot(); err == nil {
		d.snap = snap.Meta
	} else if err != raft.ErrSnapshotTemporarilyUnavailable {
		return d, err
	}
	if d.log, err = s.Entries(first, last+1, 1<<62); err != nil {
		return d, err
	}
	return d, nil
}

func (d *durable) equal(o *durable) bool {
	return d.hs == o.hs && d.cfg.Equal(o.cfg) && d.snap.Index == o.snap.Index && d.snap.Term == o.snap.Term &&
		d.snap.Config.Equal(o.snap.Config) && d.trunc == o.trunc &&
		slices.EqualFunc(d.log, o.log, func(a, b raft.Entry) bool {
			return a.Index == b.Index && a.Term == b.Term && a.Type == b.Type && bytes.Equal(a.Data, b.Data)
		})
}

func (d *durable) String() string {
	return fmt.Sprintf("hs=%+v cfg=%v snap=%d/%d trunc=%d/%d log=[%d,%d]", d.hs, d.cfg, d.snap.Index, d.snap.Term,
		d.trunc.Index, d.trunc.Term, d.first(), d.last())
}

// crashWriter drives random writes and publishes the state each write
// leads to before issuing it.
type crashWriter struct {
	s   *Store
	rng *rand.Rand

	mu      sync.Mutex
	states  []durable // states[k] is the state after write k
	started atomic.Int64
	acked   atomic.Int64
	term    uint64
}

func (w *crashWriter) publish(next durable, write func() error) error {
	w.mu.Lock()
	w.states = append(w.states, next)
	k := int64(len(w.states) - 1)
	w.mu.Unlock()
	w.started.Store(k)
	if err := write(); err != nil {
		return fmt.Errorf("write %d: %w", k, err)
	}
	w.acked.Store(k)
	return nil
}

func (w *crashWriter) step() error {
	w.mu.Lock()
	cur := w.states[len(w.states)-1]
	w.mu.Unlock()
	next := cur
	rng := w.rng
	switch k := rng.IntN(100); {
	case k < 55: // a Ready: entries (maybe overwriting an uncommitted suffix) + hard state
		lo := max(cur.hs.Commit+1, cur.first())
		start := lo + uint64(rng.IntN(int(cur.last()+2-lo)))
		if rng.IntN(5) == 0 {
			w.term++
		}
		term := max(w.term, cur.term(start-1))
		n := 1 + rng.IntN(24)
		ents := make([]raft.Entry, n)
		for i := range ents {
			data := make([]byte, rng.IntN(3000))
			for j := range data {
				data[j] = byte(rng.Uint32())
			}
			ents[i] = raft.Entry{Index: start + uint64(i), Term: term, Data: data}
			if rng.IntN(20) == 0 {
				ents[i].Type = raft.EntryConfChange
			}
		}
		next.log = append(slices.Clone(cur.log[:start-cur.first()]), ents...)
		var hs raft.HardState
		if rng.IntN(2) == 0 {
			hs = raft.HardState{Term: term, Vote: 1, Commit: cur.hs.Commit + uint64(rng.IntN(int(next.last()-cur.hs.Commit)+1))}
			next.hs = hs
		}
		return w.publish(next, func() error { return w.s.Save(hs, ents, raft.Snapshot{}) })
	case k < 65:
		hs := raft.HardState{Term: w.term, Vote: uint64(rng.IntN(3)), Commit: cur.hs.Commit + uint64(rng.IntN(int(cur.last()-cur.hs.Commit)+1))}
		next.hs = hs
		return w.publish(next, func() error { return w.s.Save(hs, nil, raft.Snapshot{}) })
	case k < 70: // install a snapshot from a leader
		w.term++
		idx := max(cur.hs.Commit, cur.snap.Index+1) + uint64(rng.IntN(50))
		meta := raft.SnapshotMeta{Index: idx, Term: w.term, Config: membership.Config{Voters: []uint64{1, 2, uint64(3 + rng.IntN(5))}}}
		hs := raft.HardState{Term: w.term, Commit: idx}
		next.hs, next.snap, next.cfg = hs, meta, meta.Config
		next.trunc = indexTerm{Index: idx, Term: w.term}
		next.log = nil
		return w.publish(next, func() error { return w.s.Save(hs, nil, raft.Snapshot{Meta: meta}) })
	case k < 80:
		if cur.hs.Commit <= cur.snap.Index {
			return nil
		}
		meta := raft.SnapshotMeta{Index: cur.hs.Commit, Term: cur.term(cur.hs.Commit), Config: cur.cfg}
		next.snap = meta
		return w.publish(next, func() error { return w.s.CreateSnapshot(meta) })
	case k < 92:
		if cur.snap.Index <= cur.trunc.Index {
			return nil
		}
		idx := cur.trunc.Index + 1 + uint64(rng.IntN(int(cur.snap.Index-cur.trunc.Index)))
		next.trunc = indexTerm{Index: idx, Term: cur.term(idx)}
		next.log = cur.log[idx-cur.trunc.Index:]
		return w.publish(next, func() error { return w.s.Compact(idx) })
	default:
		cfg := membership.Config{Voters: []uint64{1, uint64(2 + rng.IntN(9))}}
		next.cfg = cfg
		return w.publish(next, func() error { return w.s.SetConfig(cfg) })
	}
}

// TestCrashClone writes randomly while taking crash images of Pebble's
// crash-simulating in-memory file system (unsynced data kept at random).
// Each image must open cleanly and hold exactly the state after some write
// between the last acknowledged one and the last started one: every
// acknowledged write is present and no write is partially visible.
func TestCrashClone(t *testing.T) {
	iters, clones := 3, 12
	if longTests() {
		iters, clones = 25, 40
	}
	for it := 0; it < iters; it++ {
		seed := uint64(time.Now().UnixNano())
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) { crashCloneIteration(t, seed, clones) })
	}
}

func crashCloneIteration(t *testing.T, seed uint64, clones int) {
	fs := vfs.NewCrashableMem()
	s := mustOpen(t, "db", testOpts(fs))
	w := &crashWriter{s: s, rng: rand.New(rand.NewPCG(seed, 1)), states: []durable{{}}, term: 1}
	stop := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stop:
				errc <- nil
				return
			default:
			}
			if err := w.step(); err != nil {
				errc <- err
				return
			}
		}
	}()
	rng := rand.New(rand.NewPCG(seed, 2))
	for c := 0; c < clones; c++ {
		// Each image is taken after a random number of further
		// acknowledged writes (not after a random time), while the writer
		// goes on writing.
		target := w.acked.Load() + 1 + int64(rng.IntN(100))
		deadline := time.Now().Add(30 * time.Second)
		for w.acked.Load() < target {
			select {
			case err := <-errc:
				t.Fatalf("writer stopped at write %d, waiting for %d: %v", w.acked.Load(), target, err)
			default:
			}
			if time.Now().After(deadline) {
				close(stop)
				<-errc
				t.Fatalf("writer acknowledged %d writes, waited for %d", w.acked.Load(), target)
			}
			time.Sleep(50 * time.Microsecond) // poll interval
		}
		a0 := w.acked.Load()
		clone := fs.CrashClone(vfs.CrashCloneCfg{UnsyncedDataPercent: rng.IntN(101), RNG: rand.New(rand.NewPCG(seed, uint64(c)))})
		s1 := w.started.Load()
		got := openClone(t, clone)
		w.mu.Lock()
		cands := w.states[a0 : s1+1]
		w.mu.Unlock()
		match := -1
		for j := range cands {
			if got.equal(&cands[j]) {
				match = j
			}
		}
		if match < 0 {
			msg := fmt.Sprintf("crash image %d (seed %d) matches no state between write %d (acked) and %d (started):\n got  %s", c, seed, a0, s1, &got)
			for j := range cands {
				msg += fmt.Sprintf("\n want %s (write %d)", &cands[j], a0+int64(j))
			}
			close(stop)
			<-errc
			t.Fatal(msg)
		}
	}
	close(stop)
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	closeStore(t, s)
	t.Logf("%d writes, %d crash images verified", w.acked.Load(), clones)
}

func openClone(t *testing.T, fs vfs.FS) durable {
	t.Helper()
	s, err := Open("db", testOpts(fs))
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer s.Close()
	d, err := readDurable(s)
	if err != nil {
		t.Fatalf("read after crash: %v", err)
	}
	return d
}

const crashChildEnv = "RAFTSQL_LOGSTORE_CRASH_CHILD"

// crashData is the deterministic payload of entry i in the child test.
func crashData(i uint64) []byte {
	n := int(i*7919) % 5000
	b := make([]byte, 8, 8+n)
	copy(b, strconv.AppendUint(nil, i%100000000, 10))
	for j := 0; j < n; j++ {
		b = append(b, byte(i)+byte(j))
	}
	return b
}

// appendNextData appends n entries after the last index, with crashData,
// and returns the last index written. Indexes are chosen under the store's
// lock so concurrent callers append to one log.
func appendNextData(s *Store, n int) (uint64, error) {
	var last uint64
	err := s.commit("Save", func(b *pebble.Batch) (func(), error) {
		ents := make([]raft.Entry, n)
		for i := range ents {
			idx := s.last + 1 + uint64(i)
			ents[i] = raft.Entry{Index: idx, Term: 1, Data: crashData(idx)}
		}
		last = ents[n-1].Index
		return s.buildSave(b, raft.HardState{Term: 1, Commit: s.hs.Commit}, ents, raft.Snapshot{})
	})
	return last, err
}

// runCrashChild appends from several goroutines to the store in dir,
// printing every acknowledged index, until it is killed.
func runCrashChild(dir string) {
	s, err := Open(dir, Options{NodeID: 1, Logger: quietLogger()})
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(2)
	}
	var outMu sync.Mutex
	fail := func(err error) {
		outMu.Lock()
		fmt.Println("ERROR", err)
		os.Exit(2)
	}
	for g := 0; g < 4; g++ {
		go func() {
			rng := rand.New(rand.NewPCG(uint64(g), uint64(time.Now().UnixNano())))
			for n := 0; ; n++ {
				last, err := appendNextData(s, 1+rng.IntN(16))
				if err != nil {
					fail(err)
				}
				outMu.Lock()
				fmt.Printf("ACK %d\n", last)
				outMu.Unlock()
				if g == 0 && n%50 == 49 {
					// Commit, snapshot and compact, keeping 200 entries.
					if err := s.Save(raft.HardState{Term: 1, Commit: last}, nil, raft.Snapshot{}); err != nil {
						fail(err)
					}
					if last > 300 {
						if err := s.CreateSnapshot(raft.SnapshotMeta{Index: last - 200}); err != nil && err != raft.ErrSnapOutOfDate {
							fail(err)
						}
						if err := s.Compact(last - 250); err != nil && err != raft.ErrCompacted {
							fail(err)
						}
					}
				}
			}
		}()
	}
	select {}
}

// TestCrashChildProcess re-executes the test binary as a child that
// appends synced batches from 4 goroutines and prints each acknowledged
// index, SIGKILLs it at a random moment, reopens the store and checks that
// every acknowledged entry is present and intact.
func TestCrashChildProcess(t *testing.T) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		runCrashChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("the SIGKILL crash test starts child processes; skipped in -short mode")
	}
	iters := 3
	if longTests() {
		iters = 20
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	for it := 0; it < iters; it++ {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChildProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var maxAck atomic.Uint64
		var acks atomic.Int64
		// SIGKILL after a random number of acknowledgements (not after a
		// random time): about 0.02-0.4 s of work on an idle machine,
		// spanning the child's periodic snapshot and compaction.
		killAt := int64(50 + rng.IntN(1200))
		reached := make(chan struct{})
		readDone := make(chan string, 1)
		go func() {
			sc := bufio.NewScanner(out)
			var errLine string
			once := sync.Once{}
			for sc.Scan() {
				line := sc.Text()
				if v, ok := strings.CutPrefix(line, "ACK "); ok {
					n, _ := strconv.ParseUint(v, 10, 64)
					for {
						cur := maxAck.Load()
						if n <= cur || maxAck.CompareAndSwap(cur, n) {
							break
						}
					}
					if acks.Add(1) >= killAt {
						once.Do(func() { close(reached) })
					}
				} else if strings.HasPrefix(line, "ERROR") {
					errLine = line
				}
			}
			readDone <- errLine
		}()
		select {
		case <-reached:
		case <-time.After(60 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatalf("child acknowledged %d of %d appends in 60s", acks.Load(), killAt)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		if errLine := <-readDone; errLine != "" {
			t.Fatalf("child failed: %s", errLine)
		}
		acked := maxAck.Load()

		s, err := Open(dir, Options{NodeID: 1, Logger: quietLogger()})
		if err != nil {
			t.Fatalf("reopen after SIGKILL: %v", err)
		}
		first, _ := s.FirstIndex()
		last, _ := s.LastIndex()
		if last < acked {
			t.Fatalf("LastIndex %d after SIGKILL is below the acknowledged index %d", last, acked)
		}
		ents, err := s.Entries(first, last+1, 1<<62)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if !bytes.Equal(e.Data, crashData(e.Index)) {
				t.Fatalf("entry %d has wrong data after SIGKILL", e.Index)
			}
		}
		closeStore(t, s)
		t.Logf("iteration %d: %d acks, max acked %d, recovered [%d,%d]", it, acks.Load(), acked, first, last)
	}
}
