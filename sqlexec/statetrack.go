package sqlexec

// What the apply connection must re-read before it relies on what it knows.
//
// The apply connection checked SQLite's schema version before every
// statement it prepared (so that a cached statement is never described
// with the columns of an older schema) and read PRAGMA query_only at the
// start of every batch (a statement may have left it on): five to six
// extra virtual-machine runs per applied entry, about a tenth of the CPU
// of a replicated INSERT (docs/benchmarks.md). The apply connection is
// the only writer of its database, so its schema and settings change only
// by statements it runs itself, and SQLite's authorizer tells, while a
// statement compiles, whether it can change them: a statement whose every
// action is on the allow-list below only reads and writes rows. Running
// any other statement, or any statement that fails (a failure may roll
// the transaction back, and with it schema changes made before), marks
// the state unsynced; the next prepare then reads the schema version, the
// next batch reads query_only, exactly as before. Read connections keep
// their own check (the apply connection's published version).

import (
	lib "modernc.org/sqlite/lib"
)

// unsyncedState: which of the connection's cached facts may be stale.
type unsyncedState uint8

const (
	unsyncedSchema   unsyncedState = 1 << iota // cached statements vs PRAGMA schema_version
	unsyncedSettings                           // PRAGMA query_only (beginApply)
	unsyncedAll      = unsyncedSchema | unsyncedSettings
)

// altersConn reports an authorizer action that may change the schema or
// a connection setting, or undo such a change: everything but the
// allow-list of reading and writing rows, calling functions, and opening,
// committing or releasing a transaction or savepoint.
func altersConn(action int32, arg1 string) bool {
	switch action {
	case lib.SQLITE_SELECT, lib.SQLITE_READ, lib.SQLITE_FUNCTION, lib.SQLITE_RECURSIVE:
		return false
	case lib.SQLITE_INSERT, lib.SQLITE_UPDATE, lib.SQLITE_DELETE:
		return isSchemaTable(arg1) // writable_schema, or a rename's rewrite
	case lib.SQLITE_TRANSACTION: // arg1: BEGIN, COMMIT or ROLLBACK
		return arg1 != "BEGIN" && arg1 != "COMMIT"
	case lib.SQLITE_SAVEPOINT: // arg1: BEGIN, RELEASE or ROLLBACK
		return arg1 != "BEGIN" && arg1 != "RELEASE"
	}
	return true
}
