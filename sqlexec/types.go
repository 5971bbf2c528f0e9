package sqlexec

import (
	"context"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// StatementResult is the outcome of one applied statement.
type StatementResult struct {
	Columns      []pgwire.Column
	Rows         [][]any
	RowsAffected int64
	Tag          string // full command tag, e.g. "INSERT 0 3"
	Err          error  // *Error

	declared []bool // column i had a declared type
}

// applyHints types columns without a declared type from hints (0 = no hint).
func (r *StatementResult) applyHints(hints []uint32) {
	for i := range r.Columns {
		if i < len(hints) && hints[i] != 0 && (i >= len(r.declared) || !r.declared[i]) {
			r.Columns[i].TypeOID = hints[i]
			r.Columns[i].TypeSize = pgoid.Size(hints[i])
		}
	}
	if len(hints) > 0 {
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
}

// Replicator is implemented by the node (root package).
type Replicator interface {
	// Propose replicates cmd and returns this node's own apply result.
	Propose(ctx context.Context, cmd *Command) (*ApplyResult, error)
	// ReadBarrier waits until the local state reflects every write
	// committed before the call (ReadIndex + wait for local apply).
	ReadBarrier(ctx context.Context) error
}

// typeFromDecl maps a declared column type to a PostgreSQL type OID; 0 if
// there is no declared type.
func typeFromDecl(decl string) uint32 {
	oid, _ := typeFromDeclMod(decl)
	return oid
}

func typeFromDeclMod(decl string) (uint32, int32) {
	// The dialect's type table first; it returns 0 when it cannot tell.
	if oid, mod := pgdialect.DeclTypeOID(decl); oid != 0 {
		return oid, mod
	}
	d := strings.ToUpper(strings.TrimSpace(decl))
	if d == "" {
		return 0, -1
	}
	if i := strings.IndexByte(d, '('); i >= 0 {
		d = strings.TrimSpace(d[:i])
	}
	// What the table cannot tell: SQLite's DATETIME is a timestamp; any
	// other name (STRING, arrays, unknown types) is text.
	if d == "DATETIME" {
		return pgoid.Timestamp, -1
	}
	return pgoid.Text, -1
}

func typeFromValue(v any) uint32 {
	switch v.(type) {
	case int64:
		return pgoid.Int8
	case float64:
		return pgoid.Float8
	case []byte:
		return pgoid.Bytea
	case bool:
		return pgoid.Bool
	}
	return pgoid.Text
}

// colInfo is a column as SQLite describes it.
type colInfo struct {
	name string
	decl string
	hint uint32 // type inferred by the dialect when decl is empty
}

// buildColumns computes result columns: declared type if any, else the type
// of the first row's value, else text.
func buildColumns(infos []colInfo, first []any) []pgwire.Column {
	cols := make([]pgwire.Column, len(infos))
	for i, ci := range infos {
		oid, mod := typeFromDeclMod(ci.decl)
		if oid == 0 && ci.hint != 0 {
			oid = ci.hint
		}
		if oid == 0 {
			oid = pgoid.Text
			if first != nil && i < len(first) && first[i] != nil {
				oid = typeFromValue(first[i])
			}
		}
		cols[i] = pgwire.Column{Name: ci.name, TypeOID: oid, TypeSize: pgoid.Size(oid), TypeModifier: mod}
	}
	return cols
}

// convertRow adapts SQLite values to the declared column types (bool).
func convertRow(cols []pgwire.Column, row []any) {
	for i, c := range cols {
		if i >= len(row) {
			return
		}
		if c.TypeOID == pgoid.Bool {
			switch v := row[i].(type) {
			case int64:
				row[i] = v != 0
			case float64:
				row[i] = v != 0
			case string:
				switch strings.ToLower(v) {
				case "t", "true", "1", "yes", "on", "y":
					row[i] = true
				case "f", "false", "0", "no", "off", "n":
					row[i] = false
				}
			}
		}
	}
}
