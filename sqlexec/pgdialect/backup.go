package pgdialect

// BACKUP TO STDOUT (raftsql's own statement) and the refusal of VACUUM
// INTO.
//
//	BACKUP TO STDOUT
//
// streams a consistent copy of the node's SQLite database, as a plain
// SQLite file, over COPY OUT (the session carries it out; see
// sqlexec/backup.go). VACUUM INTO 'file' would write a file on the server
// that the statement cannot make consistent with the log or put anywhere
// the client can reach: it is refused with 0A000 pointing to BACKUP TO
// STDOUT and `raftsql backup`. Plain VACUUM and ANALYZE stay accepted
// no-ops (KindNoop): each node's SQLite keeps its own statistics and free
// pages, which change nothing a query returns.

// backup parses BACKUP TO STDOUT (token 0 is BACKUP).
func (x *tx) backup() (*Stmt, error) {
	if !x.kw(1, "TO") {
		if x.n() == 1 {
			return nil, syntaxErr(0, "syntax error at end of input (BACKUP takes TO STDOUT)")
		}
		return nil, x.syntaxErrAt(1)
	}
	if !x.kw(2, "STDOUT") {
		if x.n() == 2 {
			return nil, syntaxErr(0, "syntax error at end of input (BACKUP TO takes STDOUT)")
		}
		return nil, unsupported("BACKUP TO a server file is not supported: use BACKUP TO STDOUT (raftsql backup -o FILE writes the file on the client)")
	}
	if x.n() > 3 {
		return nil, x.syntaxErrAt(3)
	}
	return &Stmt{Kind: KindBackup, Tag: "BACKUP", ReadOnly: true}, nil
}

// vacuumInto reports whether a VACUUM statement has an INTO clause.
func (x *tx) vacuumInto() bool {
	for i := 1; i < x.n(); i++ {
		if x.kw(i, "INTO") {
			return true
		}
	}
	return false
}

// errVacuumInto is the refusal of VACUUM INTO.
func errVacuumInto() *Error {
	return unsupported("VACUUM INTO is not supported: it would write a file on one node outside the log; use BACKUP TO STDOUT, or raftsql backup -o FILE, for a consistent copy of the database as a SQLite file")
}
