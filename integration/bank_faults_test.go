package integration

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// bankWorkload moves money between accounts in interactive transactions
// (read the source balance, then two UPDATEs, then COMMIT) on every node
// while others read all balances; every read, autocommit or inside a
// transaction, must see the total unchanged and no balance below zero
// (a transfer checks the balance it read, and a transaction whose reads
// went stale before its writes committed is refused with 40001). Any
// outcome of a transfer keeps the invariant, so errors are only counted.
type bankWorkload struct {
	accounts  int
	initial   int64
	opTimeout time.Duration

	mu         sync.Mutex
	counts     map[string]int
	violations []string
}

func (b *bankWorkload) total() int64 { return int64(b.accounts) * b.initial }

func (b *bankWorkload) setup(ctx context.Context, url string) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "CREATE TABLE bank (id INTEGER PRIMARY KEY, balance BIGINT NOT NULL)"); err != nil {
		return err
	}
	for i := range b.accounts {
		if _, err := conn.Exec(ctx, "INSERT INTO bank VALUES ($1, $2)", i, b.initial); err != nil {
			return err
		}
	}
	return nil
}

func (b *bankWorkload) count(label string) {
	b.mu.Lock()
	b.counts[label]++
	b.mu.Unlock()
}

func (b *bankWorkload) violation(format string, args ...any) {
	b.mu.Lock()
	b.violations = append(b.violations, fmt.Sprintf(format, args...))
	b.mu.Unlock()
}

func (b *bankWorkload) client(ctx context.Context, node, url string, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0x62616e6b))
	runClient(ctx, url, b.opTimeout, nil, func(ctx context.Context, conn *pgx.Conn) error {
		var err error
		switch r := rng.IntN(10); {
		case r < 5:
			err = b.transfer(ctx, conn, rng)
			b.outcome("transfer", err)
		case r < 8:
			err = b.readSum(ctx, conn, node)
			b.outcome("read", err)
		default:
			err = b.readInTxn(ctx, conn, node)
			b.outcome("read in txn", err)
		}
		return err
	})
}

func (b *bankWorkload) outcome(label string, err error) {
	if err == nil {
		b.count(label + " ok")
	} else {
		b.count(label + " failed")
	}
}

func (b *bankWorkload) transfer(ctx context.Context, conn *pgx.Conn, rng *rand.Rand) error {
	from, to := rng.IntN(b.accounts), rng.IntN(b.accounts-1)
	if to >= from {
		to++
	}
	amount := int64(1 + rng.IntN(20))
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	var balance int64
	if err := tx.QueryRow(ctx, "SELECT balance FROM bank WHERE id = $1", from).Scan(&balance); err != nil {
		return err
	}
	if balance < amount {
		return tx.Commit(ctx)
	}
	if _, err := tx.Exec(ctx, "UPDATE bank SET balance = balance - $2 WHERE id = $1", from, amount); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE bank SET balance = balance + $2 WHERE id = $1", to, amount); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func (b *bankWorkload) readSum(ctx context.Context, conn *pgx.Conn, node string) error {
	var sum, n, low int64
	if err := conn.QueryRow(ctx, "SELECT sum(balance), count(*), min(balance) FROM bank").Scan(&sum, &n, &low); err != nil {
		return err
	}
	if sum != b.total() || n != int64(b.accounts) || low < 0 {
		b.violation("%s: SELECT sum, count, min = %d, %d, %d; want %d, %d, >= 0", node, sum, n, low, b.total(), b.accounts)
	}
	return nil
}

func (b *bankWorkload) readInTxn(ctx context.Context, conn *pgx.Conn, node string) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	rows, err := tx.Query(ctx, "SELECT id, balance FROM bank ORDER BY id")
	if err != nil {
		return err
	}
	balances, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (int64, error) {
		var id, bal int64
		err := r.Scan(&id, &bal)
		return bal, err
	})
	if err != nil {
		return err
	}
	var sum int64
	for _, bal := range balances {
		sum += bal
		if bal < 0 {
			b.violation("%s: negative balance in %v", node, balances)
		}
	}
	if sum != b.total() || len(balances) != b.accounts {
		b.violation("%s: balances %v in a transaction: total %d, want %d over %d accounts", node, balances, sum, b.total(), b.accounts)
	}
	return tx.Commit(ctx)
}
