package main

import (
	"fmt"
	"io"

	"github.com/raftsql/raftsql/raft"
)

// event is one trace record. Message events are stored as plain fields and
// formatted only when a trace is printed.
type event struct {
	step int
	msg  bool
	what string // non-message events; for messages: "deliver", "drop", ...

	typ                                    raft.MessageType
	from, to, term, logTerm, index, commit uint64
	nents                                  int
	reject                                 bool
}

func (e event) String() string {
	if !e.msg {
		return fmt.Sprintf("[%5d] %s", e.step, e.what)
	}
	s := fmt.Sprintf("[%5d] %-7s %d->%d %s term=%d logterm=%d index=%d commit=%d ents=%d",
		e.step, e.what, e.from, e.to, e.typ, e.term, e.logTerm, e.index, e.commit, e.nents)
	if e.reject {
		s += " REJECT"
	}
	return s
}

// tracer keeps the last events in a ring, a digest of all of them (same
// seed => same digest), and optionally streams them.
type tracer struct {
	ring   []event
	next   int
	full   bool
	digest uint64
	out    io.Writer
}

func newTracer(n int, out io.Writer) *tracer {
	if n <= 0 {
		n = 40
	}
	return &tracer{ring: make([]event, n), digest: 14695981039346656037, out: out}
}

func (t *tracer) mix(x uint64) {
	t.digest ^= x
	t.digest *= 1099511628211
}

func (t *tracer) add(e event) {
	t.mix(uint64(e.step))
	if e.msg {
		t.mix(uint64(e.typ)<<56 ^ e.from<<40 ^ e.to<<32 ^ uint64(e.nents))
		t.mix(e.term ^ e.index<<20 ^ e.commit<<40 ^ e.logTerm<<10)
		if e.reject {
			t.mix(1)
		}
	}
	for i := 0; i < len(e.what); i++ {
		t.mix(uint64(e.what[i]))
	}
	if t.out != nil {
		fmt.Fprintln(t.out, e.String())
	}
	t.ring[t.next] = e
	t.next++
	if t.next == len(t.ring) {
		t.next = 0
		t.full = true
	}
}

func (t *tracer) lines() []string {
	var out []string
	if t.full {
		for _, e := range t.ring[t.next:] {
			out = append(out, e.String())
		}
	}
	for _, e := range t.ring[:t.next] {
		out = append(out, e.String())
	}
	return out
}
