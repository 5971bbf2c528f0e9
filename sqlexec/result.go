package sqlexec

import (
	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// The results of applied log entries, as the apply loop reports them to
// the proposer and the session reports them to the client.

// StatementResult is the outcome of one applied statement.
type StatementResult struct {
	Columns      []pgwire.Column
	Rows         [][]any
	RowsAffected int64
	Tag          string // full command tag, e.g. "INSERT 0 3"
	Err          error  // *Error

	declared []bool // column i had a declared type
	// notices: the statement's NOTICEs (notice.go), sent to the client
	// before its result by the session that proposed or speculated it
	notices []notice
}

// applyHints types columns without a declared type from hints.
func (r *StatementResult) applyHints(hints colHints) {
	for i := range r.Columns {
		if o, m := hints.at(i); o != 0 && (i >= len(r.declared) || !r.declared[i]) {
			r.Columns[i].TypeOID = o
			r.Columns[i].TypeSize = pgoid.Size(o)
			r.Columns[i].TypeModifier = m
		}
	}
	if len(hints.oids) > 0 {
		for _, row := range r.Rows {
			convertRow(r.Columns, row)
		}
	}
}

// ApplyResult is the outcome of applying one log entry.
type ApplyResult struct {
	RequestID [16]byte
	Index     uint64
	Duplicate bool // request id seen before: not executed again
	Skipped   bool // index already applied
	Results   []StatementResult
	Err       error // first statement error (*Error, Statement set); the entry was rolled back
	// Sequences: the proposing session's sequence history after the
	// entry (sequences.go); empty when the entry failed or used none.
	Sequences string
	// Notifications: what the entry's NOTIFYs deliver, de-duplicated, in
	// order (notify.go); handed to listeners once the entry is committed.
	Notifications []pgwire.Notification
}

// setRows records a statement's result rows and describes their columns
// from SQLite's column information (declared types, or the first row's
// values where a column has none).
func (res *StatementResult) setRows(infos []colInfo, rows [][]any) {
	var first []any
	if len(rows) > 0 {
		first = rows[0]
	}
	res.Columns = buildColumns(infos, first)
	res.declared = make([]bool, len(infos))
	for i := range infos {
		res.declared[i] = infos[i].decl != ""
	}
	for _, r := range rows {
		convertRow(res.Columns, r)
	}
	res.Rows = rows
}
