package sqlexec

import (
	"context"
	"fmt"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// CREATE TABLE ... AS and SELECT ... INTO (pgdialect/tableas.go): the
// session describes the query on the state the statement sees (the
// transaction's, or the latest applied state after a read barrier) as a
// client's Describe of it would, and writes the table out as PostgreSQL
// makes it: each column of the query's result type, with its type
// modifier where the result column has one (a numeric(10,3) or
// varchar(5) column read as is), an unknown-type literal as text, as
// PostgreSQL 15 does. The CREATE TABLE of those types and an INSERT of
// the query's rows (none for WITH NO DATA) are translated as any
// client's and proposed as one entry, so the new table's values are
// enforced and canonical from the first row, on every node alike. What
// enters the log is the written-out statement: a table the query reads
// that changes between the description and the entry's apply gives the
// INSERT its own assignment (or its error).

// expandTableAs writes out st (TableAs set) and translates it; done
// reports a statement carried out here (IF NOT EXISTS of an existing
// relation: PostgreSQL's NOTICE and tag, nothing proposed).
func (s *Session) expandTableAs(ctx context.Context, orig string, st *pgdialect.Stmt, w pgwire.ResultWriter) (out *pgdialect.Stmt, done bool, err error) {
	ta := st.TableAs
	if st.ParamCount > 0 {
		// PostgreSQL binds them into the query; the written-out
		// statements would carry them into DDL
		return nil, false, errf(CodeFeatureNotSupported, "CREATE TABLE ... AS with parameters is not supported")
	}
	if s.tx == nil {
		if err := s.barrier(ctx); err != nil {
			return nil, false, err
		}
	}
	if ta.IfNotExists {
		exists, err := s.relationNameTaken(ctx, ta.Table, ta.Temp)
		if err != nil {
			return nil, false, err
		}
		if exists {
			_ = w.Notice("NOTICE", CodeDuplicateTable, fmt.Sprintf("relation \"%s\" already exists, skipping", ta.Table))
			return nil, true, w.Complete("CREATE TABLE AS")
		}
	}
	qst, err := translate(ta.Query)
	if err != nil {
		return nil, false, err
	}
	if qst.Kind != pgdialect.KindQuery || len(qst.Exec) != 1 {
		return nil, false, errf(CodeInternal, "tableas: the query of %q did not translate to one statement", orig)
	}
	if !ta.Temp && s.temp != nil && len(s.temp.names) > 0 {
		// rows of a temporary table into a replicated one: refused as
		// any statement that would carry them into the log (temp.go)
		var u tempUse
		if err := s.temp.with(ctx, func(c *lconn) error { u = s.temp.classify(c, qst.Exec[0]); return nil }); err != nil {
			return nil, false, err
		}
		if u.temp != "" {
			return nil, false, Unsupported(fmt.Sprintf("a statement that uses temporary object %s and changes replicated data (%s exists only in this session on this node; the change could not be replicated)", u.temp, u.temp))
		}
	}
	cols, infos, _, _, err := s.describeInfos(ctx, qst.Exec[0], stmtHints(qst), nil)
	if err != nil {
		return nil, false, err
	}
	if len(ta.Columns) > len(cols) {
		return nil, false, errf(CodeSyntaxError, "too many column names were specified")
	}
	defs := make([]pgdialect.TableAsColumn, len(cols))
	for i, col := range cols {
		name := col.Name
		if i < len(ta.Columns) {
			name = ta.Columns[i]
		}
		typ, err := tableAsType(col, infos[i])
		if err != nil {
			return nil, false, err
		}
		defs[i] = pgdialect.TableAsColumn{Name: name, Type: typ}
	}
	create, insert := ta.Statements(defs)
	out, err = pgdialect.TranslateFor(create, orig)
	if err != nil {
		return nil, false, err
	}
	if out.Kind != pgdialect.KindQuery || out.TableAs != nil || out.Like != nil {
		return nil, false, errf(CodeInternal, "tableas: %q did not translate to statements", create)
	}
	if insert != "" {
		ins, err := pgdialect.TranslateFor(insert, orig)
		if err != nil {
			return nil, false, err
		}
		if ins.Kind != pgdialect.KindQuery {
			return nil, false, errf(CodeInternal, "tableas: %q did not translate to statements", insert)
		}
		ins.Exec = append(out.Exec, ins.Exec...)
		ins.Temp, ins.OnCommit = out.Temp, out.OnCommit
		out = ins
	}
	out.Tag, out.TableAs, out.NoRows = st.Tag, ta, ta.NoData
	out.ReadOnly = false
	return out, false, nil
}

// tableAsType is the type PostgreSQL gives a table column made from the
// query's result column col (ci as SQLite describes it).
func tableAsType(col pgwire.Column, ci colInfo) (string, error) {
	switch col.TypeOID {
	case pgoid.Unknown:
		return "text", nil
	case 2249: // record
		return "", &Error{Code: "42P16", Message: fmt.Sprintf("column \"%s\" has pseudo-type record", col.Name)}
	case pgoid.Text:
		// a column of a user type the description names by its values'
		// text (an enum): the type it is declared of
		if ci.decl != "" && !pgdialect.DeclTypeKnown(ci.decl) {
			if name, ok := pgdialect.UserTypeName(ci.decl); ok {
				return name, nil
			}
		}
	}
	t := pgdialect.FormatType(col.TypeOID, col.TypeModifier)
	if t == "???" || t == "" {
		return "", errf(CodeFeatureNotSupported, "CREATE TABLE ... AS of column %s of type OID %d is not supported", col.Name, col.TypeOID)
	}
	return t, nil
}

// relationNameTaken reports whether a relation (table, view, index,
// sequence) is named name in the state the session's statements see, or
// with temp one of the session's temporary tables (pg_temp's namespace
// is its own).
func (s *Session) relationNameTaken(ctx context.Context, name string, temp bool) (bool, error) {
	if temp {
		return s.temp != nil && s.temp.names[strings.ToLower(name)], nil
	}
	found := false
	err := s.onTxState(ctx, func(c *lconn) error { // txn.go
		var err error
		found, err = relationNamed(c, name) // seqdeps.go
		return err
	})
	return found, err
}
