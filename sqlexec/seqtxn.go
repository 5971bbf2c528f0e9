package sqlexec

// nextval inside explicit transactions, as PostgreSQL has it: a value once
// handed out is never given back (not by ROLLBACK either) and never makes
// two transactions conflict.
//
// A transaction's statements run speculatively (txn.go) and are replayed
// in its COMMIT entry, where a nextval would otherwise draw again and,
// after a concurrent draw, return another value than the client saw (the
// digest check would answer 40001). So the values the transaction draws
// are reserved through the log before the client sees them: after a
// speculation that drew values from a sequence (seqSession.drawn), the
// session proposes an entry of its own calling pg_seq_reserve(s, n),
// which advances the sequence by n at its place in the log, and records
// the values in txn.pins; if they are not the ones the speculation drew
// (another session drew in between), the statements run again with them.
// Every later speculation and the COMMIT entry (Command.Sequences, Pin)
// give each nextval its pinned value, in order, without touching the
// sequence. A rolled-back transaction leaves a gap, as in PostgreSQL; the
// reservation also advances the session's currval/lastval at once (they
// are not transactional in PostgreSQL either).
//
// setval and the sequence DDL stay transactional (applied at COMMIT).
// Once a transaction's setval or ALTER SEQUENCE changed a sequence, its
// later nextval calls must follow that change, as in PostgreSQL (setval
// 50 then nextval is 51): reserved values would come from the sequence
// as the log has it. So from then on the sequence is the transaction's
// own, like one it created (tx.ownSeqs): its draws are not reserved, and
// the replay at COMMIT, which runs the setval first, draws the same
// values. (A nextval of the same statement before its setval is then not
// reserved either: if another session drew meanwhile, COMMIT's replay
// differs and fails with 40001, never with other values.)

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"modernc.org/libc"
)

// maxReserveRounds bounds the speculations of one statement that keep
// drawing values beyond those reserved (each round reserves what the
// previous one drew).
const maxReserveRounds = 4

// takePin serves a nextval of name from the transaction's pinned values.
func (q *seqSession) takePin(name string) (int64, bool) {
	p := q.Pin[name]
	if len(p) == 0 {
		return 0, false
	}
	v := p[0]
	q.Pin[name] = p[1:]
	q.Cur[name] = v
	q.Last = name
	return v, true
}

// bindPins gives a speculation or the COMMIT entry the transaction's
// reserved values, each sequence's in drawing order.
func (d *detState) bindPins(pins map[string][]int64) {
	if len(pins) == 0 {
		return
	}
	d.seq.Pin = make(map[string][]int64, len(pins))
	for k, v := range pins {
		d.seq.Pin[k] = append([]int64(nil), v...)
	}
}

// markSet records that the run changed sequence name (setval, ALTER
// SEQUENCE).
func (q *seqSession) markSet(name string) {
	if q == nil {
		return
	}
	if q.set == nil {
		q.set = map[string]bool{}
	}
	q.set[name] = true
}

// takeSet returns (and clears) the sequences the run changed.
func (d *detState) takeSet() map[string]bool {
	if d.seq == nil {
		return nil
	}
	m := d.seq.set
	d.seq.set = nil
	return m
}

// ownSet makes the sequences a speculation changed the transaction's own.
func (tx *txn) ownSet(set map[string]bool) {
	for n := range set {
		if tx.ownSeqs == nil {
			tx.ownSeqs = map[string]bool{}
		}
		tx.ownSeqs[n] = true
	}
}

// takeDrawn returns (and clears) the nextval calls not served by pins.
func (d *detState) takeDrawn() map[string]int {
	if d.seq == nil {
		return nil
	}
	m := d.seq.drawn
	d.seq.drawn = nil
	return m
}

// txnSequences is Command.Sequences of tx's COMMIT entry: the session's
// history with the transaction's pinned values.
func (s *Session) txnSequences(tx *txn) string {
	q := decodeSeqSession(s.seqState)
	q.Pin = tx.pins
	return q.encode()
}

// reserve draws, in an entry of its own per sequence, the values a
// speculation of tx drew unpinned, and pins them. A sequence that does not
// exist outside the transaction (it created it) is the transaction's own:
// no other session can draw from it, so the replay at COMMIT draws the
// same values; it is left unpinned (tx.ownSeqs).
func (s *Session) reserve(ctx context.Context, tx *txn, drawn map[string]int) error {
	names := make([]string, 0, len(drawn))
	for n := range drawn {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		cmd := s.e.newCommand([]Statement{{SQL: "SELECT pg_seq_reserve(?1, ?2)", Args: []any{n, int64(drawn[n])}}})
		cmd.Database, cmd.User = s.names()
		res, err := s.propose(ctx, cmd)
		if err == nil && (len(res.Results) != 1 || len(res.Results[0].Rows) != 1 || len(res.Results[0].Rows[0]) != 1) {
			err = errf(CodeInternal, "pg_seq_reserve: no result")
			if len(res.Results) == 1 && res.Results[0].Err != nil {
				err = res.Results[0].Err
			}
		}
		var e *Error
		if errors.As(err, &e) && e.Code == CodeUndefinedTable {
			if tx.ownSeqs == nil {
				tx.ownSeqs = map[string]bool{}
			}
			tx.ownSeqs[n] = true
			continue
		}
		if err != nil {
			return err
		}
		var vals []int64
		text := fmt.Sprint(res.Results[0].Rows[0][0])
		if b, ok := res.Results[0].Rows[0][0].([]byte); ok {
			text = string(b)
		}
		if err := json.Unmarshal([]byte(text), &vals); err != nil {
			return fmt.Errorf("pg_seq_reserve: %w", err)
		}
		if tx.pins == nil {
			tx.pins = map[string][]int64{}
		}
		tx.pins[n] = append(tx.pins[n], vals...)
	}
	return nil
}

// unreserved is drawn without the transaction's own sequences.
func (tx *txn) unreserved(drawn map[string]int) map[string]int {
	for n := range drawn {
		if tx.ownSeqs[n] {
			delete(drawn, n)
		}
	}
	return drawn
}

// fnSeqReserve(name, n) draws n values of the sequence and returns them
// as a JSON array.
func fnSeqReserve(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_seq_reserve", func(c *lconn, d *detState) (any, error) {
		name, _ := argValue(tls, argv, 0).(string)
		n, _ := argValue(tls, argv, 1).(int64)
		if n < 1 {
			return nil, &Error{Code: CodeInvalidParameter, Message: "pg_seq_reserve: count must be positive"}
		}
		out, err := drawSequence(c, name, n) // sequences.go
		if err != nil {
			return nil, err
		}
		d.seq.Cur[name] = out[len(out)-1]
		d.seq.Last = name
		b, err := json.Marshal(out)
		return string(b), err
	})
}

// isRollbackTo reports the ROLLBACK TO statement of a recorded savepoint
// (txn.go savepoint).
func isRollbackTo(sqlText string) bool {
	return len(sqlText) > 12 && strings.EqualFold(sqlText[:12], "ROLLBACK TO ")
}

// keepDrawsPastRollback runs after a transaction's ROLLBACK TO. SQLite
// undid every change since the savepoint, the nextval calls' too, but
// PostgreSQL never gives a drawn value back: after SAVEPOINT a; nextval
// (12); ROLLBACK TO a, nextval is 13. Reserved values never touch the
// sequence; the values drawn from the transaction's own sequences (made
// or set by it, tx.ownSeqs) do, so each sequence the run drew from
// unpinned (seqSession.kept) is advanced again to its last drawn value,
// unless the rollback left it beyond that value (an ALTER SEQUENCE
// RESTART undone: the state before it is PostgreSQL's). The replay at
// COMMIT runs the same statements and does the same.
func (d *detState) keepDrawsPastRollback(c *lconn) error {
	if d.seq == nil || len(d.seq.kept) == 0 {
		return nil
	}
	for _, name := range d.keptNames() {
		err := stateRun(c, `UPDATE raftsql_sequences SET last = ?2, called = 1 WHERE name = ?1
 AND (cycle != 0 OR called = 0 OR (inc > 0 AND last < ?2) OR (inc < 0 AND last > ?2))`, name, d.seq.kept[name])
		if err != nil {
			return err
		}
	}
	return nil
}
