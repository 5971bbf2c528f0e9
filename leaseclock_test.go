package raftsql

import (
	"testing"
	"time"
)

// The lease clock gives every elapsed tick interval, so a leader that was
// paused sees its lease expire, and caps a long pause's catch-up.
func TestTickClockCountsElapsedIntervals(t *testing.T) {
	t0 := time.Unix(1000, 0)
	c := newTickClock(15*time.Millisecond, 10, t0)
	for _, step := range []struct {
		at   time.Duration
		want int
	}{
		{10 * time.Millisecond, 0},
		{15 * time.Millisecond, 1},
		{29 * time.Millisecond, 0},
		{76 * time.Millisecond, 4}, // 30, 45, 60, 75
		{90 * time.Millisecond, 1},
		{90*time.Millisecond + 10*time.Second, 20}, // a pause: capped at two election timeouts
		{90*time.Millisecond + 10*time.Second + 14*time.Millisecond, 0},
		{90*time.Millisecond + 10*time.Second + 15*time.Millisecond, 1},
	} {
		if got := c.due(t0.Add(step.at)); got != step.want {
			t.Fatalf("at %v: %d ticks due, want %d", step.at, got, step.want)
		}
	}
}
