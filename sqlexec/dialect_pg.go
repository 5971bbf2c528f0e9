package sqlexec

// Wiring to sqlexec/pgdialect.

import (
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

func registerDialect() error { return pgdialect.Register() }

func dialectConnSetup() []string { return pgdialect.CatalogSQL() }

type pgDialect struct{}

func (pgDialect) Split(sql string) []string { return pgdialect.Split(sql) }

func (pgDialect) Translate(sql string) (*dstmt, error) {
	st, err := pgdialect.Translate(sql)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return &dstmt{Kind: kEmpty}, nil
	}
	out := &dstmt{
		Exec: st.Exec, Tag: st.Tag, Name: st.Name, Value: st.Value, Local: st.Local,
		DropIfExists: st.DropIfExists, ParamCount: st.ParamCount, ParamOIDs: st.ParamOIDs, ColumnOIDs: st.ColumnOIDs, ReadOnly: st.ReadOnly,
	}
	switch st.Kind {
	case pgdialect.KindQuery:
		out.Kind = kQuery
	case pgdialect.KindBegin:
		out.Kind = kBegin
	case pgdialect.KindCommit:
		out.Kind = kCommit
	case pgdialect.KindRollback:
		out.Kind = kRollback
	case pgdialect.KindSavepoint:
		out.Kind = kSavepoint
	case pgdialect.KindRelease:
		out.Kind = kRelease
	case pgdialect.KindRollbackTo:
		out.Kind = kRollbackTo
	case pgdialect.KindSet:
		out.Kind = kSet
	case pgdialect.KindShow:
		out.Kind = kShow
	case pgdialect.KindReset:
		out.Kind = kReset
	case pgdialect.KindCopyFrom:
		out.Kind = kCopyFrom
	case pgdialect.KindCopyTo:
		out.Kind = kCopyTo
	case pgdialect.KindNoop:
		out.Kind = kNoop
	case pgdialect.KindDropTables:
		out.Kind = kDropTables
	case pgdialect.KindTruncate:
		out.Kind = kTruncate
	case pgdialect.KindSetTransaction:
		out.Kind = kSetTransaction
	case pgdialect.KindEmpty:
		out.Kind = kEmpty
	default:
		return nil, Unsupported("statement kind " + st.Kind.String())
	}
	for _, pc := range st.ParamCols {
		out.ParamCols = append(out.ParamCols, paramCol{Table: pc.Table, Column: pc.Column})
	}
	if c := st.Copy; c != nil {
		out.Copy = &dcopy{Table: c.Table, Columns: c.Columns, Format: c.Format, Delimiter: c.Delimiter,
			Null: c.Null, Quote: c.Quote, Escape: c.Escape, Header: c.Header, Query: c.Query}
	}
	return out, nil
}

func init() {
	activeDialect = pgDialect{}
	declTypeHook = pgdialect.DeclTypeOID
	defaultServerVersion = pgdialect.ServerVersion
	defaultDatabaseName = func() string { return pgdialect.DatabaseName() }
	defaultUserName = func() string { return pgdialect.UserName() }
}
