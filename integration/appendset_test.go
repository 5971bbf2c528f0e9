package integration

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// appendSetWorkload inserts unique ids into a table with no key, so that
// an entry applied twice would show as a duplicate row. At the end, on
// every node: every acknowledged id is present, nothing is present that
// was never attempted, nothing is present twice.
type appendSetWorkload struct {
	opTimeout time.Duration

	next      atomic.Int64
	mu        sync.Mutex
	attempted map[int64]bool
	acked     map[int64]bool
	counts    map[string]int
}

func (a *appendSetWorkload) setup(ctx context.Context, url string) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, "CREATE TABLE aset (id BIGINT NOT NULL, node TEXT)")
	return err
}

func (a *appendSetWorkload) client(ctx context.Context, node, url string) {
	runClient(ctx, url, a.opTimeout, nil, func(ctx context.Context, conn *pgx.Conn) error {
		id := a.next.Add(1)
		a.mu.Lock()
		a.attempted[id] = true
		a.mu.Unlock()
		_, err := conn.Exec(ctx, "INSERT INTO aset VALUES ($1, $2)", id, node)
		a.mu.Lock()
		defer a.mu.Unlock()
		switch classify(err) {
		case outcomeOK:
			a.acked[id] = true
			a.counts["insert ok"]++
		case outcomeFailed:
			// Definitely not applied: it must not be present either.
			delete(a.attempted, id)
			a.counts["insert failed"]++
		default:
			a.counts["insert unknown"]++
		}
		return err
	})
}

// check reads the set on one node (a linearizable read, so after the
// faults healed it sees every committed insert) and returns what is wrong.
func (a *appendSetWorkload) check(ctx context.Context, node, url string) ([]string, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.Background())
	rows, err := conn.Query(ctx, "SELECT id FROM aset")
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	seen := map[int64]int{}
	var problems []string
	for _, id := range ids {
		seen[id]++
		if seen[id] == 2 {
			problems = append(problems, fmt.Sprintf("%s: id %d present twice or more", node, id))
		}
		if !a.attempted[id] {
			problems = append(problems, fmt.Sprintf("%s: id %d present but never attempted (or refused as not applied)", node, id))
		}
	}
	var lost []int64
	for id := range a.acked {
		if seen[id] == 0 {
			lost = append(lost, id)
		}
	}
	sort.Slice(lost, func(i, j int) bool { return lost[i] < lost[j] })
	if len(lost) > 0 {
		problems = append(problems, fmt.Sprintf("%s: %d acknowledged ids lost: %v", node, len(lost), lost))
	}
	a.counts["rows at end ("+node+")"] = len(ids)
	return problems, nil
}
