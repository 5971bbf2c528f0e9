package integration

// The bank workload (issue 6): concurrent transfers in explicit
// transactions on every node while leadership moves.

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The bank workload: concurrent transfers in explicit transactions on all
// nodes (every QueryExecMode), retrying on 40001, while leadership moves.
// The total never changes (also checked by concurrent readers), every
// acknowledged transfer is applied exactly once and nothing else is.
func TestTxnBank(t *testing.T) {
	urls, cluster := e2eCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	setup := connect(t, urls[0])
	const accounts, initial = 8, 1000
	mustExec(t, setup, "CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL)")
	mustExec(t, setup, "CREATE TABLE transfers (id bigint PRIMARY KEY, src integer NOT NULL, dst integer NOT NULL, amount bigint NOT NULL)")
	mustExec(t, setup, fmt.Sprintf("INSERT INTO accounts SELECT g, %d FROM generate_series(1, %d) AS g", initial, accounts))
	const total = accounts * initial

	// The workload runs until the leadership moves it must see have
	// happened (and every worker did at least perWorker transfers), not
	// for a fixed time: acks counts acknowledged transfers and wakes the
	// mover and the readers, moved closes after the wantMoves-th move.
	const wantMoves = 2
	stop := make(chan struct{})
	var bg sync.WaitGroup
	var moves atomic.Int64
	acks := newProgress()
	moved := make(chan struct{})
	if cluster == nil {
		close(moved) // the reference server has no leader to move
	} else {
		// Move leadership every moveEvery acknowledged transfers, so each
		// move lands in the middle of the workload.
		const moveEvery = 40
		bg.Add(1)
		go func() {
			defer bg.Done()
			for k := 0; ; k++ {
				if !acks.await(stop, int64(k+1)*moveEvery) {
					return
				}
				for _, n := range cluster.nodes {
					if n != nil && n.IsLeader() {
						to := cluster.members[(k+1)%3].Name
						if to == n.Name() {
							to = cluster.members[(k+2)%3].Name
						}
						tctx, tcancel := context.WithTimeout(ctx, 2*time.Second)
						if err := n.TransferLeadership(tctx, to); err != nil {
							t.Logf("transfer leadership %s -> %s: %v", n.Name(), to, err)
						} else if moves.Add(1) == wantMoves {
							close(moved)
						}
						tcancel()
						break
					}
				}
			}
		}()
	}
	// Readers: the total is always the same, in a read-only transaction
	// and in a single statement; each reads again once another transfer
	// was acknowledged.
	var reads atomic.Int64
	for r := 0; r < 3; r++ {
		bg.Add(1)
		go func(r int) {
			defer bg.Done()
			c, err := pgx.Connect(ctx, urls[r])
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close(context.Background())
			for seen := int64(0); ; {
				var s1, s2 int64
				err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
					if err := tx.QueryRow(ctx, "SELECT sum(balance) FROM accounts").Scan(&s1); err != nil {
						return err
					}
					return tx.QueryRow(ctx, "SELECT sum(balance) FROM accounts WHERE id > 0").Scan(&s2)
				})
				if err != nil {
					if code := pgCode(err); code == "57P03" || code == "40001" {
						continue
					}
					t.Errorf("reader %d: %v", r, err)
					return
				}
				if s1 != total || s2 != total {
					t.Errorf("reader %d saw total %d / %d, want %d", r, s1, s2, total)
					return
				}
				reads.Add(1)
				seen++
				if !acks.await(stop, seen) {
					return
				}
			}
		}(r)
	}

	// Each worker does at least perWorker transfers and goes on until the
	// leadership moves happened; giveUp only bounds a failing run.
	const workers, perWorker = 9, 20
	giveUp := time.Now().Add(60 * time.Second)
	var started [workers]int
	var mu sync.Mutex
	acked := map[int64]bool{}
	ambiguous := map[int64]bool{}
	var retries, unavailable atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			mode := allModes[w%len(allModes)]
			rng := rand.New(rand.NewSource(int64(w)))
			c, err := pgx.Connect(ctx, urls[w%3])
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close(context.Background())
			for i := 0; ; i++ {
				if i >= perWorker && (isClosed(moved) || time.Now().After(giveUp)) {
					return
				}
				started[w] = i + 1
				id := int64(w*1_000_000 + i)
				src := 1 + rng.Intn(accounts)
				dst := 1 + (src+rng.Intn(accounts-1))%accounts
				amount := int64(1 + rng.Intn(50))
				for attempt := 0; ; attempt++ {
					if attempt > 200 {
						t.Errorf("worker %d transfer %d: no commit in 200 attempts", w, id)
						return
					}
					err := transfer(ctx, c, mode, id, src, dst, amount)
					if err == nil {
						mu.Lock()
						acked[id] = true
						mu.Unlock()
						acks.add()
						break
					}
					switch code := pgCode(err); {
					case code == "40001" || code == "40P01":
						retries.Add(1)
						continue
					case code == "57P03":
						unavailable.Add(1)
						time.Sleep(20 * time.Millisecond)
						continue
					case code == "40003" || errors.Is(err, errTransferExists) && attempt > 0:
						if code == "40003" {
							mu.Lock()
							ambiguous[id] = true
							mu.Unlock()
							continue
						}
						// A retry after an unknown outcome found the
						// transfer applied: it is acknowledged now.
						mu.Lock()
						acked[id] = true
						mu.Unlock()
						acks.add()
					default:
						if c.IsClosed() {
							t.Errorf("worker %d: connection lost: %v", w, err)
							return
						}
						t.Errorf("worker %d transfer %d (%s): %v", w, id, mode, err)
						return
					}
					break
				}
			}
		}(w)
	}
	wg.Wait()
	close(stop)
	bg.Wait()
	t.Logf("%d transfers acknowledged, %d retries on 40001, %d unavailable, %d unknown outcomes, %d consistent reads, %d leadership transfers",
		len(acked), retries.Load(), unavailable.Load(), len(ambiguous), reads.Load(), moves.Load())
	if cluster != nil && moves.Load() < 2 {
		t.Errorf("leadership moved %d times during the workload, want at least 2", moves.Load())
	}
	want := 0
	for w, n := range started {
		if n < perWorker {
			t.Errorf("worker %d started %d transfers, want at least %d", w, n, perWorker)
		}
		want += n
	}
	if len(acked) != want {
		t.Errorf("%d transfers acknowledged, want %d", len(acked), want)
	}

	for ni, u := range urls {
		c := connect(t, u)
		var sum int64
		if err := c.QueryRow(ctx, "SELECT sum(balance) FROM accounts").Scan(&sum); err != nil {
			t.Fatal(err)
		}
		if sum != total {
			t.Errorf("node %d: total %d, want %d", ni, sum, total)
		}
		rows, err := c.Query(ctx, "SELECT id, src, dst, amount FROM transfers")
		if err != nil {
			t.Fatal(err)
		}
		balance := map[int]int64{}
		for i := 1; i <= accounts; i++ {
			balance[i] = initial
		}
		applied := map[int64]bool{}
		for rows.Next() {
			var id, amount int64
			var src, dst int
			if err := rows.Scan(&id, &src, &dst, &amount); err != nil {
				t.Fatal(err)
			}
			applied[id] = true
			balance[src] -= amount
			balance[dst] += amount
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		var missing, extra []int64
		for id := range acked {
			if !applied[id] {
				missing = append(missing, id)
			}
		}
		for id := range applied {
			if !acked[id] {
				extra = append(extra, id)
			}
		}
		sort.Slice(missing, func(i, j int) bool { return missing[i] < missing[j] })
		if len(missing) > 0 || len(extra) > 0 {
			t.Errorf("node %d: acknowledged but not applied %v; applied but not acknowledged %v", ni, missing, extra)
		}
		var got []string
		r2, err := c.Query(ctx, "SELECT id, balance FROM accounts ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		for r2.Next() {
			var id int
			var b int64
			r2.Scan(&id, &b)
			if b != balance[id] {
				got = append(got, fmt.Sprintf("account %d: %d, transfers say %d", id, b, balance[id]))
			}
		}
		if len(got) > 0 {
			t.Errorf("node %d: balances disagree with the transfer log: %v", ni, got)
		}
	}
	if cluster != nil {
		checkChecksums(t, cluster)
	}
}

var errTransferExists = errors.New("transfer already recorded")

// progress counts events (acknowledged transfers) and lets any number of
// goroutines wait until the count reaches a target.
type progress struct {
	mu      sync.Mutex
	n       int64
	changed chan struct{} // closed and replaced on every add
}

func newProgress() *progress { return &progress{changed: make(chan struct{})} }

func (p *progress) add() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	close(p.changed)
	p.changed = make(chan struct{})
}

// await blocks until the count reaches target (true) or stop closes (false).
func (p *progress) await(stop <-chan struct{}, target int64) bool {
	for {
		p.mu.Lock()
		n, changed := p.n, p.changed
		p.mu.Unlock()
		if n >= target {
			return true
		}
		select {
		case <-stop:
			return false
		case <-changed:
		}
	}
}

func isClosed(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// transfer moves amount from src to dst in one explicit transaction:
// record the transfer (its id makes a retry after an unknown outcome
// harmless), read both balances, write both computed balances.
func transfer(ctx context.Context, c *pgx.Conn, mode pgx.QueryExecMode, id int64, src, dst int, amount int64) error {
	if _, err := c.Exec(ctx, "BEGIN"); err != nil {
		return err
	}
	fail := func(err error) error {
		if !c.IsClosed() {
			c.Exec(ctx, "ROLLBACK")
		}
		return err
	}
	if _, err := c.Exec(ctx, "INSERT INTO transfers (id, src, dst, amount) VALUES ($1, $2, $3, $4)", mode, id, src, dst, amount); err != nil {
		if pgCode(err) == "23505" {
			return fail(fmt.Errorf("%w: %v", errTransferExists, err))
		}
		return fail(err)
	}
	var sb, db int64
	if err := c.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", mode, src).Scan(&sb); err != nil {
		return fail(err)
	}
	if _, err := c.Exec(ctx, "UPDATE accounts SET balance = $1 WHERE id = $2", mode, sb-amount, src); err != nil {
		return fail(err)
	}
	if err := c.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", mode, dst).Scan(&db); err != nil {
		return fail(err)
	}
	if _, err := c.Exec(ctx, "UPDATE accounts SET balance = $1 WHERE id = $2", mode, db+amount, dst); err != nil {
		return fail(err)
	}
	tag, err := c.Exec(ctx, "COMMIT")
	if err != nil {
		return err
	}
	if tag.String() != "COMMIT" {
		return fmt.Errorf("COMMIT answered %q", tag)
	}
	return nil
}
