package sqlexec

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// fakeClock is an injected wall clock that moves only when told to, so
// that tests make time pass without sleeping.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Unix(1800000000, 0)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// openTestClock is openTest with an injected clock.
func openTestClock(t testing.TB, dir string, clock *fakeClock) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(dir, "state.db"), Options{ReadConns: 2, Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// newClockEngine is newTestEngine with an injected clock.
func newClockEngine(t *testing.T, clock *fakeClock) (*Engine, *fakeReplicator) {
	db := openTestClock(t, t.TempDir(), clock)
	t.Cleanup(func() { db.Close() })
	f := &fakeReplicator{db: db}
	return NewEngine(db, f, EngineOptions{}), f
}
