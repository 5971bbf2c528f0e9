package sqlexec

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Advisory locks, replicated through the log.
//
// pg_advisory_lock and its family must exclude sessions on every node, so
// the lock table is replicated state: raftsql_advisory_locks, one row per
// held key with its holder (a session's cluster-unique id), a count (the
// session level locks stack as in PostgreSQL) and an expiry. Every lock
// operation is a log entry (flag CmdAdvisory) whose statements are
// operations, not SQL: applyAdvisory runs them in Go at apply, against the
// table, with the entry's pinned time, so every node decides the same way
// and the table is in snapshots like any other state. The outcome travels
// in the command tag ("ADVISORY 1" granted, "ADVISORY 0" not), which the
// request-id dedupe keeps, so a re-proposed entry reports the same answer.
//
// Leases: a holder's rows expire at the pinned time of the entry that took
// or renewed them plus the lease; an expired row no longer excludes
// anyone. The engine renews the rows of every holder of this node every
// lease/3 (one entry per holder), so a lock outlives its session only when
// the session's node is gone, and then by at most the lease (plus the
// clock skew between proposers, whose wall clocks pin entry times). A
// session that finds at a renewal that it lost a lock (its node was cut
// off for longer than the lease) is ended with a FATAL error rather than
// let it believe it still holds the lock.
//
// Blocking pg_advisory_lock retries pg_try_advisory_lock with a backoff
// (5 ms doubling to 200 ms) until granted, the statement is cancelled or
// its statement_timeout passes. Transaction-level locks are held by the
// session's transaction holder ("<id>/x") and released when the
// transaction (or, outside a block, the statement) ends. A session's locks
// are released when it closes.

// DefaultAdvisoryLease is how long a lock survives its node without
// renewal.
const DefaultAdvisoryLease = 15 * time.Second

const advisoryTable = `CREATE TABLE IF NOT EXISTS raftsql_advisory_locks(space INTEGER NOT NULL, key INTEGER NOT NULL,
 holder TEXT NOT NULL, n INTEGER NOT NULL, expires INTEGER NOT NULL, PRIMARY KEY (space, key)) WITHOUT ROWID`

// Advisory operations (Statement.SQL of a CmdAdvisory entry). Args:
// try/unlock: holder, space, key, lease µs; unlock_all: holder;
// renew: holder, lease µs.
const (
	advTry       = "try"
	advUnlock    = "unlock"
	advUnlockAll = "unlock_all"
	advRenew     = "renew"
)

// applyAdvisory runs the operations of a CmdAdvisory entry at apply.
func applyAdvisory(w *lconn, cmd *Command) ([]StatementResult, error) {
	if err := w.exec(advisoryTable); err != nil {
		return nil, err
	}
	now := cmd.Timestamp
	out := make([]StatementResult, 0, len(cmd.Statements))
	for k, s := range cmd.Statements {
		n, err := advisoryOp(w, now, s)
		if err != nil {
			e := errf(CodeInternal, "advisory lock operation %q: %v", s.SQL, err)
			e.Statement = k
			return out, e
		}
		out = append(out, StatementResult{Tag: "ADVISORY " + strconv.FormatInt(n, 10), RowsAffected: n})
	}
	return out, nil
}

func advisoryOp(w *lconn, now int64, s Statement) (int64, error) {
	arg := func(i int) any {
		if i < len(s.Args) {
			return s.Args[i]
		}
		return nil
	}
	switch s.SQL {
	case advTry:
		holder, space, key, lease := arg(0), arg(1), arg(2), arg(3)
		if err := execArgs(w, "DELETE FROM raftsql_advisory_locks WHERE space = ? AND key = ? AND expires < ?", space, key, now); err != nil {
			return 0, err
		}
		return execChanges(w, `INSERT INTO raftsql_advisory_locks(space, key, holder, n, expires) VALUES (?1, ?2, ?3, 1, ?4 + ?5)
			ON CONFLICT (space, key) DO UPDATE SET n = n + 1, expires = ?4 + ?5 WHERE holder = ?3`, space, key, holder, now, lease)
	case advUnlock:
		holder, space, key := arg(0), arg(1), arg(2)
		if c, err := execChanges(w, "DELETE FROM raftsql_advisory_locks WHERE space = ? AND key = ? AND holder = ? AND n = 1", space, key, holder); err != nil || c > 0 {
			return c, err
		}
		return execChanges(w, "UPDATE raftsql_advisory_locks SET n = n - 1 WHERE space = ? AND key = ? AND holder = ?", space, key, holder)
	case advUnlockAll:
		return execChanges(w, "DELETE FROM raftsql_advisory_locks WHERE holder = ?", arg(0))
	case advRenew:
		return execChanges(w, "UPDATE raftsql_advisory_locks SET expires = ?2 + ?3 WHERE holder = ?1 AND expires >= ?2", arg(0), now, arg(1))
	}
	return 0, fmt.Errorf("unknown operation")
}

// execChanges runs an internal statement and returns the rows it changed.
func execChanges(c *lconn, sqlText string, args ...any) (int64, error) {
	st, _, err := c.prepareCached(sqlText)
	if err != nil {
		return 0, err
	}
	defer st.release()
	return st.run(args, nil)
}

// advKey is a lock key: space 1 is the bigint key, space 2 the pair of
// integer keys (k1<<32 | k2), as PostgreSQL keeps them apart.
type advKey struct{ space, key int64 }

// advisoryLocks is the engine's record of the locks its sessions hold,
// for renewal.
type advisoryLocks struct {
	mu       sync.Mutex
	held     map[string]map[advKey]int // holder -> key -> count
	lost     map[string]bool
	renewing bool
}

func (a *advisoryLocks) note(holder string, k advKey, delta int) (start bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.held == nil {
		a.held, a.lost = map[string]map[advKey]int{}, map[string]bool{}
	}
	m := a.held[holder]
	if m == nil {
		m = map[advKey]int{}
		a.held[holder] = m
	}
	m[k] += delta
	if m[k] <= 0 {
		delete(m, k)
	}
	if len(m) == 0 {
		delete(a.held, holder)
	}
	if len(a.held) > 0 && !a.renewing {
		a.renewing = true
		return true
	}
	return false
}

func (a *advisoryLocks) forget(holder string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.held, holder)
	delete(a.lost, holder)
}

func (a *advisoryLocks) holds(holder string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.held[holder]) > 0
}

func (a *advisoryLocks) isLost(holder string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.lost[holder]
}

func (e *Engine) advisoryLease() time.Duration {
	if e.opts.AdvisoryLease > 0 {
		return e.opts.AdvisoryLease
	}
	return DefaultAdvisoryLease
}

// proposeAdvisory runs advisory operations through the log and returns
// the count each reported.
func (e *Engine) proposeAdvisory(ctx context.Context, stmts ...Statement) ([]int64, error) {
	cmd := e.newCommand(stmts)
	cmd.Flags = CmdAdvisory
	res, err := e.r.Propose(ctx, cmd)
	if err != nil {
		return nil, err
	}
	if res.Err != nil {
		return nil, res.Err
	}
	out := make([]int64, len(stmts))
	for i := range out {
		if i < len(res.Results) {
			out[i], _ = strconv.ParseInt(strings.TrimPrefix(res.Results[i].Tag, "ADVISORY "), 10, 64)
		}
	}
	return out, nil
}

// renewLoop renews the leases of this engine's holders until none holds
// a lock.
func (e *Engine) renewLoop() {
	lease := e.advisoryLease()
	t := time.NewTicker(lease / 3)
	defer t.Stop()
	for range t.C {
		e.adv.mu.Lock()
		if len(e.adv.held) == 0 {
			e.adv.renewing = false
			e.adv.mu.Unlock()
			return
		}
		want := map[string]int{}
		for h, m := range e.adv.held {
			want[h] = len(m)
		}
		e.adv.mu.Unlock()
		for h, n := range want {
			ctx, cancel := context.WithTimeout(context.Background(), lease/3)
			got, err := e.proposeAdvisory(ctx, Statement{SQL: advRenew, Args: []any{h, lease.Microseconds()}})
			cancel()
			if err != nil {
				e.log.Warn("sqlexec: advisory lock lease not renewed", "holder", h, "err", err)
				continue
			}
			if got[0] < int64(n) {
				e.log.Error("sqlexec: a session lost advisory locks (lease expired); it will be ended", "holder", h, "held", got[0], "want", n)
				e.adv.mu.Lock()
				e.adv.lost[h] = true
				e.adv.mu.Unlock()
			}
		}
	}
}

// advisoryHolder is the session's cluster-unique lock holder id (xact:
// its transaction-level holder).
func (s *Session) advisoryHolder(xact bool) string {
	if s.advID == "" {
		id := s.e.newRequestID()
		s.advID = hex.EncodeToString(id[:])
	}
	if xact {
		return s.advID + "/x"
	}
	return s.advID
}

// advisoryLost is the FATAL error of a session that lost a lock.
func (s *Session) advisoryLost() error {
	if s.advID == "" || (!s.e.adv.isLost(s.advisoryHolder(false)) && !s.e.adv.isLost(s.advisoryHolder(true))) {
		return nil
	}
	return &Error{Code: "55P03", Sev: "FATAL", Statement: -1,
		Message: "terminating connection: this session's advisory lock lease expired and the lock may be held by another session"}
}

// releaseAdvisory releases every lock of one of the session's holders.
func (s *Session) releaseAdvisory(ctx context.Context, xact bool) {
	if s.advID == "" {
		return
	}
	h := s.advisoryHolder(xact)
	if !s.e.adv.holds(h) {
		return
	}
	if _, err := s.e.proposeAdvisory(ctx, Statement{SQL: advUnlockAll, Args: []any{h}}); err != nil {
		s.e.log.Warn("sqlexec: advisory locks not released; they expire with their lease", "err", err)
	}
	s.e.adv.forget(h)
}

// runAdvisory runs one advisory lock call (pgdialect.ParseAdvisory).
func (s *Session) runAdvisory(ctx context.Context, call *pgdialect.AdvisoryCall, args []any, w pgwire.ResultWriter, describe bool) error {
	keys := make([]int64, len(call.Args))
	for i, a := range call.Args {
		v := a.Value
		if a.Param > 0 {
			if a.Param > len(args) {
				return errf(CodeProtocolViolation, "bind message supplies %d parameters, but the statement requires %d", len(args), a.Param)
			}
			if args[a.Param-1] == nil {
				// The functions are strict: a NULL key locks nothing.
				return s.advisoryResult(call, pgoid.Bool, nil, w, describe)
			}
			var err error
			if v, err = advisoryInt(args[a.Param-1]); err != nil {
				return err
			}
		}
		if len(call.Args) == 2 && (v < -1<<31 || v > 1<<31-1) {
			return errf(CodeNumericOutOfRange, "integer out of range")
		}
		keys[i] = v
	}
	k := advKey{space: 1}
	switch len(keys) {
	case 1:
		k.key = keys[0]
	case 2:
		k = advKey{space: 2, key: keys[0]<<32 | int64(uint32(keys[1]))}
	}
	xact := strings.Contains(call.Func, "xact")
	holder := s.advisoryHolder(xact)
	lease := s.e.advisoryLease().Microseconds()
	var result any
	oid := pgoid.Bool
	switch call.Func {
	case "pg_advisory_lock", "pg_advisory_xact_lock":
		oid, result = pgoid.Text, "" // void
		if d := s.statementTimeout(); d > 0 {
			// (outside a transaction statementContext leaves the
			// timeout to SQLite's progress handler; this wait is ours)
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
		}
		for backoff := 5 * time.Millisecond; ; backoff = min(2*backoff, 200*time.Millisecond) {
			got, err := s.e.proposeAdvisory(ctx, Statement{SQL: advTry, Args: []any{holder, k.space, k.key, lease}})
			if err != nil {
				return err
			}
			if got[0] > 0 {
				break
			}
			t := time.NewTimer(backoff)
			select {
			case <-ctx.Done():
				t.Stop()
				return cancelError(ctx.Err())
			case <-t.C:
			}
		}
		if s.e.adv.note(holder, k, 1) {
			go s.e.renewLoop()
		}
	case "pg_try_advisory_lock", "pg_try_advisory_xact_lock":
		got, err := s.e.proposeAdvisory(ctx, Statement{SQL: advTry, Args: []any{holder, k.space, k.key, lease}})
		if err != nil {
			return err
		}
		result = got[0] > 0
		if got[0] > 0 && s.e.adv.note(holder, k, 1) {
			go s.e.renewLoop()
		}
	case "pg_advisory_unlock":
		got, err := s.e.proposeAdvisory(ctx, Statement{SQL: advUnlock, Args: []any{holder, k.space, k.key}})
		if err != nil {
			return err
		}
		result = got[0] > 0
		if got[0] > 0 {
			s.e.adv.note(holder, k, -1)
		} else {
			_ = w.Notice("WARNING", "01000", "you don't own a lock of type ExclusiveLock")
		}
	case "pg_advisory_unlock_all":
		oid, result = pgoid.Text, ""
		s.releaseAdvisory(ctx, false)
	}
	if xact && s.tx == nil {
		// Outside a transaction block the statement is the transaction.
		s.releaseAdvisory(ctx, true)
	}
	return s.advisoryResult(call, oid, result, w, describe)
}

// advisoryResult writes the one-row result of an advisory lock call.
func (s *Session) advisoryResult(call *pgdialect.AdvisoryCall, oid uint32, result any, w pgwire.ResultWriter, describe bool) error {
	if describe {
		if err := w.Describe([]pgwire.Column{{Name: call.Column, TypeOID: oid, TypeSize: pgoid.Size(oid), TypeModifier: -1}}); err != nil {
			return err
		}
	}
	if err := w.Row([]any{result}); err != nil {
		return err
	}
	return w.Complete("SELECT 1")
}

// advisoryInt reads a bound key argument (bigint, or its text form).
func advisoryInt(v any) (int64, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case int32:
		return int64(x), nil
	case int:
		return int64(x), nil
	case float64:
		if x == float64(int64(x)) {
			return int64(x), nil
		}
	case string:
		if n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64); err == nil {
			return n, nil
		}
		return 0, errf(CodeInvalidTextRepresentation, "invalid input syntax for type bigint: %q", x)
	case []byte:
		return advisoryInt(string(x))
	}
	return 0, errf(CodeInvalidTextRepresentation, "invalid input syntax for type bigint: %v", v)
}
