package sqlexec

import (
	"errors"
	"fmt"

	lib "modernc.org/sqlite/lib"
)

// Apply outcomes: a result or a fault.
//
// Whatever SQL does at apply (constraint, type, read-only, budget, misuse,
// any error SQLite returns for a statement) is that entry's result: the
// same on every node, recorded with the entry's index and request id, and
// reported to the client. Only two things are not results, and ApplyBatch
// reports them as *ApplyFault without recording anything: a storage fault
// (the disk or the file failed: the node must stop, and applies the
// entries again from its log once the cause is fixed) and a shutdown
// interrupt (the batch is applied again after the restart).

// faultKind classifies an *Error at apply.
type faultKind uint8

const (
	faultNone     faultKind = iota // the statement's deterministic result
	faultStorage                   // I/O, corruption, disk full, out of memory
	faultShutdown                  // interrupted because the node is stopping
)

// ApplyFault is an apply failure that is not an entry's result: nothing of
// the batch from the faulted entry on was recorded, and the applied index
// did not move past it. The node must stop applying; the entries are
// applied again from the log after a restart.
type ApplyFault struct {
	Shutdown bool   // interrupted for shutdown (not a storage problem)
	Index    uint64 // the entry being applied, 0 if none
	Err      error
}

func (f *ApplyFault) Error() string {
	if f.Shutdown {
		return fmt.Sprintf("sqlexec: apply of entry %d interrupted for shutdown; it is applied again after the restart", f.Index)
	}
	return fmt.Sprintf("sqlexec: storage fault while applying entry %d: %v; the node stops: check the data directory's disk "+
		"(free space, permissions, I/O errors in the system log) and the database file, then restart the node: it applies "+
		"the entries again from its log (a corrupt database file is replaced from a snapshot of a healthy replica)", f.Index, f.Err)
}

func (f *ApplyFault) Unwrap() error { return f.Err }

// IsApplyFault reports whether err (an ApplyResult's Err) is a fault, not
// the entry's result: it must not be reported to the client as the
// outcome of its write.
func IsApplyFault(err error) bool {
	var f *ApplyFault
	return errors.As(err, &f)
}

// faultOf classifies an error met while applying entry index: a fault, or
// nil when err is the entry's result.
func faultOf(index uint64, err error) *ApplyFault {
	if err == nil {
		return nil
	}
	var f *ApplyFault
	if errors.As(err, &f) {
		return f
	}
	var e *Error
	if errors.As(err, &e) {
		switch e.kind {
		case faultStorage:
			return &ApplyFault{Index: index, Err: err}
		case faultShutdown:
			return &ApplyFault{Shutdown: true, Index: index, Err: err}
		}
		return nil
	}
	var se *sqliteErr
	if errors.As(err, &se) {
		switch {
		case se.code&0xff == lib.SQLITE_INTERRUPT || se.code == lib.SQLITE_CONSTRAINT_COMMITHOOK:
			// Only a stopping node interrupts the apply connection or
			// vetoes its commits.
			return &ApplyFault{Shutdown: true, Index: index, Err: err}
		case storageFault(se.code):
			return &ApplyFault{Index: index, Err: err}
		}
		return nil
	}
	return nil
}

// storageFault reports whether an extended SQLite result code means the
// storage (or the process's resources) failed rather than the statement.
func storageFault(code int) bool {
	switch code & 0xff {
	case lib.SQLITE_IOERR, lib.SQLITE_CORRUPT, lib.SQLITE_FULL, lib.SQLITE_NOTADB,
		lib.SQLITE_CANTOPEN, lib.SQLITE_NOMEM, lib.SQLITE_PROTOCOL, lib.SQLITE_NOLFS,
		lib.SQLITE_PERM:
		// SQLITE_INTERNAL is not here: a statement that trips an SQLite
		// bug trips it on every node, and stopping would stop them all
		// at every replay; as a result it stays deterministic.
		return true
	case lib.SQLITE_READONLY:
		// Extended read-only codes are about the file (moved, cannot
		// lock, cannot recover the WAL); plain SQLITE_READONLY is a
		// connection setting (query_only), a statement's doing.
		return code != lib.SQLITE_READONLY
	}
	return false
}

// storageSQLState is PostgreSQL's SQLSTATE for a storage fault.
func storageSQLState(prim int) string {
	switch prim {
	case lib.SQLITE_FULL:
		return "53100" // disk_full
	case lib.SQLITE_NOMEM:
		return "53200" // out_of_memory
	case lib.SQLITE_CORRUPT, lib.SQLITE_NOTADB:
		return "XX001" // data_corrupted
	}
	return "58030" // io_error
}
