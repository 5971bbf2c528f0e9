package sqlexec

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PreparedStatement is a statement of the extended protocol
// (pgwire.Statement).
type PreparedStatement struct {
	s         *Session
	orig      string
	st        *pgdialect.Stmt
	paramOIDs []uint32
	cols      []pgwire.Column
	closed    bool
	verdict   writeVerdict // verdict.go
	// fromData: a result column was typed from a row of the data
	// (describe's probe): not kept for the next Parse (preparecache.go).
	fromData bool
	stored   []uint32 // the column types of declared-timestamptz parameters (param_assign.go)
	// coerce is the Execute's coercing writer, reused: the session's
	// lock holds one Execute at a time, and none keeps its writer.
	coerce coerceWriter
}

// Prepare parses exactly one statement. paramOIDs are the client's
// declared parameter types (0 = unspecified).
func (s *Session) Prepare(ctx context.Context, sql string, paramOIDs []uint32) (pgwire.Statement, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.prepare(ctx, sql, paramOIDs)
}

// prepare is Prepare with s.mu held (also SQL-level PREPARE's); a Parse
// of a text parsed before may be answered from the earlier one
// (preparecache.go).
func (s *Session) prepare(ctx context.Context, sql string, paramOIDs []uint32) (*PreparedStatement, error) {
	stamp, keep := s.prepareStamp()
	var key string
	if keep {
		key = preparedKey(sql, paramOIDs)
		if ps := s.keptPrepare(key, stamp); ps != nil {
			return ps, nil
		}
	}
	ps, err := s.prepareText(ctx, sql, paramOIDs)
	if err == nil && keep {
		s.keepPrepare(key, stamp, ps)
	}
	return ps, err
}

// prepareText parses and describes sql.
func (s *Session) prepareText(ctx context.Context, sql string, paramOIDs []uint32) (*PreparedStatement, error) {
	pieces := pgdialect.SplitPieces(sql)
	if len(pieces) > 1 {
		// PostgreSQL parses the string before it counts the statements
		if _, err := s.parseString(ctx, sql, pieces); err != nil { // parsefirst.go
			return nil, err
		}
		return nil, errf(CodeSyntaxError, "cannot insert multiple commands into a prepared statement")
	}
	var st *pgdialect.Stmt
	if len(pieces) == 0 {
		st = &pgdialect.Stmt{Kind: pgdialect.KindEmpty}
	} else {
		var err error
		err = pgdialect.InternalCall(pieces[0].Text) // internal_calls.go: raftsql's own functions are no client's
		if err == nil {
			st, err = s.translate(ctx, pieces[0].Text)
		}
		if err != nil {
			return nil, placeInString(toError(err), pieces[0], sql)
		}
	}
	ps := &PreparedStatement{s: s, orig: sql, st: st}
	// DECLARE's parameters are its query's (cursor.go): typed from it.
	typed := st
	if st.Kind == pgdialect.KindDeclare {
		q, err := s.translate(ctx, st.Cursor.Query)
		if err != nil {
			return nil, toError(err)
		}
		typed = q
	}
	n := typed.ParamCount
	if len(paramOIDs) > n {
		n = len(paramOIDs)
	}
	ps.paramOIDs = make([]uint32, n)
	for i := range ps.paramOIDs {
		if i < len(paramOIDs) && paramOIDs[i] != 0 {
			ps.paramOIDs[i] = paramOIDs[i]
		} else if i < len(typed.ParamOIDs) {
			ps.paramOIDs[i] = typed.ParamOIDs[i]
		}
	}
	switch st.Kind {
	case pgdialect.KindExecute:
		if n := s.named[st.Name]; n != nil {
			ps.cols = n.ps.cols // EXECUTE returns the named statement's rows
		}
	case pgdialect.KindFetch:
		ps.cols = s.cursorColumns(st) // cursor.go
	case pgdialect.KindShow:
		name := strings.ToLower(st.Name)
		if cols := s.nodeSettingColumns(name); cols != nil {
			ps.cols = cols
		} else if name == "all" {
			ps.cols = []pgwire.Column{textCol("name"), textCol("setting"), textCol("description")}
		} else {
			ps.cols = []pgwire.Column{textCol(name)}
		}
	case pgdialect.KindQuery, pgdialect.KindDeclare:
		if len(typed.Exec) == 1 && typed.Kind == pgdialect.KindQuery {
			s.inferParams(ctx, typed, ps.paramOIDs)
			typedSQL := pieces[0].Text
			if st.Kind == pgdialect.KindDeclare {
				typedSQL = st.Cursor.Query
			}
			s.operandParams(ctx, typedSQL, ps.paramOIDs) // paramtypes.go
			if err := untypedParam(typedSQL, ps.paramOIDs); err != nil {
				return nil, err
			}
			ps.stored = s.storedParamOIDs(ctx, sql, typed, paramOIDs) // param_assign.go
			cols, nparams, probed, err := s.describe(ctx, typed.Exec[0], stmtHints(typed), ps.paramOIDs)
			ps.fromData = probed
			if err != nil {
				if e, ok := err.(*Error); ok {
					describeUndefinedFunction(e, sql, paramOIDs) // undefined_function.go
					// seqrelation.go: a sequence read as a relation
					if again, ok := s.sequenceRelationRead(ctx, sql, typed, e); ok && typed == st {
						return s.prepareText(ctx, again, paramOIDs)
					}
					s.sequenceRelationError(ctx, sql, e)
					if typed == st && (e.Code == CodeSyntaxError || e.Code == "42P10") {
						// as the simple protocol places them (exec)
						fixPosition(e, pieces[0].Text)
						return nil, placeInString(e, pieces[0], sql)
					}
				}
				return nil, err
			}
			if st.Kind == pgdialect.KindQuery && !st.NoRows { // NoRows: DDL carried out by a SELECT of a function
				ps.cols = cols
			}
			if typed.NoColumns {
				ps.cols = []pgwire.Column{} // nocolumns.go
			}
			if st.Tag == "EXPLAIN" {
				ps.cols = explainColumns() // explain.go
			}
			if nparams > len(ps.paramOIDs) {
				ps.paramOIDs = append(ps.paramOIDs, make([]uint32, nparams-len(ps.paramOIDs))...)
			}
		}
	}
	return ps, nil
}

// describe computes the result columns of sqlText without executing
// writes: on a read connection, or (inside a transaction, or when the
// statement refers to objects the transaction created) on the speculative
// apply state.
func (s *Session) describe(ctx context.Context, sqlText string, hints colHints, paramOIDs []uint32) (cols []pgwire.Column, nparams int, probed bool, err error) {
	cols, _, nparams, probed, err = s.describeInfos(ctx, sqlText, hints, paramOIDs)
	return cols, nparams, probed, err
}

// describeInfos is describe that also returns the columns as SQLite
// describes them (their declared types: tableas.go).
func (s *Session) describeInfos(ctx context.Context, sqlText string, hints colHints, paramOIDs []uint32) (cols []pgwire.Column, infos []colInfo, nparams int, probed bool, err error) {
	if err := guardInternal(sqlText); err != nil {
		return nil, nil, 0, false, err
	}
	// probed: a column was typed from data (no static type known)
	// A statement with data-modifying CTEs is described as its main
	// statement, compiled after the CTEs' tables are made (dmlcte.go).
	plan, isPlan := pgdialect.ParseWithDML(sqlText)
	fn := func(c *lconn) error {
		probed = false
		sqlText := sqlText
		if isPlan {
			p := &withPlan{w: plan, names: make([][]string, len(plan.Items))}
			restore := c.enterAuth(authOff)
			e := p.prepare(c, nil)
			restore()
			if e != nil {
				return e
			}
			sqlText = p.main
		}
		st, _, err := c.prepare(sqlText)
		if err != nil {
			return mapError(err, sqlText)
		}
		if st == nil {
			return nil
		}
		defer st.finalize()
		nparams = st.paramCount()
		n := st.columnCount()
		if n == 0 {
			return nil
		}
		infos = make([]colInfo, n)
		untyped := false
		for i := range infos {
			infos[i] = newColInfo(st, i)
			if infos[i].decl == "" {
				untyped = true
			}
		}
		for i := range infos {
			infos[i].setHint(hints, i)
		}
		resultTypes(c, sqlText, infos) // resulttypes.go
		var first []any
		if untyped && !st.readonly() {
			items := returningItems(sqlText)
			decls := fillDeclFromTable(c, sqlText, infos, items)
			for i := range infos {
				if infos[i].decl == "" && infos[i].hint == 0 && i < len(items) {
					infos[i].hint = inferExpr(items[i], decls)
				}
			}
		} else if untyped && st.readonly() {
			// Probe one row for expression column types, binding
			// placeholder values of the parameters' types.
			probed = true
			args := make([]any, nparams)
			for i := range args {
				if i < len(paramOIDs) {
					args[i] = dummyArg(paramOIDs[i])
				}
			}
			if c.det != nil {
				// the probe is no execution: set_config changes nothing
				defer c.det.setConfig.Store(c.det.setConfig.Swap(&probeSetConfig)) // setconfig.go
			}
			_, _ = st.run(args, func(r []any) error {
				if first == nil {
					first = r
				}
				return errStopProbe
			})
		}
		cols = buildColumns(infos, first)
		for i := range cols {
			if infos[i].decl == "" && first == nil && strings.HasPrefix(strings.ToLower(infos[i].name), "count(") {
				cols[i].TypeOID, cols[i].TypeSize = pgoid.Int8, 8
			}
		}
		return nil
	}
	if isPlan {
		// not the session's temporary space: the plan's tables are the
		// apply connection's
	} else if handled, err := s.tempDescribe(ctx, sqlText, fn); handled { // temp.go
		if err != nil {
			return nil, nil, 0, false, toError(err)
		}
		return cols, infos, nparams, probed, nil
	}
	if isPlan {
		// its tables are made on the apply connection, in a transaction
		// rolled back at once, after the transaction's statements
		probe := func(c *lconn) error {
			defer c.enterAuth(authWrite)()
			return fn(c)
		}
		if s.tx != nil && len(s.tx.stmts) > 0 {
			err = s.withTxState(ctx, s.tx, probe) // keptspec.go
		} else {
			err = s.e.db.withWriter(ctx, func(c *lconn, det *detState) error {
				if err := c.exec("BEGIN"); err != nil {
					return err
				}
				defer c.exec("ROLLBACK")
				return probe(c)
			})
		}
	} else if s.tx != nil && !s.tx.spec && s.tx.view != nil {
		err = s.e.db.withReadView(ctx, s.tx.view, func(c *lconn) error {
			defer s.bindConn(c)()
			return fn(c)
		})
	} else if s.tx != nil && len(s.tx.stmts) > 0 {
		err = s.withTxState(ctx, s.tx, func(c *lconn) error { // keptspec.go
			// fn may step the statement (a probe for column types): on
			// the apply connection only under the write allow-list.
			defer c.enterAuth(authWrite)()
			return fn(c)
		})
	} else {
		err = s.e.db.withReader(ctx, func(c *lconn) error {
			defer s.bindConn(c)()
			return fn(c)
		})
		e, failed := err.(*Error)
		if (failed && e.Code != CodeSyntaxError || err == nil && probed) && s.linearizable() {
			// Possibly lagging: retry after a barrier (also when a type
			// came from the data, which a lagging replica may not have).
			if berr := s.barrier(ctx); berr == nil {
				err = s.e.db.withReader(ctx, fn)
			}
		}
	}
	if err != nil {
		return nil, nil, 0, false, toError(err)
	}
	return cols, infos, nparams, probed, nil
}

type stopProbe struct{}

func (stopProbe) Error() string { return "stop" }

var errStopProbe error = stopProbe{}

// fillDeclFromTable types the RETURNING columns that are bare references
// to the target table's columns (items: returningItems) from their
// declared types. Only those: an expression named after a column
// (RETURNING b::text is named b, RETURNING n + 1 AS b too) has its own
// type, the translation's hint, as in a select list; typing it by its
// name described b::text as b's boolean, and the client failed to scan
// the text into it.
func fillDeclFromTable(c *lconn, sqlText string, infos []colInfo, items []string) map[string]string {
	table := dmlTable(sqlText)
	if table == "" {
		return nil
	}
	decl, _ := tableDecls(c, table)
	for i := range infos {
		if in := &infos[i]; in.decl == "" && in.hint == 0 && i < len(items) && bareColumn(items[i], in.name) {
			in.decl = decl[strings.ToLower(in.name)]
		}
	}
	return decl
}

// bareColumn reports whether the RETURNING item is a reference to the
// column name alone (plain or quoted).
func bareColumn(item, name string) bool {
	if len(item) >= 2 && item[0] == '"' && item[len(item)-1] == '"' {
		return strings.ReplaceAll(item[1:len(item)-1], `""`, `"`) == name
	}
	return strings.EqualFold(item, name)
}

// tableDecls returns lower-case column name -> declared type, and the
// column names in order.
func tableDecls(c *lconn, table string) (map[string]string, []string) {
	decl := map[string]string{}
	var order []string
	st, _, err := c.prepareCached("SELECT name, type FROM pragma_table_info(?)")
	if err != nil || st == nil {
		return decl, nil
	}
	var ints []string // maybe serial columns (resulttypes.go)
	_, _ = st.run([]any{table}, func(r []any) error {
		n, _ := r[0].(string)
		t, _ := r[1].(string)
		if strings.EqualFold(t, "INTEGER") {
			ints = append(ints, n)
		}
		decl[strings.ToLower(n)] = t
		order = append(order, strings.ToLower(n))
		return nil
	})
	st.release()
	for _, n := range ints {
		if d := serialDecl(c, table, n); d != "" {
			decl[strings.ToLower(n)] = d
		}
	}
	return decl, order
}

// inferParams gives parameters of unknown type the declared type of the
// table column they are stored into or compared with.
func (s *Session) inferParams(ctx context.Context, st *pgdialect.Stmt, oids []uint32) {
	need := false
	for _, o := range oids {
		need = need || o == 0
	}
	if !need || len(st.Exec) != 1 {
		return
	}
	sqlText := st.Exec[0]
	_ = s.readSchema(ctx, func(c *lconn) error {
		cache := map[string]map[string]string{}
		lookup := func(table, col string) uint32 {
			if o := pgdialect.CatalogParamOID(table, col); o != 0 {
				return o // infoschema.go
			}
			t := strings.ToLower(table)
			d, ok := cache[t]
			if !ok {
				d, _ = tableDecls(c, table)
				cache[t] = d
			}
			oid, _ := typeFromDeclMod(d[strings.ToLower(col)])
			return oid
		}
		for i := range oids {
			if oids[i] == 0 && i < len(st.ParamCols) && st.ParamCols[i].Table != "" {
				oids[i] = lookup(st.ParamCols[i].Table, st.ParamCols[i].Column)
				if st.ParamCols[i].Array {
					oids[i] = pgoid.ArrayOf(oids[i]) // col = ANY($n)
				}
			}
		}
		// INSERT INTO t VALUES (?1, ?2, ...) without a column list.
		if w := words(sqlText, 1); len(w) == 1 && w[0] == "INSERT" {
			table := dmlTable(sqlText)
			up := strings.ToUpper(sqlText)
			vi := strings.Index(up, "VALUES")
			if table == "" || vi < 0 || strings.Contains(sqlText[:vi], "(") {
				return nil
			}
			_, order := tableDecls(c, table)
			rest := strings.TrimSpace(sqlText[vi+len("VALUES"):])
			if !strings.HasPrefix(rest, "(") {
				return nil
			}
			for pos, item := range splitTopLevel(rest[1:closingParen(rest)]) {
				item = pgdialect.UnwrapInput(item)
				if len(item) < 2 || item[0] != '?' || pos >= len(order) {
					continue
				}
				n, err := strconv.Atoi(item[1:])
				if err != nil || n < 1 || n > len(oids) || oids[n-1] != 0 {
					continue
				}
				oids[n-1] = lookup(table, order[pos])
			}
		}
		return nil
	})
}

// closingParen returns the index of the parenthesis closing s[0] (or len(s)).
func closingParen(s string) int {
	depth := 0
	inQ := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			inQ = !inQ
		case inQ:
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

// splitTopLevel splits s at commas outside parentheses and quotes.
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	inQ := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inQ != 0:
			if c == inQ {
				inQ = 0
			}
		case c == '\'' || c == '"':
			inQ = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// returningItems returns the expressions of a RETURNING clause.
func returningItems(sqlText string) []string {
	up := strings.ToUpper(sqlText)
	i := strings.LastIndex(up, "RETURNING")
	if i < 0 {
		return nil
	}
	items := splitTopLevel(sqlText[i+len("RETURNING"):])
	for k, it := range items {
		it = strings.TrimSpace(it)
		if m := reAlias.FindStringIndex(it); m != nil {
			it = strings.TrimSpace(it[:m[0]])
		}
		items[k] = it
	}
	return items
}

var (
	reAlias    = regexp.MustCompile(`(?i)\s+AS\s+("[^"]*"|\w+)\s*$`)
	reExprToks = regexp.MustCompile(`'(?:[^']|'')*'|"[^"]*"|\?\d*|\d+\.\d*(?:[eE][-+]?\d+)?|\d+|[A-Za-z_][A-Za-z_0-9]*|\|\||\S`)
)

// inferExpr types simple arithmetic expressions over table columns and
// literals (RETURNING id + 1); 0 when unknown.
func inferExpr(expr string, decls map[string]string) uint32 {
	toks := reExprToks.FindAllString(expr, -1)
	isInt, isFloat, isText := false, false, false
	for i, t := range toks {
		switch {
		case t == "||":
			isText = true
		case t[0] == '\'':
			isText = true
		case t[0] >= '0' && t[0] <= '9':
			if strings.ContainsAny(t, ".eE") {
				isFloat = true
			} else {
				isInt = true
			}
		case t[0] == '"' || t[0] == '_' || t[0] >= 'A' && t[0] <= 'Z' || t[0] >= 'a' && t[0] <= 'z':
			if i+1 < len(toks) && toks[i+1] == "(" {
				return 0 // function call
			}
			d, ok := decls[strings.ToLower(strings.Trim(t, `"`))]
			if !ok {
				return 0
			}
			switch oid, _ := typeFromDeclMod(d); oid {
			case pgoid.Int2, pgoid.Int4, pgoid.Int8:
				isInt = true
			case pgoid.Float4, pgoid.Float8:
				isFloat = true
			case pgoid.Text, pgoid.Varchar, pgoid.Bpchar:
				isText = true
			default:
				return 0
			}
		case strings.Contains("+-*/%()", t):
		default:
			return 0
		}
	}
	switch {
	case isText:
		if isInt || isFloat {
			return 0
		}
		return pgoid.Text
	case isFloat:
		return pgoid.Float8
	case isInt:
		return pgoid.Int8
	}
	return 0
}

// dummyArg is a placeholder value of a parameter type for probing.
func dummyArg(oid uint32) any {
	switch oid {
	case pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Bool:
		return int64(1)
	case pgoid.Float4, pgoid.Float8, pgoid.Numeric:
		return float64(1)
	case pgoid.Text, pgoid.Varchar, pgoid.Bpchar, pgoid.JSON, pgoid.JSONB:
		return "1"
	case pgoid.Date:
		return "2000-01-01"
	case pgoid.Timestamp, pgoid.Timestamptz:
		return "2000-01-01 00:00:00"
	case pgoid.UUID:
		return "00000000-0000-0000-0000-000000000000"
	case pgoid.Inet:
		return "0.0.0.0"
	case pgoid.Cidr:
		return "0.0.0.0/0"
	case pgoid.Macaddr:
		return "00:00:00:00:00:00"
	case pgoid.Macaddr8:
		return "00:00:00:00:00:00:00:00"
	case pgoid.Int4Range, pgoid.Int8Range, pgoid.NumRange, pgoid.DateRange, pgoid.TsRange, pgoid.TstzRange:
		return "empty"
	case pgoid.Bytea:
		return []byte{0}
	}
	return nil
}

// dmlVerb is the verb of an INSERT, UPDATE or DELETE, also after a WITH
// list ("" for other statements).
func dmlVerb(sqlText string) string {
	v, _ := pgdialect.MainDML(sqlText)
	return v
}

// dmlTable extracts the target table of INSERT INTO t / UPDATE t / DELETE FROM t.
func dmlTable(sqlText string) string {
	if v, t := pgdialect.MainDML(sqlText); v != "" && t != "" {
		return t // also after a WITH list, whose queries name other tables
	}
	f := strings.Fields(sqlText)
	for i := 0; i+1 < len(f); i++ {
		u := strings.ToUpper(f[i])
		if (u == "INTO" || u == "UPDATE" || u == "FROM") && i+1 < len(f) {
			t := f[i+1]
			if strings.EqualFold(t, "OR") && i+3 < len(f) { // UPDATE OR REPLACE t
				t = f[i+3]
			}
			if j := strings.IndexAny(t, "( "); j > 0 {
				t = t[:j]
			}
			t = strings.Trim(t, `"`)
			if k := strings.LastIndexByte(t, '.'); k >= 0 {
				t = strings.Trim(t[k+1:], `"`)
			}
			return t
		}
	}
	return ""
}

// ParamOIDs are the parameter types (0 = unknown).
func (p *PreparedStatement) ParamOIDs() []uint32 { return p.paramOIDs }

// Columns describes the result rows; nil if the statement returns none.
func (p *PreparedStatement) Columns() []pgwire.Column { return p.cols }

// Execute runs the statement with decoded arguments.
func (p *PreparedStatement) Execute(ctx context.Context, args []any, w pgwire.ResultWriter) error {
	s := p.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.closed {
		return errf(CodeInternal, "prepared statement is closed")
	}
	if p.cols != nil {
		p.coerce = coerceWriter{ResultWriter: w, cols: p.cols}
		w = &p.coerce
		defer func() { p.coerce = coerceWriter{} }() // not holding the connection's writer
	}
	args = convertArgs(args, p.paramOIDs)
	args, err := s.readParams(args, p.paramOIDs) // param_in.go
	if err != nil {
		return err
	}
	args = assignTimestamptzParams(args, p.paramOIDs, p.stored, s.zone) // param_assign.go
	s.executing = p
	defer func() { s.pipeMore, s.executing = false, nil }()
	return s.exec(ctx, p.orig, p.st, args, w, false)
}

// Close releases the statement.
func (p *PreparedStatement) Close() error {
	p.closed = true
	return nil
}

// coerceWriter converts row values to the types announced by Prepare.
type coerceWriter struct {
	pgwire.ResultWriter
	cols []pgwire.Column
}

func (c *coerceWriter) Row(values []any) error {
	if len(values) != len(c.cols) {
		// The table changed since the statement was prepared (ALTER
		// TABLE): PostgreSQL's answer, on which drivers such as pgx drop
		// their cached statement and prepare it again.
		return &Error{Code: CodeFeatureNotSupported, Message: "cached plan must not change result type", Statement: -1}
	}
	for i := range values {
		if i >= len(c.cols) {
			break
		}
		values[i] = coerceValue(c.cols[i].TypeOID, values[i])
	}
	return c.ResultWriter.Row(values)
}

func coerceValue(oid uint32, v any) any {
	switch oid {
	case pgoid.Text, pgoid.Varchar, pgoid.Bpchar, pgoid.JSON, pgoid.JSONB, pgoid.UUID:
		switch x := v.(type) {
		case int64:
			return strconv.FormatInt(x, 10)
		case float64:
			return strconv.FormatFloat(x, 'g', -1, 64)
		case bool:
			if x {
				return "true"
			}
			return "false"
		}
	case pgoid.Int8, pgoid.Int4, pgoid.Int2:
		switch x := v.(type) {
		case float64:
			if x == float64(int64(x)) {
				return int64(x)
			}
		case string:
			if n, err := strconv.ParseInt(x, 10, 64); err == nil {
				return n
			}
		case bool:
			if x {
				return int64(1)
			}
			return int64(0)
		}
	case pgoid.Float8, pgoid.Float4, pgoid.Numeric:
		switch x := v.(type) {
		case int64:
			if oid != pgoid.Numeric {
				return float64(x)
			}
		case string:
			if f, err := strconv.ParseFloat(x, 64); err == nil && oid != pgoid.Numeric {
				return f
			}
		}
	case pgoid.Bool:
		switch x := v.(type) {
		case int64:
			return x != 0
		case float64:
			return x != 0
		}
	}
	return v
}

// convertArgs formats time.Time arguments as the text SQLite stores for
// the parameter's type.
func convertArgs(args []any, oids []uint32) []any {
	var out []any
	for i, a := range args {
		t, ok := a.(time.Time)
		if !ok {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		oid := uint32(0)
		if i < len(oids) {
			oid = oids[i]
		}
		out[i] = pgdialect.TimeParamText(t, oid)
	}
	if out == nil {
		return args
	}
	return out
}
