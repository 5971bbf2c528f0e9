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
