package sqlexec

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// COPY FROM STDIN (rows read in batches of EngineOptions.CopyBatchRows,
// applied together, so that a COPY is atomic: in the open transaction, as
// one log entry, or, past one chunk, streamed through the log and applied
// by its final entry, copystream.go) and COPY TO STDOUT.

func copyFormat(cp *pgdialect.CopySpec) pgwire.CopyFormat {
	f := pgwire.CopyFormat{Kind: cp.Format, Delimiter: cp.Delimiter, Null: cp.Null, Header: cp.Header, Quote: cp.Quote, Escape: cp.Escape}
	if f.Kind == "" {
		f.Kind = "text"
	}
	if f.Kind == "csv" {
		if f.Delimiter == "" {
			f.Delimiter = ","
		}
		if f.Quote == "" {
			f.Quote = `"`
		}
		if f.Escape == "" {
			f.Escape = f.Quote
		}
	} else if f.Kind == "text" {
		if f.Delimiter == "" {
			f.Delimiter = "\t"
		}
		if f.Null == "" {
			f.Null = `\N`
		}
	}
	return f
}

// tableColumns returns the columns (name, OID) of table and their
// declared types.
func (s *Session) tableColumns(ctx context.Context, table string) ([]pgwire.Column, []string, error) {
	var cols []pgwire.Column
	var decls []string
	err := s.onTxState(ctx, func(c *lconn) error {
		st, _, err := c.prepare("SELECT name, type FROM pragma_table_info(?)")
		if err != nil {
			return mapError(err, "")
		}
		defer st.finalize()
		_, err = st.run([]any{table}, func(r []any) error {
			name, _ := r[0].(string)
			decl, _ := r[1].(string)
			oid := typeFromDecl(decl)
			if oid == 0 {
				oid = pgoid.Text
			}
			cols = append(cols, pgwire.Column{Name: name, TypeOID: oid, TypeSize: pgoid.Size(oid), TypeModifier: -1})
			decls = append(decls, decl)
			return nil
		})
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if len(cols) == 0 {
		return nil, nil, &Error{Code: CodeUndefinedTable, Message: fmt.Sprintf("relation %q does not exist", table), Table: table, Statement: -1}
	}
	return cols, decls, nil
}

func (s *Session) copyFrom(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	cp := st.Copy
	if cp == nil || cp.Table == "" {
		return errf(CodeSyntaxError, "COPY FROM requires a table")
	}
	if err := guardInternal(cp.Table); err != nil {
		return err
	}
	if s.tx == nil {
		// The table's columns as of now (read linearizably, as a SELECT
		// would: a table just made through another node is seen).
		if err := s.barrier(ctx); err != nil {
			return err
		}
	}
	all, allDecls, err := s.tableColumns(ctx, cp.Table)
	if err != nil {
		return err
	}
	if err := s.errReadOnly("COPY FROM"); err != nil { // txmodes.go
		return err
	}
	cols, decls := all, allDecls
	if len(cp.Columns) > 0 {
		cols, decls = nil, nil
		for _, name := range cp.Columns {
			found := false
			for i, c := range all {
				if strings.EqualFold(c.Name, name) {
					cols = append(cols, c)
					decls = append(decls, allDecls[i])
					found = true
					break
				}
			}
			if !found {
				return &Error{Code: CodeUndefinedColumn, Message: fmt.Sprintf("column %q of relation %q does not exist", name, cp.Table), Statement: -1}
			}
		}
	}
	f := copyFormat(cp)
	f.Table = cp.Table
	if f.ForceNotNull, err = forceFlags("FORCE_NOT_NULL", cp.ForceNotNull, cp.Table, cols, all); err != nil {
		return err
	}
	if f.ForceNull, err = forceFlags("FORCE_NULL", cp.ForceNull, cp.Table, cols, all); err != nil {
		return err
	}
	src, err := w.CopyIn(f, cols)
	if err != nil {
		return err
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	// line is the COPY line of the last row read (PostgreSQL's CONTEXT
	// numbering: a header is line 1).
	line := int64(0)
	if cp.Header && cp.Format != "binary" {
		line = 1
	}
	var total int64
	var pending [][]any // rows read and not yet proposed or staged
	pendingBytes, firstLine := 0, line+1
	var tx txCopy          // a COPY inside a transaction
	var stream *copyStream // set once the COPY outgrows one chunk
	defer func() {
		if stream != nil {
			stream.abort(ctx) // no-op after finish
		}
	}()
	for {
		rows, err := src.Next(ctx, s.e.opts.CopyBatchRows)
		for _, r := range rows {
			line++
			if err := s.copyRow(cp.Table, names, decls, r, line); err != nil {
				return err
			}
			pending = append(pending, r)
			pendingBytes += copyValueBytes(r)
			if s.tx == nil && pendingBytes >= s.e.copyChunkBytes() {
				// Larger than one entry should be: stream
				// (copystream.go), a chunk at a time.
				if stream == nil {
					stream = s.newCopyStream(ctx, cp.Table, names)
				}
				if err := stream.send(ctx, pending, firstLine); err != nil {
					return err
				}
				pending, pendingBytes, firstLine = nil, 0, line+1
			}
		}
		total += int64(len(rows))
		if s.tx != nil && len(pending) > 0 {
			// All rows join the transaction when the COPY ends (speculated
			// once: speculating batch by batch would replay every earlier
			// batch each time, quadratic in its size), within its limits.
			if err := tx.add(s, cp.Table, names, pending); err != nil {
				return err
			}
			pending, pendingBytes = pending[:0], 0
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return toError(err)
		}
	}
	switch {
	case s.tx != nil:
		if len(tx.stmts) > 0 {
			if err := s.txWrite(ctx, tx.stmts, tx.bytes); err != nil {
				return err
			}
		}
	case stream != nil:
		if err := stream.send(ctx, pending, firstLine); err != nil {
			return err
		}
		if _, err := stream.finish(ctx); err != nil {
			return err
		}
	case len(pending) > 0:
		// A COPY within one chunk is one entry of INSERT statements, as
		// atomic as the COPY.
		stmts := copyInserts(cp.Table, names, pending, false, firstLine)
		cmd := s.e.newCommand(stmts)
		cmd.Database, cmd.User = s.names()
		if _, err := s.propose(ctx, cmd); err != nil {
			return err
		}
	}
	return w.Complete(fmt.Sprintf("COPY %d", total))
}

// copyRow checks a row's width and puts each value in its column type's
// canonical form (pgdialect/enforce.go, in the session's TimeZone, which
// the entry carries) before it is proposed, as an INSERT's would be at
// apply: a bad value is PostgreSQL's error, with the row's line as its
// CONTEXT, and nothing of the COPY is stored.
func (s *Session) copyRow(table string, names, decls []string, r []any, line int64) error {
	if len(r) != len(names) {
		msg := "extra data after last expected column"
		if len(r) < len(names) {
			msg = fmt.Sprintf("missing data for column %q", names[len(r)])
		}
		return &Error{Code: "22P04", Message: msg, Where: fmt.Sprintf("COPY %s, line %d", table, line), Statement: -1}
	}
	for j := range r {
		v, err := pgdialect.InDeclAt(r[j], decls[j], s.e.now, s.zone())
		if err != nil {
			code, msg, detail, ok := pgdialect.ParseSQLStateDetail(err.Error())
			if !ok {
				code, msg = CodeInvalidTextRepresentation, err.Error()
			}
			where := fmt.Sprintf("COPY %s, line %d, column %s", table, line, names[j])
			if t, ok := r[j].(string); ok {
				where += ": " + pgwire.CopyShown([]byte(t))
			}
			return &Error{Code: code, Message: msg, DetailText: detail, Where: where, Statement: -1}
		}
		r[j] = v
	}
	return nil
}

// copyInserts makes rows into INSERT statements of up to 500 rows. With
// firstLine (the line of the first row; 0: none), each statement's tag is
// the line of its first row, so that apply can name a refused row's line
// (copystage.go).
func copyInserts(table string, names []string, rows [][]any, digest bool, firstLine int64) []Statement {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = quoteIdent(n)
	}
	prefix := "INSERT INTO " + quoteIdent(table) + " (" + strings.Join(quoted, ", ") + ") VALUES "
	rowsPerStmt := min(500, 30000/max(1, len(names)))
	var stmts []Statement
	for start := 0; start < len(rows); start += rowsPerStmt {
		end := min(len(rows), start+rowsPerStmt)
		var b strings.Builder
		b.WriteString(prefix)
		args := make([]any, 0, (end-start)*len(names))
		for i, r := range rows[start:end] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j := range r {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteByte('?')
			}
			b.WriteByte(')')
			args = append(args, r...)
		}
		tag := "INSERT"
		if firstLine > 0 {
			tag = copyInsertTag + strconv.FormatInt(firstLine+int64(start), 10)
		}
		stmts = append(stmts, Statement{SQL: b.String(), Args: args, Tag: tag, Digest: digest})
	}
	return stmts
}

// txCopy collects the statements of a COPY inside a transaction.
type txCopy struct {
	stmts []Statement
	bytes int
}

// add turns rows into statements of the transaction, within its limits.
func (t *txCopy) add(s *Session, table string, names []string, rows [][]any) error {
	stmts := copyInserts(table, names, rows, true, 0)
	for _, st := range stmts {
		t.bytes += len(st.SQL) + 16*len(st.Args)
	}
	t.stmts = append(t.stmts, stmts...)
	return s.txLimits(len(t.stmts), t.bytes)
}

func (s *Session) copyTo(ctx context.Context, st *pgdialect.Stmt, w pgwire.ResultWriter) error {
	cp := st.Copy
	q := cp.Query
	if q == "" {
		if err := guardInternal(cp.Table); err != nil {
			return err
		}
		cl := "*"
		if len(cp.Columns) > 0 {
			names := make([]string, len(cp.Columns))
			for i, c := range cp.Columns {
				names[i] = quoteIdent(c)
			}
			cl = strings.Join(names, ", ")
		}
		q = "SELECT " + cl + " FROM " + quoteIdent(cp.Table)
	}
	// The rows stream to the client (a COPY of a large table must not be
	// held in memory): copyOutWriter turns the query's result into COPY
	// OUT as it comes.
	cw := &copyOutWriter{w: w, format: copyFormat(cp), forceQuote: cp.ForceQuote, forceAll: cp.ForceQuoteAll, table: cp.Table}
	if cp.ForceQuote != nil && cp.Table != "" {
		all, _, err := s.tableColumns(ctx, cp.Table)
		if err != nil {
			return err
		}
		cw.all = all
	}
	if s.tx != nil {
		// The rows a transaction copies out are results the client saw:
		// recorded and validated like a SELECT's.
		x := Statement{SQL: q, Tag: "SELECT", Digest: true}
		tx := s.tx
		if !tx.spec && !tx.locked {
			if err := s.txLimits(1, len(q)); err != nil {
				return err
			}
			ro, err := s.streamTxRead(ctx, tx, &pgdialect.Stmt{ColumnOIDs: cp.QueryOIDs}, x, len(q), cw, true) // txstream.go
			if err == nil && !ro {
				err = Unsupported("COPY (data-modifying query) TO")
			}
			return err
		}
		res, err := s.txCopyOut(ctx, x)
		if err != nil {
			return err
		}
		if res.Columns == nil && cp.Table != "" {
			if c, _, err := s.tableColumns(ctx, cp.Table); err == nil {
				res.Columns = c
			}
		}
		return emit(cw, &res, true, "")
	}
	if err := s.barrier(ctx); err != nil {
		return err
	}
	err := s.streamRead(ctx, q, nil, "SELECT", colHints{oids: cp.QueryOIDs}, cw, true)
	if err == errNotReadonly {
		return Unsupported("COPY (data-modifying query) TO")
	}
	return err
}

// forceFlags marks the copied columns cols named in a FORCE_* option;
// a name that is no copied column is PostgreSQL's 42P10, or 42703 when
// the table (whose columns are all; nil for a query) has no such column.
func forceFlags(option string, names []string, table string, cols, all []pgwire.Column) ([]bool, error) {
	if names == nil {
		return nil, nil
	}
	flags := make([]bool, len(cols))
	for _, n := range names {
		i := slices.IndexFunc(cols, func(c pgwire.Column) bool { return strings.EqualFold(c.Name, n) })
		if i >= 0 {
			flags[i] = true
			continue
		}
		switch {
		case table == "":
			return nil, &Error{Code: CodeUndefinedColumn, Message: fmt.Sprintf("column %q does not exist", n), Statement: -1}
		case !slices.ContainsFunc(all, func(c pgwire.Column) bool { return strings.EqualFold(c.Name, n) }):
			return nil, &Error{Code: CodeUndefinedColumn, Message: fmt.Sprintf("column %q of relation %q does not exist", n, table), Statement: -1}
		}
		return nil, &Error{Code: CodeInvalidColumnReference, Message: fmt.Sprintf("%s column %q not referenced by COPY", option, n), Statement: -1}
	}
	return flags, nil
}

// copyOutWriter receives a query's result and sends it as COPY OUT: the
// columns start it, each row is a CopyData, the end is "COPY n".
type copyOutWriter struct {
	w      pgwire.ResultWriter
	format pgwire.CopyFormat
	// FORCE_QUOTE: the columns named (or forceAll), resolved against the
	// described columns; table and all (its columns) word the errors
	forceQuote []string
	forceAll   bool
	table      string
	all        []pgwire.Column
	started    bool
	n          int64
}

func (c *copyOutWriter) Describe(cols []pgwire.Column) error {
	if c.started {
		return nil
	}
	c.started = true
	if c.forceAll {
		c.format.ForceQuote = make([]bool, len(cols))
		for i := range cols {
			c.format.ForceQuote[i] = true
		}
	} else if c.forceQuote != nil {
		flags, err := forceFlags("FORCE_QUOTE", c.forceQuote, c.table, cols, c.all)
		if err != nil {
			return err
		}
		c.format.ForceQuote = flags
	}
	return c.w.CopyOut(c.format, cols)
}

func (c *copyOutWriter) Row(values []any) error {
	c.n++
	return c.w.Row(values)
}

func (c *copyOutWriter) Complete(string) error {
	if err := c.Describe(nil); err != nil {
		return err
	}
	return c.w.Complete(fmt.Sprintf("COPY %d", c.n))
}

func (c *copyOutWriter) EmptyQuery() error { return c.Complete("") }

func (c *copyOutWriter) Notice(severity, code, message string, detail ...string) error {
	return c.w.Notice(severity, code, message, detail...)
}

func (c *copyOutWriter) CopyIn(pgwire.CopyFormat, []pgwire.Column) (pgwire.CopySource, error) {
	return nil, Unsupported("COPY FROM inside COPY TO")
}

func (c *copyOutWriter) CopyOut(pgwire.CopyFormat, []pgwire.Column) error {
	return Unsupported("COPY TO inside COPY TO")
}

// txCopyOut runs the query of a COPY TO inside the transaction (on its
// read view, or speculatively once it has written) and records it.
func (s *Session) txCopyOut(ctx context.Context, x Statement) (StatementResult, error) {
	tx := s.tx
	size := len(x.SQL)
	if err := s.txLimits(1, size); err != nil {
		return StatementResult{}, err
	}
	var res StatementResult
	if !tx.spec {
		// Digested as it runs: earlier streamed reads first (txstream.go).
		if err := s.settleReads(ctx, tx); err != nil {
			return res, err
		}
		r, ro, err := s.runInReadView(ctx, tx, x)
		if err != nil {
			return res, err
		}
		if !ro {
			return res, Unsupported("COPY (data-modifying query) TO")
		}
		res = r
	} else {
		results, ro, err := s.speculate(ctx, tx, []Statement{x}, false)
		if err != nil {
			return res, err
		}
		if results[0].Err == nil && !ro[0] {
			return res, Unsupported("COPY (data-modifying query) TO")
		}
		res = results[0]
	}
	tx.record([]Statement{x}, []StatementResult{res}, size)
	return res, res.Err
}
