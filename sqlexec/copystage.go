package sqlexec

import (
	"fmt"
	"strconv"
	"strings"
)

// Streamed COPY FROM: the apply side.
//
// A COPY larger than one chunk (EngineOptions.CopyChunkBytes) is not one
// log entry: the session proposes its rows in chunks while the client
// still sends (copystream.go), each chunk an entry (flag CmdCopy) that
// every node stores as one row of raftsql_copy_chunks (the chunk's first
// line, its row count and its values in appendValue's encoding: written
// once, sequentially, with no per-COPY schema change). The final entry
// reads the chunks in line order and inserts their rows into the target
// table as the INSERT statements of up to 500 rows a COPY of one entry is
// made of, then deletes the chunks: the rows become visible together, at
// one log position, on every node, so the COPY is atomic as in
// PostgreSQL. Nothing of a COPY is visible before that entry: the chunks
// are in raftsql_* tables, hidden from the catalog, refused to user SQL
// and left out of the checksums.
//
// Every staged COPY has a row in raftsql_copy_stage with its expiry: the
// pinned time of the entry that last wrote or renewed it plus the lease
// that entry carries. The session renews while its client is slow (a
// chunk, or a "touch" entry every lease/3). A COPY that ends without its
// final entry (CopyFail, a bad row, a client that disconnects) is dropped
// by an "abort" entry; one whose session is gone with its node (crash,
// kill) expires: any later command entry with a later pinned time drops
// it (copyCollect, run before each command entry while some COPY is
// staged), so every node drops it at the same log position. A chunk that
// commits after its COPY was aborted or expired stages again and expires
// again; a final entry checks that as many rows are staged as the session
// sent, so a COPY whose staged rows expired midway fails rather than store
// part of its rows.
//
// Staged state is ordinary database state: a snapshot taken mid-COPY
// carries the chunks and their leases, and a node restored from it or
// replaying the log decides the same as every other.

// Operations of a CmdCopy entry (Statement.SQL); Args:
//
//	stage:  id, column count, lease µs, first line, then the rows' values
//	touch:  id, lease µs
//	finish: id, target table, rows expected, then the column names
//	abort:  id
const (
	copyOpStage  = "stage"
	copyOpTouch  = "touch"
	copyOpFinish = "finish"
	copyOpAbort  = "abort"
)

const copyStageTables = `CREATE TABLE IF NOT EXISTS raftsql_copy_stage(id TEXT PRIMARY KEY, ncols INTEGER NOT NULL,
 expires INTEGER NOT NULL, nrows INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS raftsql_copy_chunks(id TEXT NOT NULL, first INTEGER NOT NULL, nrows INTEGER NOT NULL,
 data BLOB NOT NULL, UNIQUE (id, first))`

// copyCheckID checks a COPY id (a hex string the session draws).
func copyCheckID(id string) error {
	if id == "" || len(id) > 64 {
		return fmt.Errorf("bad COPY id %q", id)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return fmt.Errorf("bad COPY id %q", id)
		}
	}
	return nil
}

// applyCopy runs the operation of a CmdCopy entry at apply.
func applyCopy(w *lconn, det *detState, cmd *Command) ([]StatementResult, error) {
	if err := w.exec(copyStageTables); err != nil {
		return nil, err
	}
	if err := copyCollect(w, cmd.Timestamp); err != nil {
		return nil, err
	}
	out := make([]StatementResult, 0, len(cmd.Statements))
	for k, s := range cmd.Statements {
		det.pin(cmd.Timestamp, cmd.Seed, k)
		r := copyOp(w, det, cmd, k, s)
		if r.Err != nil {
			e, ok := r.Err.(*Error)
			if !ok {
				e = errf(CodeInternal, "COPY operation %s: %v", s.SQL, r.Err)
			}
			c := *e
			c.Statement = k
			r.Err = &c
			out = append(out, r)
			return out, &c
		}
		out = append(out, r)
	}
	return out, nil
}

func copyOp(w *lconn, det *detState, cmd *Command, k int, s Statement) StatementResult {
	now := cmd.Timestamp
	argInt := func(i int) int64 {
		if i < len(s.Args) {
			v, _ := s.Args[i].(int64)
			return v
		}
		return 0
	}
	argStr := func(i int) string {
		if i < len(s.Args) {
			v, _ := s.Args[i].(string)
			return v
		}
		return ""
	}
	id := argStr(0)
	if err := copyCheckID(id); err != nil {
		return StatementResult{Err: err}
	}
	switch s.SQL {
	case copyOpStage:
		n, err := copyStageRows(w, now, id, int(argInt(1)), argInt(2), argInt(3), s.Args[min(4, len(s.Args)):])
		return StatementResult{Tag: "COPY_STAGE " + strconv.FormatInt(n, 10), RowsAffected: n, Err: err}
	case copyOpTouch:
		n, err := execChanges(w, "UPDATE raftsql_copy_stage SET expires = ?2 + ?3 WHERE id = ?1", id, now, argInt(1))
		return StatementResult{Tag: "COPY_TOUCH " + strconv.FormatInt(n, 10), RowsAffected: n, Err: err}
	case copyOpAbort:
		err := copyDrop(w, id)
		return StatementResult{Tag: "COPY_ABORT", Err: err}
	case copyOpFinish:
		var cols []string
		for i := 3; i < len(s.Args); i++ {
			c, _ := s.Args[i].(string)
			cols = append(cols, c)
		}
		return copyFinish(w, det, cmd, k, id, argStr(1), argInt(2), cols)
	}
	return StatementResult{Err: fmt.Errorf("unknown COPY operation %q", s.SQL)}
}

// copyStageRows stores a chunk's rows (values in appendValue's encoding,
// one blob: a chunk is written once, sequentially) for COPY id, and
// registers the COPY if this is its first chunk to commit.
func copyStageRows(w *lconn, now int64, id string, ncols int, lease, firstLine int64, vals []any) (int64, error) {
	if ncols <= 0 || len(vals)%ncols != 0 {
		return 0, fmt.Errorf("COPY chunk of %d values for %d columns", len(vals), ncols)
	}
	have, found, err := queryInt(w, "SELECT ncols FROM raftsql_copy_stage WHERE id = ?", id)
	if err != nil {
		return 0, err
	}
	if !found {
		if err := execArgs(w, "INSERT INTO raftsql_copy_stage(id, ncols, expires, nrows) VALUES (?, ?, ?, 0)", id, int64(ncols), now+lease); err != nil {
			return 0, err
		}
	} else if have != int64(ncols) {
		return 0, fmt.Errorf("COPY chunk has %d columns, its COPY %d", ncols, have)
	}
	var data []byte
	for _, v := range vals {
		data = appendValue(data, v)
	}
	n := int64(len(vals) / ncols)
	if err := execArgs(w, "INSERT INTO raftsql_copy_chunks(id, first, nrows, data) VALUES (?, ?, ?, ?)", id, firstLine, n, data); err != nil {
		return 0, err
	}
	err = execArgs(w, "UPDATE raftsql_copy_stage SET nrows = nrows + ?2, expires = ?3 WHERE id = ?1", id, n, now+lease)
	return n, err
}

// copyFinish inserts the staged rows of id into table (columns cols), in
// line order, as the INSERT statements a COPY of one entry is made of
// (copy.go's copyInserts, each tagged with its first row's line), and
// drops what was staged. A row the table refuses fails the entry with its
// error and the row's line in Where (copyRowContext), as PostgreSQL's
// CONTEXT says it; the entry then rolls back whole (the staged rows stay
// until the session's abort entry or their lease).
func copyFinish(w *lconn, det *detState, cmd *Command, k int, id, table string, want int64, cols []string) StatementResult {
	have, found, err := queryInt(w, "SELECT nrows FROM raftsql_copy_stage WHERE id = ?", id)
	if err != nil {
		return StatementResult{Err: err}
	}
	if !found || have != want {
		return StatementResult{Err: &Error{Code: CodeObjectNotInPrerequisiteState, Statement: -1,
			Message:  fmt.Sprintf("COPY to %s lost its staged rows (%d of %d remain): it stayed idle past its lease, or was aborted", table, have, want),
			HintText: "Run the COPY again; nothing of it was stored."}}
	}
	// The entry is as long as the COPY: its budget grows with the rows
	// (the same on every node), so a large COPY is not stopped by the
	// per-entry budget meant for one statement's runaway work.
	if w.meter.limit > 0 {
		w.meter.limit += copyStepsPerRow * want
	}
	var total int64
	after := int64(-1 << 62)
	for {
		var first, nrows int64
		var data []byte
		st, _, err := w.prepareCached("SELECT first, nrows, data FROM raftsql_copy_chunks WHERE id = ? AND first > ? ORDER BY first LIMIT 1")
		if err != nil {
			return StatementResult{Err: err}
		}
		got := false
		_, err = st.run([]any{id, after}, func(r []any) error {
			first, _ = r[0].(int64)
			nrows, _ = r[1].(int64)
			data, _ = r[2].([]byte)
			got = true
			return nil
		})
		st.release()
		if err != nil {
			return StatementResult{Err: err}
		}
		if !got {
			break
		}
		d := &decoder{b: data}
		rows := make([][]any, 0, nrows)
		for i := int64(0); i < nrows && d.err == nil; i++ {
			r := make([]any, len(cols))
			for j := range r {
				r[j] = d.value()
			}
			rows = append(rows, r)
		}
		if d.err != nil || len(d.b) != 0 {
			return StatementResult{Err: fmt.Errorf("COPY chunk at line %d: %w", first, errCorrupt)}
		}
		for _, s := range copyInserts(table, cols, rows, false, first) {
			det.pin(cmd.Timestamp, cmd.Seed, k)
			r, _ := runSQL(w, s.SQL, s.Args, s.Tag)
			if r.Err != nil {
				return StatementResult{Err: copyRowContext(w, s, r.Err)}
			}
			total += r.RowsAffected
		}
		after = first
	}
	if err := copyDrop(w, id); err != nil {
		return StatementResult{Err: err}
	}
	return StatementResult{Tag: "COPY " + strconv.FormatInt(total, 10), RowsAffected: want}
}

// copyStepsPerRow is the work budget a COPY's final entry gets per staged
// row, on top of the entry's own: generous for triggers and indexes.
const copyStepsPerRow = 10_000

// copyDrop removes the staged rows of id and its registry row.
func copyDrop(w *lconn, id string) error {
	if err := execArgs(w, "DELETE FROM raftsql_copy_chunks WHERE id = ?", id); err != nil {
		return err
	}
	return execArgs(w, "DELETE FROM raftsql_copy_stage WHERE id = ?", id)
}

// copyCollect drops the staged COPYs whose lease ended before now (the
// pinned time of the entry being applied).
func copyCollect(w *lconn, now int64) error {
	var ids []string
	st, _, err := w.prepareCached("SELECT id FROM raftsql_copy_stage WHERE expires < ? ORDER BY id")
	if err != nil {
		return err
	}
	_, err = st.run([]any{now}, func(r []any) error {
		if s, ok := r[0].(string); ok {
			ids = append(ids, s)
		}
		return nil
	})
	st.release()
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := copyDrop(w, id); err != nil {
			return err
		}
	}
	return nil
}

// collectCopies runs copyCollect before a command entry while some COPY
// is staged (db.copyLive, a cache of "raftsql_copy_stage has rows",
// rechecked after every Open and Restore), so an abandoned COPY's rows
// are dropped at the same entry on every node even if no COPY follows.
// The apply lock is held.
func (db *DB) collectCopies(w *lconn, now int64) error {
	if gen := db.connGen.Load(); db.copyGen != gen {
		db.copyGen, db.copyLive = gen, true
	}
	if !db.copyLive {
		return nil
	}
	exists, _, err := queryInt(w, "SELECT count(*) FROM sqlite_schema WHERE name = 'raftsql_copy_stage'")
	if err != nil {
		return err
	}
	if exists == 0 {
		db.copyLive = false
		return nil
	}
	if err := copyCollect(w, now); err != nil {
		return err
	}
	left, _, err := queryInt(w, "SELECT count(*) FROM raftsql_copy_stage")
	if err != nil {
		return err
	}
	db.copyLive = left > 0
	return nil
}

// CopiesStaged is the number of COPYs staged in the database (the
// COPYs in flight or abandoned and not yet expired): for tests and
// operators.
func (db *DB) CopiesStaged() (int, error) {
	db.lockApply() // preempt.go
	defer db.mu.Unlock()
	if db.closed || db.w == nil {
		return 0, errClosed
	}
	exists, _, err := queryInt(db.w, "SELECT count(*) FROM sqlite_schema WHERE name = 'raftsql_copy_stage'")
	if err != nil || exists == 0 {
		return 0, err
	}
	n, _, err := queryInt(db.w, "SELECT count(*) FROM raftsql_copy_stage")
	return int(n), err
}

// copyInsertTag starts the tag of an INSERT statement of a COPY that is
// one entry (copy.go): "COPY <line of its first row>", so that a row the
// table refuses is reported with its line as in a streamed COPY.
const copyInsertTag = "COPY "

// copyRowContext adds the failing row's line to err, the error of s, a
// multi-row INSERT of a one-entry COPY: its rows are inserted one at a
// time inside a savepoint rolled back after, and the first refused names
// the line. err is returned as it is when that cannot be told.
func copyRowContext(w *lconn, s Statement, err error) error {
	e, ok := err.(*Error)
	if !ok || e.kind != 0 || !w.inTx() || len(s.Args) == 0 {
		return err
	}
	first, perr := strconv.ParseInt(strings.TrimPrefix(s.Tag, copyInsertTag), 10, 64)
	values := strings.Index(s.SQL, ") VALUES (")
	if perr != nil || values < 0 {
		return err
	}
	rows := strings.Count(s.SQL[values:], "), (") + 1
	if len(s.Args)%rows != 0 {
		return err
	}
	ncols := len(s.Args) / rows
	table, ok := copyInsertTable(s.SQL)
	if !ok {
		return err
	}
	one := s.SQL[:values] + ") VALUES (?" + strings.Repeat(", ?", ncols-1) + ")"
	if w.exec("SAVEPOINT raftsql_copy_find") != nil {
		return err
	}
	line := int64(0)
	for i := 0; i < rows; i++ {
		if r, _ := runSQL(w, one, s.Args[i*ncols:(i+1)*ncols], "INSERT"); r.Err != nil {
			line = first + int64(i)
			break
		}
		if !w.inTx() {
			return err
		}
	}
	_ = w.exec("ROLLBACK TO raftsql_copy_find")
	_ = w.exec("RELEASE raftsql_copy_find")
	if line == 0 {
		return err
	}
	c := *e
	c.Where = fmt.Sprintf("COPY %s, line %d", table, line)
	return &c
}

// copyInsertTable is the table of a COPY's INSERT INTO "t" (...).
func copyInsertTable(sqlText string) (string, bool) {
	rest, ok := strings.CutPrefix(sqlText, `INSERT INTO "`)
	if !ok {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(rest); i++ {
		if rest[i] == '"' {
			if i+1 < len(rest) && rest[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			return b.String(), true
		}
		b.WriteByte(rest[i])
	}
	return "", false
}
