package sqlexec

import (
	"context"
	"fmt"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// SQL-level prepared statements (PREPARE / EXECUTE / DEALLOCATE).
//
// A named statement is the session's own (PostgreSQL keeps them per
// backend): PREPARE translates and describes its body as the extended
// protocol's Parse would (so a missing table is reported by PREPARE, as in
// PostgreSQL) and keeps it in Session.named. EXECUTE evaluates its
// argument expressions on a read connection, each cast to its declared
// parameter type, and then runs the body with those values bound exactly
// as an extended-protocol Execute does: a write enters the log as the
// body's statement with the evaluated values as its arguments, so the log
// never holds anything the arguments' evaluation could make differ between
// nodes (now(), random() in an argument are evaluated once, here).
// Nothing of PREPARE enters the log. Names are separate from the
// protocol-level statement names, which the wire server keeps.

// named is one PREPAREd statement.
type named struct {
	ps    *PreparedStatement
	types []string // declared parameter types (PostgreSQL text), may be fewer than parameters
}

func (s *Session) sqlPrepare(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	spec := st.Prepare
	if _, ok := s.named[st.Name]; ok {
		return errf("42P05", "prepared statement %q already exists", st.Name)
	}
	oids := make([]uint32, len(spec.Types))
	for i, t := range spec.Types {
		oids[i], _ = pgdialect.DeclTypeOID(t)
	}
	ps, err := s.prepare(ctx, spec.Body, oids)
	if err != nil {
		return err
	}
	switch ps.st.Kind {
	case pgdialect.KindQuery, pgdialect.KindDropTables, pgdialect.KindTruncate:
	default:
		return errf(CodeSyntaxError, "syntax error at or near %q", strings.Fields(spec.Body)[0])
	}
	if s.named == nil {
		s.named = make(map[string]*named)
	}
	s.named[st.Name] = &named{ps: ps, types: spec.Types}
	return w.Complete("PREPARE")
}

func (s *Session) sqlExecute(ctx context.Context, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter, describe bool) error {
	n, ok := s.named[st.Name]
	if !ok {
		return errf("26000", "prepared statement %q does not exist", st.Name)
	}
	want, got := len(n.ps.paramOIDs), len(st.Prepare.Args)
	if want != got {
		e := errf(CodeSyntaxError, "wrong number of parameters for prepared statement %q", st.Name)
		e.DetailText = fmt.Sprintf("Expected %d parameters but got %d.", want, got)
		return e
	}
	vals, err := s.evalArgs(ctx, n.types, st.Prepare.Args, args)
	if err != nil {
		return err
	}
	if n.ps.cols != nil && !describe {
		w = &coerceWriter{ResultWriter: w, cols: n.ps.cols}
	}
	vals, err = s.readParams(convertArgs(vals, n.ps.paramOIDs), n.ps.paramOIDs) // param_in.go
	if err != nil {
		return err
	}
	vals = assignTimestamptzParams(vals, n.ps.paramOIDs, n.ps.stored, s.zone) // param_assign.go
	return s.exec(ctx, n.ps.orig, n.ps.st, vals, w, describe)
}

// evalArgs computes EXECUTE's arguments: one SELECT of the expressions,
// each cast to its declared type (PostgreSQL coerces them to the
// parameter types, with the types' input errors), on a read connection.
// args are the EXECUTE statement's own parameters (extended protocol).
func (s *Session) evalArgs(ctx context.Context, types, exprs []string, args []any) ([]any, error) {
	if len(exprs) == 0 {
		return nil, nil
	}
	items := make([]string, len(exprs))
	for i, e := range exprs {
		items[i] = "(" + e + ")"
		if i < len(types) {
			items[i] = "CAST(" + items[i] + " AS " + types[i] + ")"
		}
	}
	st, err := s.translate(ctx, "SELECT "+strings.Join(items, ", "))
	if err != nil {
		return nil, err
	}
	if st.Kind != pgdialect.KindQuery || len(st.Exec) != 1 || !st.ReadOnly {
		return nil, Unsupported("this EXECUTE argument")
	}
	res, err := s.tryRead(ctx, st.Exec[0], args, "SELECT")
	if err == errNotReadonly {
		return nil, Unsupported("this EXECUTE argument")
	}
	if err != nil {
		return nil, err
	}
	if len(res.Rows) != 1 {
		return nil, errf(CodeInternal, "EXECUTE arguments gave %d rows", len(res.Rows))
	}
	return res.Rows[0], nil
}

func (s *Session) sqlDeallocate(st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	if st.Prepare.All {
		s.named = nil
		return w.Complete("DEALLOCATE ALL")
	}
	if _, ok := s.named[st.Name]; !ok {
		return errf("26000", "prepared statement %q does not exist", st.Name)
	}
	delete(s.named, st.Name)
	return w.Complete("DEALLOCATE")
}
