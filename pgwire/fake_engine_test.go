package pgwire

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"
)

// fakeEngine is a tiny SQL engine for tests: one in-memory table "items"
// and a handful of recognised statement shapes.
type fakeEngine struct {
	mu       sync.Mutex
	items    [][]any
	nextID   int64
	sessions int
}

var itemCols = []Column{
	{Name: "id", TableOID: 16434, AttrNum: 1, TypeOID: oid.Int8},
	{Name: "name", TableOID: 16434, AttrNum: 2, TypeOID: oid.Text},
	{Name: "qty", TableOID: 16434, AttrNum: 3, TypeOID: oid.Int4},
	{Name: "price", TableOID: 16434, AttrNum: 4, TypeOID: oid.Numeric, TypeModifier: 655366},
	{Name: "flag", TableOID: 16434, AttrNum: 5, TypeOID: oid.Bool},
	{Name: "ts", TableOID: 16434, AttrNum: 6, TypeOID: oid.Timestamptz},
	{Name: "data", TableOID: 16434, AttrNum: 7, TypeOID: oid.Bytea},
	{Name: "doc", TableOID: 16434, AttrNum: 8, TypeOID: oid.JSONB},
	{Name: "f8", TableOID: 16434, AttrNum: 9, TypeOID: oid.Float8},
	{Name: "d", TableOID: 16434, AttrNum: 10, TypeOID: oid.Date},
}

func itemCol(name string) (int, bool) {
	for i, c := range itemCols {
		if c.Name == name {
			return i, true
		}
	}
	return 0, false
}

func (e *fakeEngine) NewSession(ctx context.Context, info SessionInfo) (Session, error) {
	if info.StartupParams["application_name"] == "reject-me" {
		return nil, &Error{Sev: "FATAL", Code: "3D000", Message: "database \"nope\" does not exist"}
	}
	e.mu.Lock()
	e.sessions++
	e.mu.Unlock()
	return &fakeSession{e: e, tx: TxIdle, params: map[string]string{"TimeZone": "UTC"}}, nil
}

type fakeSession struct {
	e      *fakeEngine
	tx     TxStatus
	params map[string]string
	closed bool
}

type sqlErr struct {
	code, msg, detail, hint, table, constraint, sev string
	pos                                             int
}

func (e *sqlErr) Error() string          { return e.msg }
func (e *sqlErr) Severity() string       { return e.sev }
func (e *sqlErr) SQLState() string       { return e.code }
func (e *sqlErr) Detail() string         { return e.detail }
func (e *sqlErr) Hint() string           { return e.hint }
func (e *sqlErr) Position() int          { return e.pos }
func (e *sqlErr) TableName() string      { return e.table }
func (e *sqlErr) ConstraintName() string { return e.constraint }

type plan struct {
	cols   []Column
	params []uint32
	exec   func(ctx context.Context, args []any, w ResultWriter) error
}

type fakeStmt struct {
	s *fakeSession
	p *plan
}

func (st *fakeStmt) ParamOIDs() []uint32 { return st.p.params }
func (st *fakeStmt) Columns() []Column   { return st.p.cols }
func (st *fakeStmt) Close() error        { return nil }
func (st *fakeStmt) Execute(ctx context.Context, args []any, w ResultWriter) error {
	return st.s.run(ctx, st.p, args, w)
}

func (s *fakeSession) run(ctx context.Context, p *plan, args []any, w ResultWriter) error {
	err := p.exec(ctx, args, w)
	if err != nil && s.tx == TxActive {
		s.tx = TxFailed
	}
	return err
}

func (s *fakeSession) TxStatus() TxStatus                 { return s.tx }
func (s *fakeSession) ParameterStatus() map[string]string { return s.params }
func (s *fakeSession) Close() error {
	s.closed = true
	return nil
}

// splitSQL splits on semicolons outside quotes.
func splitSQL(sql string) []string {
	var out []string
	inQ := false
	start := 0
	for i := 0; i < len(sql); i++ {
		switch sql[i] {
		case '\'':
			inQ = !inQ
		case ';':
			if !inQ {
				out = append(out, sql[start:i])
				start = i + 1
			}
		}
	}
	return append(out, sql[start:])
}

func stripComments(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, "--"); i >= 0 {
			l = l[:i]
		}
		lines = append(lines, l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

func (s *fakeSession) SimpleQuery(ctx context.Context, sql string, w ResultWriter) error {
	any := false
	for _, part := range splitSQL(sql) {
		part = stripComments(part)
		if part == "" {
			continue
		}
		any = true
		if s.tx == TxFailed && !regexp.MustCompile(`(?i)^(rollback|commit|end)`).MatchString(part) {
			return &sqlErr{code: "25P02", msg: "current transaction is aborted, commands ignored until end of transaction block"}
		}
		p, err := s.plan(part)
		if err != nil {
			if s.tx == TxActive {
				s.tx = TxFailed
			}
			return err
		}
		if err := s.run(ctx, p, nil, w); err != nil {
			return err
		}
	}
	if !any {
		return w.EmptyQuery()
	}
	return nil
}

func (s *fakeSession) Prepare(ctx context.Context, sql string, paramOIDs []uint32) (Statement, error) {
	parts := 0
	var one string
	for _, p := range splitSQL(sql) {
		if p = stripComments(p); p != "" {
			parts++
			one = p
		}
	}
	if parts > 1 {
		return nil, &sqlErr{code: "42601", msg: "cannot insert multiple commands into a prepared statement"}
	}
	if parts == 0 {
		return &fakeStmt{s: s, p: &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error { return w.EmptyQuery() }}}, nil
	}
	p, err := s.plan(one)
	if err != nil {
		return nil, err
	}
	for i, typeOID := range paramOIDs {
		if i < len(p.params) && typeOID != 0 {
			p.params[i] = typeOID
		}
	}
	return &fakeStmt{s: s, p: p}, nil
}

var typeNames = map[string]uint32{
	"int2": oid.Int2, "smallint": oid.Int2, "int4": oid.Int4, "int": oid.Int4, "integer": oid.Int4,
	"int8": oid.Int8, "bigint": oid.Int8, "float4": oid.Float4, "real": oid.Float4, "float8": oid.Float8,
	"numeric": oid.Numeric, "text": oid.Text, "varchar": oid.Varchar, "bpchar": oid.Bpchar, "bool": oid.Bool,
	"boolean": oid.Bool, "bytea": oid.Bytea, "date": oid.Date, "time": oid.Time, "timestamp": oid.Timestamp,
	"timestamptz": oid.Timestamptz, "interval": oid.Interval, "uuid": oid.UUID, "json": oid.JSON,
	"jsonb": oid.JSONB, "name": oid.Name, "oid": oid.OID, "char": oid.Char, "regclass": oid.Regclass,
	"unknown": 0,
}

var (
	reSelectItems = regexp.MustCompile(`(?is)^select\s+(.+?)\s+from\s+"?items"?(?:\s+where\s+(\w+)\s*(=|>)\s*(.+?))?(?:\s+order\s+by\s+id)?$`)
	reInsert      = regexp.MustCompile(`(?is)^insert\s+into\s+items\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)$`)
	reUpdate      = regexp.MustCompile(`(?is)^update\s+items\s+set\s+qty\s*=\s*(.+?)\s+where\s+name\s*=\s*(.+)$`)
	reGen         = regexp.MustCompile(`(?is)^select\s+\*\s+from\s+generate_series\(1,\s*(\d+)\)$`)
	reSleep       = regexp.MustCompile(`(?is)^select\s+pg_sleep\(([\d.]+)\)$`)
	reCopyFrom    = regexp.MustCompile(`(?is)^copy\s+"?items"?\s*(?:\(([^)]*)\))?\s*from\s+stdin\s*(.*)$`)
	reCopyTo      = regexp.MustCompile(`(?is)^copy\s+"?items"?\s*(?:\(([^)]*)\))?\s*to\s+stdout\s*(.*)$`)
	reSet         = regexp.MustCompile(`(?is)^set\s+(?:session\s+)?(\w+)\s*(?:=|to)\s*'?([^']*)'?$`)
	reShow        = regexp.MustCompile(`(?is)^show\s+(\w+)$`)
	reError       = regexp.MustCompile(`(?is)^select\s+raise_error\('(\w+)'\)$`)
	reFatal       = regexp.MustCompile(`(?is)^select\s+raise_fatal\('(\w+)'\)$`)
	reSelect      = regexp.MustCompile(`(?is)^select\s+(.+)$`)
	reItem        = regexp.MustCompile(`(?is)^\(?\s*(?:\$(\d+)|'((?:[^']|'')*)'|(-?\s*[\d.]+(?:e[+-]?\d+)?)|(true|false|null))\s*\)?\s*(?:::\s*(\w+))?(?:\s+as\s+"?(\w+)"?)?$`)
)

func (s *fakeSession) plan(sql string) (*plan, error) {
	e := s.e
	lower := strings.ToLower(strings.TrimSpace(sql))
	tag := func(t string) *plan {
		return &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error { return w.Complete(t) }}
	}
	switch {
	case lower == "begin" || lower == "start transaction" || strings.HasPrefix(lower, "begin "):
		p := tag("BEGIN")
		p.exec = func(ctx context.Context, args []any, w ResultWriter) error {
			s.tx = TxActive
			return w.Complete("BEGIN")
		}
		return p, nil
	case lower == "commit" || lower == "end":
		return &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error {
			t := "COMMIT"
			if s.tx == TxFailed {
				t = "ROLLBACK"
			}
			s.tx = TxIdle
			return w.Complete(t)
		}}, nil
	case lower == "rollback":
		return &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error {
			s.tx = TxIdle
			return w.Complete("ROLLBACK")
		}}, nil
	case lower == "select notice":
		return &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error {
			if err := w.Notice("NOTICE", "00000", "hello notice"); err != nil {
				return err
			}
			return w.Complete("DO")
		}}, nil
	}
	if m := reError.FindStringSubmatch(sql); m != nil {
		return &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error {
			return &sqlErr{code: m[1], msg: "raised " + m[1], detail: "some detail", hint: "some hint", table: "items", constraint: "items_name_key", pos: 8}
		}}, nil
	}
	if m := reFatal.FindStringSubmatch(sql); m != nil {
		return &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error {
			return &sqlErr{code: m[1], sev: "FATAL", msg: "terminating connection due to " + m[1]}
		}}, nil
	}
	if m := reSleep.FindStringSubmatch(sql); m != nil {
		d, _ := strconv.ParseFloat(m[1], 64)
		return &plan{cols: []Column{{Name: "pg_sleep", TypeOID: 2278}}, exec: func(ctx context.Context, args []any, w ResultWriter) error {
			w.Describe([]Column{{Name: "pg_sleep", TypeOID: 2278}})
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(d * float64(time.Second))):
			}
			w.Row([]any{""})
			return w.Complete("SELECT 1")
		}}, nil
	}
	if m := reGen.FindStringSubmatch(sql); m != nil {
		n, _ := strconv.Atoi(m[1])
		cols := []Column{{Name: "generate_series", TypeOID: oid.Int8}}
		return &plan{cols: cols, exec: func(ctx context.Context, args []any, w ResultWriter) error {
			w.Describe(cols)
			for i := 1; i <= n; i++ {
				if err := w.Row([]any{int64(i)}); err != nil {
					return err
				}
			}
			return w.Complete(fmt.Sprintf("SELECT %d", n))
		}}, nil
	}
	if m := reSet.FindStringSubmatch(sql); m != nil {
		return &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error {
			name := m[1]
			if strings.EqualFold(name, "timezone") {
				name = "TimeZone"
			}
			if strings.EqualFold(name, "application_name") {
				name = "application_name"
			}
			np := make(map[string]string, len(s.params)+1)
			for k, v := range s.params {
				np[k] = v
			}
			np[name] = m[2]
			s.params = np
			return w.Complete("SET")
		}}, nil
	}
	if m := reShow.FindStringSubmatch(sql); m != nil {
		cols := []Column{{Name: m[1], TypeOID: oid.Text}}
		return &plan{cols: cols, exec: func(ctx context.Context, args []any, w ResultWriter) error {
			w.Describe(cols)
			w.Row([]any{s.params[m[1]]})
			return w.Complete("SHOW")
		}}, nil
	}
	if m := reCopyFrom.FindStringSubmatch(sql); m != nil {
		cols, err := colList(m[1])
		if err != nil {
			return nil, err
		}
		f := copyFormatOf(m[2])
		return &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error {
			src, err := w.CopyIn(f, cols)
			if err != nil {
				return err
			}
			n := 0
			for {
				rows, err := src.Next(ctx, 100)
				if err == io.EOF {
					break
				}
				if err != nil {
					return err
				}
				for _, r := range rows {
					e.insert(cols, r)
					n++
				}
			}
			return w.Complete(fmt.Sprintf("COPY %d", n))
		}}, nil
	}
	if m := reCopyTo.FindStringSubmatch(sql); m != nil {
		cols, err := colList(m[1])
		if err != nil {
			return nil, err
		}
		f := copyFormatOf(m[2])
		return &plan{exec: func(ctx context.Context, args []any, w ResultWriter) error {
			if err := w.CopyOut(f, cols); err != nil {
				return err
			}
			rows := e.selectRows(cols, "", nil)
			for _, r := range rows {
				if err := w.Row(r); err != nil {
					return err
				}
			}
			return w.Complete(fmt.Sprintf("COPY %d", len(rows)))
		}}, nil
	}
	if m := reInsert.FindStringSubmatch(sql); m != nil {
		cols, err := colList(m[1])
		if err != nil {
			return nil, err
		}
		vals := strings.Split(m[2], ",")
		if len(vals) != len(cols) {
			return nil, &sqlErr{code: "42601", msg: "INSERT has more target columns than expressions"}
		}
		var params []uint32
		lits := make([]any, len(cols))
		pidx := make([]int, len(cols))
		for i, c := range cols {
			param, v, err := evalItem(vals[i], c.TypeOID)
			if err != nil {
				return nil, err
			}
			if param > 0 {
				for len(params) < param {
					params = append(params, 0)
				}
				params[param-1] = c.TypeOID
			}
			pidx[i], lits[i] = param, v
		}
		return &plan{params: params, exec: func(ctx context.Context, args []any, w ResultWriter) error {
			vals := make([]any, len(cols))
			for i := range cols {
				vals[i] = lits[i]
				if pidx[i] > 0 {
					if pidx[i] > len(args) {
						return &sqlErr{code: "08P01", msg: "wrong number of args"}
					}
					vals[i] = args[pidx[i]-1]
				}
			}
			args = vals
			for i := range cols {
				if cols[i].Name == "name" && args[i] != nil {
					for _, r := range e.snapshot() {
						if r[1] == args[i] {
							return &sqlErr{code: "23505", msg: `duplicate key value violates unique constraint "items_name_key"`, detail: fmt.Sprintf("Key (name)=(%v) already exists.", args[i]), table: "items", constraint: "items_name_key"}
						}
					}
				}
			}
			e.insert(cols, args)
			return w.Complete("INSERT 0 1")
		}}, nil
	}
	if m := reUpdate.FindStringSubmatch(sql); m != nil {
		p1, v1, err := evalItem(m[1], oid.Int4)
		if err != nil {
			return nil, err
		}
		_, v2, err := evalItem(m[2], oid.Text)
		if err != nil {
			return nil, err
		}
		var params []uint32
		if p1 > 0 {
			params = []uint32{oid.Int4, oid.Text}
		}
		return &plan{params: params, exec: func(ctx context.Context, args []any, w ResultWriter) error {
			if len(args) == 0 {
				args = []any{v1, v2}
			}
			e.mu.Lock()
			n := 0
			for _, r := range e.items {
				if r[1] == args[1] {
					r[2] = args[0]
					n++
				}
			}
			e.mu.Unlock()
			return w.Complete(fmt.Sprintf("UPDATE %d", n))
		}}, nil
	}
	if m := reSelectItems.FindStringSubmatch(sql); m != nil {
		var cols []Column
		if strings.TrimSpace(m[1]) == "*" {
			cols = itemCols
		} else {
			var err error
			if cols, err = colList(m[1]); err != nil {
				return nil, err
			}
		}
		var params []uint32
		var whereLit any
		if m[2] != "" {
			i, ok := itemCol(m[2])
			if !ok {
				return nil, &sqlErr{code: "42703", msg: "column does not exist"}
			}
			param, v, err := evalItem(m[4], itemCols[i].TypeOID)
			if err != nil {
				return nil, err
			}
			if param > 0 {
				params = []uint32{itemCols[i].TypeOID}
			}
			whereLit = v
		}
		return &plan{cols: cols, params: params, exec: func(ctx context.Context, args []any, w ResultWriter) error {
			w.Describe(cols)
			var rows [][]any
			if m[2] != "" {
				arg := whereLit
				if len(params) > 0 {
					arg = args[0]
				}
				rows = e.selectRows(cols, m[2]+m[3], arg)
			} else {
				rows = e.selectRows(cols, "", nil)
			}
			for _, r := range rows {
				if err := w.Row(r); err != nil {
					return err
				}
			}
			return w.Complete(fmt.Sprintf("SELECT %d", len(rows)))
		}}, nil
	}
	if m := reSelect.FindStringSubmatch(sql); m != nil {
		return selectExprs(m[1])
	}
	return nil, &sqlErr{code: "42601", msg: fmt.Sprintf("syntax error at or near %q", strings.Fields(sql)[0]), pos: 1}
}

func copyFormatOf(opts string) CopyFormat {
	o := strings.ToLower(opts)
	f := CopyFormat{Kind: "text"}
	switch {
	case strings.Contains(o, "binary"):
		f.Kind = "binary"
	case strings.Contains(o, "csv"):
		f.Kind = "csv"
	}
	if strings.Contains(o, "header") {
		f.Header = true
	}
	return f
}

func colList(s string) ([]Column, error) {
	if strings.TrimSpace(s) == "" {
		return itemCols, nil
	}
	var cols []Column
	for _, n := range strings.Split(s, ",") {
		n = strings.Trim(strings.TrimSpace(n), `"`)
		i, ok := itemCol(n)
		if !ok {
			return nil, &sqlErr{code: "42703", msg: fmt.Sprintf("column %q does not exist", n)}
		}
		cols = append(cols, itemCols[i])
	}
	return cols, nil
}

func (e *fakeEngine) insert(cols []Column, vals []any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	row := make([]any, len(itemCols))
	e.nextID++
	row[0] = e.nextID
	for i, c := range cols {
		j, _ := itemCol(c.Name)
		row[j] = vals[i]
	}
	e.items = append(e.items, row)
}

func (e *fakeEngine) snapshot() [][]any {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([][]any(nil), e.items...)
}

func (e *fakeEngine) selectRows(cols []Column, cond string, arg any) [][]any {
	var out [][]any
	for _, r := range e.snapshot() {
		if cond != "" {
			col := strings.TrimRight(cond, "=>")
			op := cond[len(col):]
			j, _ := itemCol(col)
			v := r[j]
			switch op {
			case "=":
				if fmt.Sprint(v) != fmt.Sprint(arg) {
					continue
				}
			case ">":
				a, ok1 := v.(int64)
				b, ok2 := arg.(int64)
				if !ok1 || !ok2 || a <= b {
					continue
				}
			}
		}
		row := make([]any, len(cols))
		for i, c := range cols {
			j, _ := itemCol(c.Name)
			row[i] = r[j]
		}
		out = append(out, row)
	}
	return out
}

// selectExprs handles "SELECT item, item, ..." where an item is $n::type,
// 'literal'::type, a number, true/false/null, optionally "AS name".
func selectExprs(list string) (*plan, error) {
	items := splitTopComma(list)
	var cols []Column
	var params []uint32
	type src struct {
		param int
		val   any
	}
	var srcs []src
	for _, it := range items {
		m := reItem.FindStringSubmatch(strings.TrimSpace(it))
		if m == nil {
			return nil, &sqlErr{code: "42601", msg: fmt.Sprintf("syntax error at or near %q", it)}
		}
		name := "?column?"
		if m[6] != "" {
			name = m[6]
		}
		var typeOID uint32
		var hasType bool
		if m[5] != "" {
			t, ok := typeNames[strings.ToLower(m[5])]
			if !ok {
				return nil, &sqlErr{code: "42704", msg: fmt.Sprintf("type %q does not exist", m[5])}
			}
			typeOID, hasType = t, true
		}
		switch {
		case m[1] != "":
			n, _ := strconv.Atoi(m[1])
			if n < 1 || n > 100 {
				return nil, &sqlErr{code: "42P02", msg: fmt.Sprintf("there is no parameter $%d", n)}
			}
			for len(params) < n {
				params = append(params, 0)
			}
			if hasType {
				params[n-1] = typeOID
			} else {
				typeOID = oid.Text
			}
			srcs = append(srcs, src{param: n})
		case m[3] != "":
			if !hasType {
				typeOID = oid.Int4
				if strings.Contains(m[3], ".") {
					typeOID = oid.Numeric
				}
			}
			v, err := decodeText([]byte(strings.ReplaceAll(m[3], " ", "")), typeOID)
			if err != nil {
				return nil, err
			}
			srcs = append(srcs, src{val: v})
		case m[4] != "":
			switch strings.ToLower(m[4]) {
			case "null":
				if !hasType {
					typeOID = oid.Text
				}
				srcs = append(srcs, src{})
			default:
				if !hasType {
					typeOID = oid.Bool
				}
				srcs = append(srcs, src{val: strings.ToLower(m[4]) == "true"})
			}
		default:
			lit := strings.ReplaceAll(m[2], "''", "'")
			if !hasType {
				typeOID = oid.Text
			}
			v, err := decodeText([]byte(lit), typeOID)
			if err != nil {
				return nil, err
			}
			srcs = append(srcs, src{val: v})
		}
		cols = append(cols, Column{Name: name, TypeOID: typeOID})
	}
	return &plan{cols: cols, params: params, exec: func(ctx context.Context, args []any, w ResultWriter) error {
		w.Describe(cols)
		row := make([]any, len(srcs))
		for i, s := range srcs {
			if s.param > 0 {
				if s.param > len(args) {
					return &sqlErr{code: "08P01", msg: "missing parameter"}
				}
				row[i] = args[s.param-1]
			} else {
				row[i] = s.val
			}
		}
		if err := w.Row(row); err != nil {
			return err
		}
		return w.Complete("SELECT 1")
	}}, nil
}

// evalItem parses "$n" or a literal (typed by typeOID).
func evalItem(item string, typeOID uint32) (param int, val any, err error) {
	m := reItem.FindStringSubmatch(strings.TrimSpace(item))
	if m == nil {
		return 0, nil, &sqlErr{code: "42601", msg: fmt.Sprintf("syntax error at or near %q", item)}
	}
	switch {
	case m[1] != "":
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > 100 {
			return 0, nil, &sqlErr{code: "42P02", msg: fmt.Sprintf("there is no parameter $%d", n)}
		}
		return n, nil, nil
	case m[4] != "":
		if strings.EqualFold(m[4], "null") {
			return 0, nil, nil
		}
		return 0, strings.EqualFold(m[4], "true"), nil
	case m[3] != "":
		v, err := decodeText([]byte(strings.ReplaceAll(m[3], " ", "")), typeOID)
		return 0, v, err
	default:
		v, err := decodeText([]byte(strings.ReplaceAll(m[2], "''", "'")), typeOID)
		return 0, v, err
	}
}

func splitTopComma(s string) []string {
	var out []string
	inQ := false
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			inQ = !inQ
		case ',':
			if !inQ {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

var _ = errors.New
