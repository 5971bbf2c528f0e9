package sqlexec

import (
	"fmt"
	"strings"
)

// Request de-duplication: every applied request id is remembered with its
// outcome (raftsql_requests) for Options.DedupeWindow indexes, so a retried
// proposal is answered from the first application instead of running
// twice.
//
// The table is the record and requestWindow its index in memory: an entry
// appends one row keyed by its log index (the right edge of a rowid
// B-tree: one dirty page per batch), the pruning deletes from the left
// edge, and looking an id up costs a map probe instead of a query. The map
// mirrors the table exactly (what a lookup finds is what the table holds
// at that point of the transaction), so de-duplication decides the same as
// a query of the table would, on every node: it is rebuilt from the table
// whenever the file is opened (Open, Restore), and an apply transaction's
// changes to it are staged until its COMMIT and dropped with its rollback.

// requestsTableSQL: the outcome of each request id in the window, keyed by
// the index of the entry that applied it. Its name and columns are those
// of the earlier layout (id BLOB PRIMARY KEY ... WITHOUT ROWID, with an
// index on idx), whose statements still work on this one, so a snapshot
// exchanged with a member of either version keeps its window.
const requestsTableSQL = `CREATE TABLE IF NOT EXISTS raftsql_requests(idx INTEGER PRIMARY KEY, id BLOB NOT NULL, outcome TEXT)`

// requestWindow is the in-memory index of raftsql_requests. Only the apply
// connection's holder (DB.mu) uses it.
type requestWindow struct {
	ids map[[16]byte]uint64 // committed rows: request id -> idx
	// Staged by the open apply transaction: rows recorded, rows pruned
	// and the prune's floor (rows below it are gone).
	added  []requestRow
	pruned []requestRow
	floor  uint64
}

type requestRow struct {
	id  [16]byte
	idx uint64
}

// lookup returns the index whose outcome is recorded for id, as the table
// holds it in the open transaction.
func (rw *requestWindow) lookup(id [16]byte) (uint64, bool) {
	for i := len(rw.added) - 1; i >= 0; i-- {
		if rw.added[i].id == id {
			return rw.added[i].idx, true
		}
	}
	idx, ok := rw.ids[id]
	if !ok || idx < rw.floor {
		return 0, false
	}
	return idx, true
}

// begin drops whatever a transaction that did not commit staged.
func (rw *requestWindow) begin() {
	rw.added, rw.pruned, rw.floor = rw.added[:0], rw.pruned[:0], 0
}

// commit makes the committed transaction's staged changes the window's.
func (rw *requestWindow) commit() {
	for _, r := range rw.pruned {
		if rw.ids[r.id] == r.idx {
			delete(rw.ids, r.id)
		}
	}
	for _, r := range rw.added {
		rw.ids[r.id] = r.idx
	}
	rw.begin()
}

// loadRequests rebuilds the window from the table, first moving a table of
// the earlier layout (keyed by id) to this one. The table is not
// replicated state (checksums skip it), so changing its layout at open is
// this member's own affair.
func (db *DB) loadRequests(w *lconn) error {
	if err := migrateRequests(w); err != nil {
		return fmt.Errorf("sqlexec: request table: %w", err)
	}
	rw := &db.requests
	rw.ids = make(map[[16]byte]uint64)
	rw.begin()
	st, _, err := w.prepare("SELECT id, idx FROM raftsql_requests")
	if err != nil {
		return fmt.Errorf("sqlexec: load request ids: %w", err)
	}
	defer st.finalize()
	_, err = st.run(nil, func(r []any) error {
		b, _ := r[0].([]byte)
		idx, _ := r[1].(int64)
		var id [16]byte
		if len(b) != len(id) || idx <= 0 {
			return nil // not a request id the apply recorded
		}
		copy(id[:], b)
		if cur, ok := rw.ids[id]; !ok || uint64(idx) > cur {
			rw.ids[id] = uint64(idx)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlexec: load request ids: %w", err)
	}
	return nil
}

// migrateRequests rebuilds a raftsql_requests of the earlier layout
// (WITHOUT ROWID, keyed by id, indexed on idx) in this one, in one
// transaction, and drops the idx index an earlier version may have made
// again on this layout (the rowid already is idx).
func migrateRequests(w *lconn) error {
	var ddl string
	st, _, err := w.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'raftsql_requests'")
	if err != nil {
		return err
	}
	_, err = st.run(nil, func(r []any) error {
		ddl, _ = r[0].(string)
		return nil
	})
	st.finalize()
	if err != nil {
		return err
	}
	if !strings.Contains(strings.ToUpper(ddl), "WITHOUT ROWID") {
		return w.exec("DROP INDEX IF EXISTS raftsql_requests_idx")
	}
	if err := w.exec("BEGIN IMMEDIATE"); err != nil {
		return err
	}
	// Through a temporary copy, not ALTER TABLE RENAME: a rename parses
	// every view and trigger of the schema again, and fails on one that
	// calls a function not registered yet.
	for _, s := range []string{
		"CREATE TEMP TABLE raftsql_requests_move AS SELECT idx, id, outcome FROM main.raftsql_requests",
		"DROP TABLE main.raftsql_requests",
		requestsTableSQL,
		"INSERT OR REPLACE INTO main.raftsql_requests(idx, id, outcome) SELECT idx, id, outcome FROM temp.raftsql_requests_move ORDER BY idx",
		"DROP TABLE temp.raftsql_requests_move",
	} {
		if err := w.exec(s); err != nil {
			_ = w.exec("ROLLBACK")
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return w.exec("COMMIT")
}

// lookupRequest finds id's recorded outcome.
func (db *DB) lookupRequest(w *lconn, id [16]byte) (found bool, outcome string, err error) {
	idx, ok := db.requests.lookup(id)
	if !ok {
		return false, "", nil
	}
	st, _, err := w.prepareCached("SELECT coalesce(outcome, '') FROM raftsql_requests WHERE idx = ?")
	if err != nil {
		return false, "", err
	}
	defer st.release()
	_, err = st.run([]any{int64(idx)}, func(r []any) error {
		found = true
		outcome, _ = r[0].(string)
		return nil
	})
	if err == nil && !found {
		err = fmt.Errorf("sqlexec: request id recorded at index %d has no row", idx)
	}
	return found, outcome, err
}

// recordOutcome records an entry whose outcome is known without running
// it (an entry that ended its transaction): its request id, outcome and,
// through the caller's commit, its index.
func (db *DB) recordOutcome(w *lconn, index uint64, r *ApplyResult) error {
	var zero [16]byte
	if r.RequestID == zero {
		return nil
	}
	if err := execArgs(w, "INSERT OR REPLACE INTO raftsql_requests(idx, id, outcome) VALUES (?, ?, ?)",
		int64(index), r.RequestID[:], encodeOutcome(r)); err != nil {
		return err
	}
	db.requests.added = append(db.requests.added, requestRow{id: r.RequestID, idx: index})
	return nil
}

// pruneRequests forgets the ids recorded before floor (the same indexes on
// every node: see applyEntry). A failure leaves table and window as they
// were (the statement is undone whole).
func (db *DB) pruneRequests(w *lconn, floor uint64) {
	st, _, err := w.prepareCached("DELETE FROM raftsql_requests WHERE idx < ? RETURNING id, idx")
	if err != nil {
		return
	}
	defer st.release()
	var rows []requestRow
	_, err = st.run([]any{int64(floor)}, func(r []any) error {
		b, _ := r[0].([]byte)
		idx, _ := r[1].(int64)
		var row requestRow
		copy(row.id[:], b)
		row.idx = uint64(idx)
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return
	}
	rw := &db.requests
	rw.pruned = append(rw.pruned, rows...)
	rw.floor = max(rw.floor, floor)
}

// encodeOutcome summarises an entry's outcome (command tags or the error)
// so that a duplicate proposal of the same request can be answered.
func encodeOutcome(res *ApplyResult) string {
	if res.Err != nil {
		code, msg := CodeInternal, res.Err.Error()
		if e, ok := res.Err.(*Error); ok {
			code = e.Code
		}
		return "E" + code + "\n" + msg
	}
	var b strings.Builder
	b.WriteByte('T')
	for i, r := range res.Results {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r.Tag)
	}
	return b.String()
}

func decodeOutcome(s string) ([]StatementResult, error) {
	switch {
	case strings.HasPrefix(s, "E"):
		code, msg, _ := strings.Cut(s[1:], "\n")
		return nil, &Error{Code: code, Message: msg, Statement: -1}
	case strings.HasPrefix(s, "T"):
		var out []StatementResult
		if len(s) > 1 {
			for _, tag := range strings.Split(s[1:], "\n") {
				out = append(out, StatementResult{Tag: tag})
			}
		}
		return out, nil
	}
	return nil, nil
}
