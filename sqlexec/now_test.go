package sqlexec

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// tickingClock moves one microsecond at every reading, so a value read
// twice differs unless something pinned it.
type tickingClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *tickingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Microsecond)
	return c.now
}

// now() and CURRENT_TIMESTAMP keep PostgreSQL's microseconds (they had
// whole seconds), in a write (the entry's pinned time, a DEFAULT too) and
// in a read, where they are the statement's start for every row and call.
func TestNowMicroseconds(t *testing.T) {
	clock := &tickingClock{now: time.Unix(1800000000, 123450000)}
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), Options{ReadConns: 2, Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := NewEngine(db, &fakeReplicator{db: db}, EngineOptions{})
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE ev(id int PRIMARY KEY, at timestamptz DEFAULT now(), ts timestamptz)", "")
	mustQ(t, s, "INSERT INTO ev(id, ts) VALUES (1, CURRENT_TIMESTAMP), (2, now())", "")
	// one entry: one pinned time for both rows, its default and its now()
	mustQ(t, s, "SELECT count(DISTINCT at), count(DISTINCT ts), min(at) = min(ts) FROM ev", "D[count:20,count:20,?column?:16] R[1 1 true] C:SELECT 1")
	got, err := q(t, s, "SELECT extract(microseconds FROM at)::int % 1000000 > 0 AS frac, at::text ~ '^2027-01-15 08:00:00\\.1234[0-9]+\\+00$' AS shape FROM ev WHERE id = 1")
	if err != nil || got != "D[frac:16,shape:16] R[true true] C:SELECT 1" {
		t.Fatalf("the stored now(): %s %v", got, err)
	}
	mustQ(t, s, "SELECT count(DISTINCT now()), count(DISTINCT CURRENT_TIMESTAMP), min(now()) = max(CURRENT_TIMESTAMP) FROM generate_series(1, 500)",
		"D[count:20,count:20,?column?:16] R[1 1 true] C:SELECT 1")
	got, err = q(t, s, "SELECT now()::text ~ '^2027-01-15 08:00:00\\.1234[0-9]+\\+00$', now() > (SELECT max(at) FROM ev)")
	if err != nil || got != "D[?column?:16,?column?:16] R[true true] C:SELECT 1" {
		t.Fatalf("a read's now(): %s %v", got, err)
	}
}
