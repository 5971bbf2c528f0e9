package sqlexec

import (
	"context"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Explicit transactions, optimistic: reads come from the transaction's
// read view until it first writes; writes run speculatively on the local
// apply state; COMMIT proposes every statement as one log entry, with the
// digest of what the client saw, and the apply fails it with 40001 when
// that no longer holds.

type txn struct {
	stmts    []Statement
	bytes    int
	readOnly bool // BEGIN READ ONLY
	wrote    bool // some statement is not read-only
	// locked: a statement read with a row-locking clause (FOR UPDATE ...):
	// COMMIT validates the transaction even if it wrote nothing, so the
	// rows it "locked" are the rows at its commit's place in the log.
	locked     bool
	failed     bool
	ts         int64
	seed       uint64
	dg         *digester
	savepoints []string
	// spSettings[i]: the session settings when savepoints[i] was set
	// (ROLLBACK TO restores them, as PostgreSQL does).
	spSettings []map[string]string
	barrier    bool               // read barrier done
	localSaved map[string]*string // settings before SET LOCAL (nil = unset)
	lastActive time.Time
	// view: the consistent read view the transaction reads until it first
	// writes (nil until its first statement).
	view *readView
	// spec: the transaction has written; its statements run speculatively
	// on the latest applied state (replaying the earlier ones).
	spec bool
	// unsettled: indexes in stmts of streamed reads whose results are not
	// yet in dg (txstream.go).
	unsettled []int
	// implicit: an implicit transaction of an extended-protocol pipeline
	// (committed at Sync).
	implicit bool
	// doomed: a statement found that what the client saw earlier no
	// longer holds; COMMIT fails with 40001.
	doomed bool
	// settingsAtStart: the session settings when the transaction began;
	// a rollback restores them (SET is transactional in PostgreSQL).
	settingsAtStart map[string]string
	// listens: the transaction's LISTEN/UNLISTEN, carried out at COMMIT
	// (notify.go); spListens[i] is len(listens) when savepoints[i] was set.
	listens   []listenOp
	spListens []int
	// pins: the values reserved for the transaction's nextval calls,
	// per sequence in drawing order (seqtxn.go).
	pins map[string][]int64
	// ownSeqs: sequences the transaction created itself (no reservation).
	ownSeqs map[string]bool
	// zone: the TimeZone its statements ran in (zoneName), taken when it
	// ends, before SET LOCAL is undone: its entry applies in that zone.
	zone string
	// schemaChanged: a statement other than a read or a write of rows
	// ran (CREATE, ALTER, DROP ...): the schema it sees may not be the
	// one a read connection shows (localSchema).
	schemaChanged bool
	// appended counts the statements ever added to stmts (add); a held
	// speculative state names the count it covers (keptspec.go).
	appended uint64
}

// add records a statement of the transaction.
func (tx *txn) add(st Statement) {
	tx.stmts = append(tx.stmts, st)
	tx.appended++
}

func (s *Session) failTx() {
	if s.tx != nil {
		s.tx.failed = true
	}
}

func (s *Session) newTxn(st *pgdialect.Stmt) *txn {
	tx := &txn{ts: s.e.now().UnixMicro(), seed: s.e.randUint64(), dg: newDigester(), lastActive: s.e.now(),
		settingsAtStart: copySettings(s.settings)}
	s.startTxModes(tx, st.TxModes) // txmodes.go
	return tx
}

// endTx ends the transaction, restoring settings changed by SET LOCAL.
// Its cursors end too, but those declared WITH HOLD (cursor.go).
func (s *Session) endTx() {
	if s.tx != nil {
		s.e.db.releaseSpec(s.tx) // keptspec.go
		s.endCursors(s.tx, true)
		if s.tx.view != nil {
			s.e.db.releaseReadView(s.tx.view)
			s.tx.view = nil
		}
		s.tx.zone = s.zoneName()
		s.restoreLocal(s.tx.localSaved) // setconfig.go
	}
	s.tx = nil
	s.syncTxModes()                               // txmodes.go
	s.releaseAdvisory(context.Background(), true) // transaction-level locks
}

// abortTx ends the transaction without committing it: whatever it wrote
// was never proposed, and the settings it changed are restored.
func (s *Session) abortTx() {
	tx := s.tx
	s.endCursors(tx, false)
	s.endTx()
	if tx != nil && tx.settingsAtStart != nil {
		s.restoreSettings(tx.settingsAtStart) // setconfig.go
	}
}

// onTxState runs fn on the state the session's statements see: the
// transaction's read view, its speculative state (the latest applied
// state with its statements replayed, rolled back after fn), or outside a
// transaction a read connection.
func (s *Session) onTxState(ctx context.Context, fn func(c *lconn) error) error {
	tx := s.tx
	switch {
	case tx != nil && !tx.spec && tx.view != nil:
		return s.e.db.withReadView(ctx, tx.view, func(c *lconn) error {
			defer s.bindConn(c)()
			return fn(c)
		})
	case tx != nil && tx.spec && len(tx.stmts) > 0:
		return s.withTxState(ctx, tx, fn) // keptspec.go
	}
	return s.e.db.withReader(ctx, fn)
}

// readSchema runs read on the schema the session sees: its transaction's
// own when the transaction changed it (its own CREATE TABLE, ALTER,
// CREATE VIEW), else the committed one. Every lookup that completes or
// checks a statement against the schema (the columns an INSERT without a
// column list fills, DEFAULTs, * lists, views) reads through it: a
// migration creates a table and fills it in one transaction.
func (s *Session) readSchema(ctx context.Context, read func(c *lconn) error) error {
	if s.tx != nil && s.tx.schemaChanged {
		return s.onTxState(ctx, read)
	}
	return s.e.db.withReader(ctx, func(c *lconn) error {
		c.syncSchema()
		return read(c)
	})
}

// speculate runs the transaction's recorded statements and then extra on
// the local apply state inside a transaction that is rolled back, returning
// the results of the extra statements that ran: all of them, or up to and
// including the first that failed (its result carries the error). err is
// set only when the transaction itself cannot go on (40001, or the node
// could not speculate), never for a statement's own error.
//
// The earlier statements are first checked to return what the client saw
// (validate.go: rows, tags and errors). When they do not: at the switch
// from the read view to speculation (switching) the statement fails at
// once with 40001, so the client never sees a write's result computed on a
// state other than the one its reads came from; later, the transaction is
// doomed: COMMIT answers 40001 with no log entry (the apply would fail the
// digest check anyway), whether or not anything remains to write.
func (s *Session) speculate(ctx context.Context, tx *txn, extra []Statement, switching bool) ([]StatementResult, []bool, error) {
	if !tx.barrier {
		if err := s.barrier(ctx); err != nil {
			return nil, nil, err
		}
		tx.barrier = true
	}
	for round := 0; ; round++ {
		results, ro, drawn, set, err := s.speculateOnce(ctx, tx, extra, switching)
		tx.ownSet(set) // seqtxn.go
		if err != nil || len(tx.unreserved(drawn)) == 0 {
			return results, ro, err
		}
		// nextval drew values the transaction has not reserved: reserve
		// them and run again with them (seqtxn.go).
		if round == maxReserveRounds {
			return nil, nil, rwConflict()
		}
		if err := s.reserve(ctx, tx, drawn); err != nil {
			return nil, nil, err
		}
	}
}

// speculateOnce is one run of speculate; drawn counts the nextval calls
// that no reserved value served.
func (s *Session) speculateOnce(ctx context.Context, tx *txn, extra []Statement, switching bool) ([]StatementResult, []bool, map[string]int, map[string]bool, error) {
	var results []StatementResult
	var ro []bool
	var outErr error
	var drawn map[string]int
	var set map[string]bool
	var doomed bool
	db, user := s.names()
	// The apply may preempt the speculation and run it again
	// (preempt.go): each run starts afresh, and only the last one's
	// results, outcome and drawn values are kept.
	err := s.e.db.withSpeculation(ctx, tx, func(c *lconn, det *detState) error {
		results, ro, outErr, drawn, doomed = nil, nil, nil, nil, false
		det.bindNames(db, user)
		det.bindZone(s.zone())
		det.bindSequences(s.seqState)
		det.bindPins(tx.pins)
		defer func() { drawn, set = det.takeDrawn(), det.takeSet() }()
		resumed, err := s.resumeTxState(c, det, tx) // keptspec.go
		if err != nil {
			return err
		}
		keep := false
		defer func() { s.leaveTxState(c, det, tx, keep, len(extra)) }()
		// A resumed state is the one the earlier statements ran on;
		// otherwise they are replayed and checked.
		if !resumed {
			if outErr, doomed = replayForSpeculation(c, det, tx, switching); outErr != nil {
				return nil
			}
		}
		for i, st := range extra {
			det.pin(tx.ts, tx.seed, len(tx.stmts)+i)
			c.forgetRefusal()
			r, readonly := runSQL(c, st.SQL, st.Args, st.Tag)
			if e := c.authRefusal(); r.Err != nil && e != nil {
				// The allow-list refused it while it compiled
				// (checkBeforeSpeculation left that to this compile):
				// refused before proposal, never recorded.
				results, ro, outErr = nil, nil, e
				return nil
			}
			results = append(results, r)
			ro = append(ro, readonly)
			if r.Err != nil {
				if !c.inTx() {
					// SQLite ended the whole transaction (ON CONFLICT
					// ROLLBACK, RAISE(ROLLBACK)): not a statement outcome
					// PostgreSQL has, and one no replay could continue
					// after; not recorded.
					results, ro = nil, nil
					outErr = Unsupported("a statement that rolls back the whole transaction (ON CONFLICT ROLLBACK, RAISE(ROLLBACK))")
				}
				return nil
			}
		}
		// Every statement ran well: the state is kept for the next one.
		keep = !doomed
		return nil
	})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if doomed {
		tx.doomed = true
	}
	if outErr != nil {
		drawn, set = nil, nil
	}
	return results, ro, drawn, set, outErr
}

// replayForSpeculation replays tx's recorded statements on the latest
// applied state for a speculation: if what they return differs from what
// the client saw, the client would see results from two different states.
// outErr ends the statement (40001 at the switch from the read view);
// doomed, the transaction (see speculate).
func replayForSpeculation(c *lconn, det *detState, tx *txn, switching bool) (outErr error, doomed bool) {
	if len(tx.stmts) > 0 {
		specReplays.Add(1)
	}
	dg := newDigester()
	if _, err := replayTxn(c, det, tx.ts, tx.seed, 0, tx.stmts, dg); err != nil {
		switch {
		case isRefusal(err): // e.g. a read of changes() before the first write
			return err, false
		case isOutcome(err):
			return rwConflict(), false
		default:
			return err, false
		}
	}
	if !dg.equal(tx.dg.sum()) {
		if switching {
			return rwConflict(), false
		}
		return nil, true
	}
	return nil, false
}

// record adds statements that ran, and their results, to the transaction:
// COMMIT replays them and validates every outcome. A statement that failed
// is recorded with its error when the error is an outcome of the data
// (isOutcome); then only the statements up to it are recorded.
func (tx *txn) record(stmts []Statement, results []StatementResult, size int) {
	for i := range results {
		if results[i].Err != nil && !isOutcome(results[i].Err) {
			return
		}
		tx.dg.add(&results[i])
		tx.add(stmts[i])
		if !rowTags[stmts[i].Tag] {
			tx.schemaChanged = true
		}
		if results[i].Err != nil {
			break
		}
	}
	tx.bytes += size
}

// onlyWrites are the tags of the statements that always write (SQLite
// never finds them read-only).
var onlyWrites = map[string]bool{"INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true}

// rowTags are the tags of the statements that read or write rows only.
var rowTags = map[string]bool{"SELECT": true, "INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true, "COPY": true}

// failedResult is the error of the last result, if it failed.
func failedResult(results []StatementResult) error {
	if n := len(results); n > 0 {
		return results[n-1].Err
	}
	return nil
}

func (s *Session) txExec(ctx context.Context, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter, describe bool) error {
	tx := s.tx
	var extra []Statement
	size := 0
	for i, x := range st.Exec {
		var a []any
		if i == 0 || st.Kind == pgdialect.KindQuery {
			a = args
		}
		extra = append(extra, Statement{SQL: x, Args: a, Tag: subTag(st), Digest: true})
		size += len(x) + 16*len(a)
	}
	if len(tx.stmts)+len(extra) > s.e.opts.MaxTxnStatements {
		return &Error{Code: CodeProgramLimitExceeded, Message: fmt.Sprintf("transaction exceeds %d statements", s.e.opts.MaxTxnStatements),
			HintText: "Split the work into smaller transactions.", Statement: -1}
	}
	if tx.bytes+size > s.e.opts.MaxTxnBytes {
		return errTxnTooLarge(s.e.opts.MaxTxnBytes)
	}
	if st.Locking != "" {
		if tx.readOnly {
			return errf(CodeReadOnlyTransaction, "cannot execute SELECT %s in a read-only transaction", st.Locking)
		}
		tx.locked = true
	}
	// A statement that can only write goes straight to the speculation:
	// compiling it on the read view first only to learn that it writes
	// was 12% of a node's CPU for pgbench's transactions. In a READ ONLY
	// transaction it still compiles there first, for PostgreSQL's order
	// of errors (a missing table's 42P01 before the 25006).
	writes := st.Kind == pgdialect.KindQuery && onlyWrites[st.Tag] && !tx.readOnly
	if !tx.spec && len(extra) == 1 && !tx.locked && !writes {
		// Until it writes, the transaction reads its read view, streaming
		// (txstream.go).
		ro, err := s.streamTxRead(ctx, tx, st, extra[0], size, w, describe)
		if ro || err != nil {
			return err
		}
	} else if !tx.spec && len(extra) == 1 && !writes {
		// A read with a row-locking clause (or after one): COMMIT
		// validates the transaction even if it writes nothing, so its
		// reads are digested as they run.
		if err := s.settleReads(ctx, tx); err != nil {
			return err
		}
		res, ro, err := s.runInReadView(ctx, tx, extra[0])
		if err != nil {
			return err
		}
		if ro {
			// Recorded even when it failed: if the transaction writes
			// later, its outcome is validated with the rest.
			tx.record(s.forRecord(extra), []StatementResult{res}, size)
			if res.Err != nil {
				return res.Err
			}
			return emitWrite(w, st, []StatementResult{res}, describe)
		}
	}
	if tx.readOnly && !tx.spec {
		return errf(CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", st.Tag)
	}
	for i := range extra {
		// speculation runs on the apply state, which has no session
		extra[i].SQL = s.substSettings(extra[i].SQL) // currentsetting.go
		if err := s.checkBeforeSpeculation(ctx, st, extra[i].SQL); err != nil {
			return err
		}
	}
	switching, err := s.startSpeculation(ctx, tx)
	if err != nil {
		return err
	}
	results, ro, err := s.speculate(ctx, tx, extra, switching)
	if err != nil {
		return err
	}
	allRO := true
	for _, r := range ro {
		allRO = allRO && r
	}
	if !allRO && tx.readOnly {
		return errf(CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", st.Tag)
	}
	tx.record(extra, results, size)
	if err := failedResult(results); err != nil {
		return err
	}
	if !allRO {
		tx.wrote = true
	}
	return emitWrite(w, st, results, describe)
}

func (s *Session) savepoint(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	tag := map[pgdialect.Kind]string{pgdialect.KindSavepoint: "SAVEPOINT", pgdialect.KindRelease: "RELEASE", pgdialect.KindRollbackTo: "ROLLBACK"}[st.Kind]
	if s.tx == nil || s.tx.implicit {
		what := map[pgdialect.Kind]string{pgdialect.KindSavepoint: "SAVEPOINT", pgdialect.KindRelease: "RELEASE SAVEPOINT", pgdialect.KindRollbackTo: "ROLLBACK TO SAVEPOINT"}[st.Kind]
		return errf(CodeNoActiveTransaction, "%s can only be used in transaction blocks", what)
	}
	tx := s.tx
	name := st.Name // folded unless quoted: "A" and a are two savepoints
	idx := -1
	for i := len(tx.savepoints) - 1; i >= 0; i-- {
		if tx.savepoints[i] == name {
			idx = i
			break
		}
	}
	if st.Kind != pgdialect.KindSavepoint && idx < 0 {
		return &Error{Code: CodeUndefinedSavepoint, Message: fmt.Sprintf("savepoint %q does not exist", name), Statement: -1}
	}
	sqlText := map[pgdialect.Kind]string{pgdialect.KindSavepoint: "SAVEPOINT ", pgdialect.KindRelease: "RELEASE ", pgdialect.KindRollbackTo: "ROLLBACK TO "}[st.Kind] + sqliteSavepoint(name)
	switch st.Kind {
	case pgdialect.KindSavepoint:
		tx.savepoints = append(tx.savepoints, name)
		tx.spSettings = append(tx.spSettings, copySettings(s.settings))
		tx.spListens = append(tx.spListens, len(tx.listens))
	case pgdialect.KindRelease:
		s.savepointCursors(tx, idx, false) // cursor.go
		tx.savepoints = tx.savepoints[:idx]
		tx.spSettings = tx.spSettings[:idx]
		tx.spListens = tx.spListens[:idx]
	case pgdialect.KindRollbackTo:
		s.savepointCursors(tx, idx, true) // cursor.go
		tx.savepoints = tx.savepoints[:idx+1]
		tx.spSettings = tx.spSettings[:idx+1]
		s.restoreSettings(copySettings(tx.spSettings[idx]))
		s.afterSettingsRestored() // txmodes.go
		tx.listens = tx.listens[:tx.spListens[idx]]
		tx.failed = false
	}
	tx.add(Statement{SQL: sqlText, Tag: tag})
	return w.Complete(tag)
}

// sqliteSavepoint is the SQLite name of the client's savepoint name.
// SQLite compares savepoint names without case, PostgreSQL exactly: with
// the name as it came, ROLLBACK TO "A" after SAVEPOINT "A"; SAVEPOINT a
// rolled SQLite back only to a while the session had dropped both (and a
// name such as raftsql_entry met the apply's own savepoints). Hex digits
// in a prefix of our own have one case and are unique.
func sqliteSavepoint(name string) string {
	return quoteIdent("pg_sp_" + hex.EncodeToString([]byte(name)))
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func (s *Session) commit(ctx context.Context, tx *txn) (err error) {
	defer func() {
		// A cursor WITH HOLD outlives only a transaction that committed.
		if err != nil {
			s.endCursors(tx, false)
		} else {
			s.keepHeldCursors(tx)
		}
	}()
	if len(tx.stmts) == 0 {
		return nil
	}
	if tx.doomed {
		// Something the client saw no longer held when a later statement
		// replayed it: no serial order explains the transaction, whether
		// or not it has anything left to write.
		return rwConflict()
	}
	if len(tx.unsettled) > 0 && (tx.wrote || tx.locked) {
		// Cannot happen: the first write and the first locking read
		// settle every streamed read (txstream.go).
		return errf(CodeInternal, "transaction has %d reads not validated", len(tx.unsettled))
	}
	if !tx.wrote && !tx.locked {
		// Nothing to write. Either everything it read came from one
		// consistent read view taken after a linearizable read barrier,
		// or (it attempted writes that failed or were rolled back) its
		// last speculation replayed every earlier outcome on the latest
		// state and found them unchanged: all of them held together at
		// that moment, where the transaction serializes. No log entry.
		return nil
	}
	cmd := &Command{RequestID: s.e.newRequestID(), Timestamp: tx.ts, Seed: tx.seed, Statements: tx.stmts,
		Flags: CmdTxn, Digest: tx.dg.sum(), Sequences: s.txnSequences(tx)} // seqtxn.go
	cmd.Database, cmd.User = s.names()
	_, err = s.proposeIn(ctx, cmd, tx.zone)
	return err
}

// txLimits checks a transaction's statement and byte limits for n more
// statements of size bytes.
func (s *Session) txLimits(n, size int) error {
	tx := s.tx
	if len(tx.stmts)+n > s.e.opts.MaxTxnStatements {
		return &Error{Code: CodeProgramLimitExceeded, Message: fmt.Sprintf("transaction exceeds %d statements", s.e.opts.MaxTxnStatements),
			HintText: "Split the work into smaller transactions.", Statement: -1}
	}
	if tx.bytes+size > s.e.opts.MaxTxnBytes {
		return errTxnTooLarge(s.e.opts.MaxTxnBytes)
	}
	return nil
}

// txWrite adds writes that return nothing to the client but their success
// (a COPY's rows) to the transaction, with one speculation for all of them.
func (s *Session) txWrite(ctx context.Context, stmts []Statement, size int) error {
	tx := s.tx
	if err := s.txLimits(len(stmts), size); err != nil {
		return err
	}
	if tx.readOnly {
		return errf(CodeReadOnlyTransaction, "cannot execute COPY FROM in a read-only transaction")
	}
	switching, err := s.startSpeculation(ctx, tx)
	if err != nil {
		return err
	}
	results, _, err := s.speculate(ctx, tx, stmts, switching)
	if err != nil {
		return err
	}
	tx.record(stmts, results, size)
	if err := failedResult(results); err != nil {
		return err
	}
	tx.wrote = true
	return nil
}

// errTxnTooLarge: a transaction commits as one log entry, so its size is
// bounded; the hint says how to load more.
func errTxnTooLarge(limit int) *Error {
	return &Error{Code: CodeProgramLimitExceeded, Message: fmt.Sprintf("transaction exceeds %d bytes", limit),
		HintText:  "raftsql replicates a transaction as one log entry. Split the work into smaller transactions, or run COPY outside a transaction block, where each batch of rows is its own entry.",
		Statement: -1}
}

// startSpeculation marks tx as writing: from its first write on, the
// transaction runs speculatively on the latest applied state (its read
// view is released), and speculate checks that the earlier statements
// still return what the client saw. It reports whether this is that first
// write. The reads it streamed from its view are digested first
// (txstream.go), while it still holds the view.
func (s *Session) startSpeculation(ctx context.Context, tx *txn) (bool, error) {
	if tx.spec {
		return false, nil
	}
	if err := s.settleReads(ctx, tx); err != nil {
		return false, err
	}
	tx.spec = true
	if tx.view != nil {
		s.e.db.releaseReadView(tx.view)
		tx.view = nil
	}
	return true, nil
}
