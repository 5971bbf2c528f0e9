package sqlexec

import (
	"context"
	"fmt"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Cursors (DECLARE / FETCH / MOVE / CLOSE), as psql's FETCH_COUNT,
// pg_dump --inserts and report code use them.
//
// A cursor belongs to its session and never enters the log. DECLARE runs
// the cursor's query as the session would run the query itself at that
// point (in a transaction: on its read view, or speculatively once it has
// written, recorded in the transaction so that COMMIT validates what the
// cursor read like any other read) and keeps the result; FETCH and MOVE
// move over it with PostgreSQL's position rules (0 before the first row,
// n+1 after the last). Because the result is kept, every cursor can move
// backward, except one declared NO SCROLL, which refuses to (55000) as in
// PostgreSQL. A cursor without HOLD ends with its transaction; one WITH
// HOLD outlives a commit (PostgreSQL materializes it then too) and ends
// with a rollback of the transaction that declared it.

type cursor struct {
	cols     []pgwire.Column
	rows     cursorRows
	pos      int64 // 0: before the first row; len(rows)+1: after the last
	noScroll bool
	hold     bool
	tx       *txn // the transaction that declared it (nil once a held cursor outlived it)
	// depth: the savepoints of tx open when it was declared; ROLLBACK TO
	// a savepoint set before it closes it (closeRolledBack).
	depth int
}

// cursorWriter collects the rows of the cursor's query.
type cursorWriter struct {
	pgwire.ResultWriter // notices go to the client
	cols                []pgwire.Column
	rows                cursorRows
}

func (w *cursorWriter) Describe(cols []pgwire.Column) error { w.cols = cols; return nil }
func (w *cursorWriter) Row(values []any) error {
	w.rows.add(values)
	return nil
}
func (w *cursorWriter) Complete(string) error { return nil }
func (w *cursorWriter) EmptyQuery() error     { return nil }
func (w *cursorWriter) CopyIn(pgwire.CopyFormat, []pgwire.Column) (pgwire.CopySource, error) {
	return nil, Unsupported("COPY in a cursor")
}
func (w *cursorWriter) CopyOut(pgwire.CopyFormat, []pgwire.Column) error {
	return Unsupported("COPY in a cursor")
}

func errNoCursor(name string) *Error {
	return &Error{Code: "34000", Message: fmt.Sprintf("cursor %q does not exist", name), Statement: -1}
}

func (s *Session) declareCursor(ctx context.Context, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter) error {
	spec := st.Cursor
	if s.tx == nil && !spec.Hold {
		return errf("25P01", "DECLARE CURSOR can only be used in transaction blocks")
	}
	if _, ok := s.cursors[st.Name]; ok {
		return errf("42P03", "cursor %q already exists", st.Name)
	}
	q, err := s.translate(ctx, spec.Query)
	if err != nil {
		return err
	}
	if q.Kind != pgdialect.KindQuery || len(q.Exec) != 1 {
		return errf(CodeSyntaxError, "syntax error at or near %q", firstWord(spec.Query))
	}
	_, withDML := pgdialect.ParseWithDML(q.Exec[0])
	if withDML || !q.ReadOnly && q.Locking == "" {
		return errf(CodeFeatureNotSupported, "DECLARE CURSOR must not contain data-modifying statements in WITH")
	}
	if err := lockingCursor(spec, q.Locking); err != nil {
		return err
	}
	cw := &cursorWriter{ResultWriter: w}
	// The rows are computed now, not FETCH by FETCH: a set_config in the
	// query would change the session for rows not yet fetched
	// (setconfig.go refuses it).
	s.fillingCursor = true
	err = s.exec(ctx, spec.Query, q, args, cw, true)
	s.fillingCursor = false
	if err != nil {
		return err
	}
	if s.cursors == nil {
		s.cursors = make(map[string]*cursor)
	}
	depth := 0
	if s.tx != nil {
		depth = len(s.tx.savepoints)
	}
	// A cursor with a row-locking clause is NO SCROLL, as PostgreSQL
	// makes it where SCROLL is not given (and refuses SCROLL).
	s.cursors[st.Name] = &cursor{cols: cw.cols, rows: cw.rows, noScroll: spec.NoScroll || q.Locking != "", hold: spec.Hold, tx: s.tx, depth: depth}
	return w.Complete("DECLARE CURSOR")
}

// lockingCursor refuses what PostgreSQL refuses of a cursor whose query
// has a row-locking clause (transformDeclareCursorStmt). Otherwise such a
// cursor is a locking read of the transaction (rowlocks: COMMIT validates
// what it read), run where DECLARE runs its query.
func lockingCursor(spec *pgdialect.CursorSpec, locking string) error {
	switch {
	case locking == "":
		return nil
	case spec.Hold:
		return &Error{Code: CodeFeatureNotSupported, Message: fmt.Sprintf("DECLARE CURSOR WITH HOLD ... %s is not supported", locking),
			DetailText: "Holdable cursors must be READ ONLY.", Statement: -1}
	case spec.Scroll:
		return &Error{Code: CodeFeatureNotSupported, Message: fmt.Sprintf("DECLARE SCROLL CURSOR ... %s is not supported", locking),
			DetailText: "Scrollable cursors must be READ ONLY.", Statement: -1}
	case spec.Insensitive:
		return &Error{Code: "42P11", Message: fmt.Sprintf("DECLARE INSENSITIVE CURSOR ... %s is not valid", locking),
			DetailText: "Insensitive cursors must be READ ONLY.", Statement: -1}
	}
	return nil
}

func firstWord(s string) string {
	for i, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '(' {
			if i == 0 {
				return s[:1]
			}
			return s[:i]
		}
	}
	return s
}

// fetchCursor runs FETCH or MOVE.
func (s *Session) fetchCursor(st *pgdialect.Stmt, w pgwire.ResultWriter, describe bool) error {
	c, ok := s.cursors[st.Name]
	if !ok {
		return errNoCursor(st.Name)
	}
	spec := st.Cursor
	idx, err := c.move(spec.Dir)
	if err != nil {
		return err
	}
	verb := "FETCH"
	if spec.Move {
		verb = "MOVE"
	} else if describe && c.cols != nil {
		if err := w.Describe(c.cols); err != nil {
			return err
		}
	}
	if !spec.Move {
		for _, i := range idx {
			if err := w.Row(c.rows.row(i)); err != nil {
				return err
			}
		}
	}
	return w.Complete(fmt.Sprintf("%s %d", verb, len(idx)))
}

// move moves the cursor as PostgreSQL's PortalRunFetch does and returns
// the indexes (0-based) of the rows fetched, in order.
func (c *cursor) move(d pgdialect.Direction) ([]int, error) {
	n := int64(c.rows.len())
	switch d.Kind {
	case pgdialect.DirAbsolute:
		target := d.Count
		if target < 0 {
			target = n + target + 1
			if target < 0 {
				target = 0
			}
		}
		if target > n+1 {
			target = n + 1
		}
		if target < c.pos && c.noScroll {
			return nil, errScrollBackward()
		}
		c.pos = target
		return c.current(), nil
	case pgdialect.DirRelative:
		target := c.pos + d.Count
		if d.Count < 0 && c.noScroll {
			return nil, errScrollBackward()
		}
		if target < 0 {
			target = 0
		}
		if target > n+1 {
			target = n + 1
		}
		c.pos = target
		return c.current(), nil
	}
	count := d.Count
	backward := d.Kind == pgdialect.DirBackward
	if d.All {
		count = n + 1
	} else if count < 0 {
		count = -count
		backward = !backward
	}
	if count == 0 {
		// FETCH 0 / FORWARD 0 / BACKWARD 0: the current row again.
		return c.current(), nil
	}
	var idx []int
	if backward {
		if c.noScroll {
			return nil, errScrollBackward()
		}
		for ; count > 0 && c.pos > 1; count-- {
			c.pos--
			idx = append(idx, int(c.pos-1))
		}
		if count > 0 {
			c.pos = 0
		}
		return idx, nil
	}
	for ; count > 0 && c.pos < n; count-- {
		c.pos++
		idx = append(idx, int(c.pos-1))
	}
	if count > 0 {
		c.pos = n + 1
	}
	return idx, nil
}

// current is the row at the cursor's position, if it is on one.
func (c *cursor) current() []int {
	if c.pos >= 1 && c.pos <= int64(c.rows.len()) {
		return []int{int(c.pos - 1)}
	}
	return nil
}

func errScrollBackward() *Error {
	return &Error{Code: "55000", Message: "cursor can only scan forward",
		HintText: "Declare it with SCROLL option to enable backward scan.", Statement: -1}
}

func (s *Session) closeCursor(st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	if st.Cursor.All {
		s.cursors = nil
		return w.Complete("CLOSE CURSOR ALL")
	}
	if _, ok := s.cursors[st.Name]; !ok {
		return errNoCursor(st.Name)
	}
	delete(s.cursors, st.Name)
	return w.Complete("CLOSE CURSOR")
}

// endCursors closes the cursors that end with the transaction tx: those
// without HOLD, and when tx did not commit (rolled back, or its COMMIT
// failed) also those it declared WITH HOLD.
func (s *Session) endCursors(tx *txn, committed bool) {
	for name, c := range s.cursors {
		switch {
		case !c.hold, c.tx == tx && !committed:
			delete(s.cursors, name)
		}
	}
}

// savepointCursors keeps the cursors of tx in step with its savepoints,
// as PostgreSQL ties a portal to the subtransaction that created it:
// RELEASE of savepoint idx hands the cursors declared since to the
// enclosing level; ROLLBACK TO savepoint idx (which stays) closes them,
// WITH HOLD or not, as their subtransaction aborted. (A FETCH's movement
// and a CLOSE are not undone, as in PostgreSQL.)
func (s *Session) savepointCursors(tx *txn, idx int, rollback bool) {
	for name, c := range s.cursors {
		if c.tx != tx || c.depth <= idx {
			continue
		}
		if rollback {
			delete(s.cursors, name)
		} else {
			c.depth = idx
		}
	}
}

// keepHeldCursors lets the cursors tx declared WITH HOLD outlive it (its
// COMMIT succeeded).
func (s *Session) keepHeldCursors(tx *txn) {
	for _, c := range s.cursors {
		if c.tx == tx {
			c.tx = nil
		}
	}
}

// cursorColumns is the row description of FETCH from a cursor (nil for
// MOVE, CLOSE and unknown cursors).
func (s *Session) cursorColumns(st *pgdialect.Stmt) []pgwire.Column {
	if st.Kind != pgdialect.KindFetch || st.Cursor.Move {
		return nil
	}
	if c, ok := s.cursors[st.Name]; ok {
		return c.cols
	}
	return nil
}
