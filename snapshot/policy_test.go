package snapshot

import "testing"

func TestPolicy(t *testing.T) {
	var p Policy
	if p.Due(DefaultEntries-1, DefaultLogBytes-1) || !p.Due(DefaultEntries, 0) || !p.Due(0, DefaultLogBytes) {
		t.Fatal("default thresholds")
	}
	p = Policy{Entries: 10, LogBytes: 100, Tail: 5}
	if p.Due(9, 99) || !p.Due(10, 0) || !p.Due(1, 100) {
		t.Fatal("custom thresholds")
	}
	for _, c := range []struct{ index, want uint64 }{{0, 0}, {5, 0}, {6, 1}, {100, 95}} {
		if got := p.CompactTo(c.index); got != c.want {
			t.Errorf("CompactTo(%d) = %d, want %d", c.index, got, c.want)
		}
	}
	if got := (Policy{}).CompactTo(DefaultTail + 7); got != 7 {
		t.Errorf("default tail: CompactTo = %d", got)
	}
}

func TestPolicyCompactHolding(t *testing.T) {
	p := Policy{Entries: 100, Tail: 10}
	for _, c := range []struct{ index, floor, want uint64 }{
		{500, 495, 490},   // the floor is above the tail: no hold
		{500, 450, 450},   // held at the floor
		{500, 390, 390},   // one interval below: still held
		{500, 100, 390},   // further: the hold is capped at one interval
		{50, 20, 20},      // held
		{5, 0, 0},         // nothing to compact
		{500, 0, 390},     // a hold at 0 is capped too
		{1000, 1000, 990}, // a transfer of the newest holds nothing
	} {
		if got := p.CompactHolding(c.index, c.floor); got != c.want {
			t.Errorf("CompactHolding(%d, %d) = %d, want %d", c.index, c.floor, got, c.want)
		}
	}
}
