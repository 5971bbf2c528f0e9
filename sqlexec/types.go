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
	return typeFromDeclLocal(decl), -1
}

func typeFromDeclLocal(decl string) uint32 {
	d := strings.ToUpper(strings.TrimSpace(decl))
	if d == "" {
		return 0
	}
	if i := strings.IndexByte(d, '('); i >= 0 {
		d = strings.TrimSpace(d[:i])
	}
	if strings.HasSuffix(d, "[]") {
		return pgoid.Text
	}
	switch d {
	case "INTEGER", "BIGINT", "INT8", "BIGSERIAL", "SERIAL8", "UNSIGNED BIG INT":
		return pgoid.Int8
	case "INT", "INT4", "MEDIUMINT", "SERIAL", "SERIAL4":
		return pgoid.Int4
	case "SMALLINT", "INT2", "TINYINT", "SMALLSERIAL", "SERIAL2":
		return pgoid.Int2
	case "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT8", "FLOAT":
		return pgoid.Float8
	case "FLOAT4":
		return pgoid.Float4
	case "NUMERIC", "DECIMAL":
		return pgoid.Numeric
	case "TEXT", "CLOB", "STRING", "NAME", "CITEXT":
		return pgoid.Text
	case "VARCHAR", "CHARACTER VARYING", "NVARCHAR", "VARYING CHARACTER":
		return pgoid.Varchar
	case "CHAR", "CHARACTER", "BPCHAR", "NCHAR", "NATIVE CHARACTER":
		return pgoid.Bpchar
	case "BOOL", "BOOLEAN":
		return pgoid.Bool
	case "BLOB", "BYTEA":
		return pgoid.Bytea
	case "DATE":
		return pgoid.Date
	case "TIME", "TIME WITHOUT TIME ZONE":
		return pgoid.Time
	case "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE", "DATETIME":
		return pgoid.Timestamp
	case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE":
		return pgoid.Timestamptz
	case "INTERVAL":
		return pgoid.Interval
	case "UUID":
		return pgoid.UUID
	case "JSON":
		return pgoid.JSON
	case "JSONB":
		return pgoid.JSONB
	}
	// SQLite affinity rules.
	switch {
	case strings.Contains(d, "INT"):
		return pgoid.Int8
	case strings.Contains(d, "CHAR"), strings.Contains(d, "CLOB"), strings.Contains(d, "TEXT"):
		return pgoid.Text
	case strings.Contains(d, "BLOB"):
		return pgoid.Bytea
	case strings.Contains(d, "REAL"), strings.Contains(d, "FLOA"), strings.Contains(d, "DOUB"):
		return pgoid.Float8
	}
	return pgoid.Text
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
