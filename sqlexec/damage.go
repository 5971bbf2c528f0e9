package sqlexec

import (
	"errors"
	"fmt"
	"strings"

	lib "modernc.org/sqlite/lib"
)

// A damaged database file: SQLite says the file is not a database, or a
// page it read is malformed. Unlike any other storage fault (a full or
// failing disk, which the operator fixes and the node then retries), a
// damaged file never heals by retrying: the node sets it aside and
// rebuilds its state from a healthy copy (the root package's repair.go).
// IsDamaged tells the two apart; QuickCheck finds damage before the first
// write trips over it.

// ErrDamaged is what QuickCheck returns (wrapped) for a damaged file.
var ErrDamaged = errors.New("sqlexec: the database file is damaged")

// IsDamaged reports whether err (from Open, QuickCheck, or an apply fault)
// says the database file is damaged: SQLITE_CORRUPT or SQLITE_NOTADB, in
// any of the forms sqlexec reports them.
func IsDamaged(err error) bool {
	if errors.Is(err, ErrDamaged) {
		return true
	}
	var se *sqliteErr
	if errors.As(err, &se) {
		switch se.code & 0xff {
		case lib.SQLITE_CORRUPT, lib.SQLITE_NOTADB:
			return true
		}
	}
	var e *Error
	return errors.As(err, &e) && e.kind == faultStorage && e.Code == "XX001"
}

// QuickCheck runs SQLite's PRAGMA quick_check on the apply connection: it
// reads every page of the file (time proportional to its size) and checks
// its structure, less index contents. A damaged file is an error wrapping
// ErrDamaged that quotes SQLite's first findings.
//
// It runs with ignore_check_constraints on: quick_check also tests every
// row against its table's CHECK constraints, and rows a CHECK added NOT
// VALID does not hold for are PostgreSQL's own state, not damage (they
// made a restarted node set its file aside and rebuild it).
func (db *DB) QuickCheck() error {
	db.lockApply() // preempt.go
	defer db.mu.Unlock()
	if db.closed || db.w == nil {
		return errClosed
	}
	if err := db.w.exec("PRAGMA ignore_check_constraints = ON"); err != nil {
		return err
	}
	defer db.w.exec("PRAGMA ignore_check_constraints = OFF")
	return checkPragma(db.w, "quick_check(5)")
}

// checkPragma runs PRAGMA pragma (quick_check or integrity_check) on c: a
// damaged file is an error wrapping ErrDamaged that quotes SQLite's
// findings.
func checkPragma(c *lconn, pragma string) error {
	st, _, err := c.prepare("PRAGMA " + pragma)
	if err != nil {
		if IsDamaged(err) {
			return fmt.Errorf("%w: %w", ErrDamaged, err)
		}
		return err
	}
	defer st.finalize()
	var found []string
	_, err = st.run(nil, func(r []any) error {
		if s, ok := r[0].(string); ok && s != "ok" {
			found = append(found, s)
		}
		return nil
	})
	switch {
	case err != nil && IsDamaged(err):
		return fmt.Errorf("%w: %w", ErrDamaged, err)
	case err != nil:
		return err
	case len(found) > 0:
		name, _, _ := strings.Cut(pragma, "(")
		return fmt.Errorf("%w: %s: %s", ErrDamaged, name, strings.Join(found, "; "))
	}
	return nil
}
