package pgwire

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"

	"github.com/jackc/pgx/v5/pgproto3"
)

// The traces in testdata/replay record what psql, pgx and pgbench sent to
// PostgreSQL 15 and what it answered (recorded by testdata/replay/record.sh
// with cmd/pgrecord). The replay
// tests build an engine that answers every statement with PostgreSQL's
// recorded results (decoded into Go values, so they are re-encoded by this
// server), send the recorded client messages and compare the server's
// answers with PostgreSQL's, message by message.

// referenceDir holds the recorded traces; see its README.md.
const referenceDir = "testdata/replay"

type traceMsg struct {
	Dir  string          `json:"dir"`
	Type string          `json:"type"`
	Msg  json.RawMessage `json:"msg"`
	Seq  int             `json:"seq"`
}

func newMsg(typ string) any {
	switch typ {
	case "Query":
		return &pgproto3.Query{}
	case "Parse":
		return &pgproto3.Parse{}
	case "Bind":
		return &pgproto3.Bind{}
	case "Describe":
		return &pgproto3.Describe{}
	case "Execute":
		return &pgproto3.Execute{}
	case "Sync":
		return &pgproto3.Sync{}
	case "Flush":
		return &pgproto3.Flush{}
	case "Close":
		return &pgproto3.Close{}
	case "Terminate":
		return &pgproto3.Terminate{}
	case "CopyData":
		return &pgproto3.CopyData{}
	case "CopyDone":
		return &pgproto3.CopyDone{}
	case "CopyFail":
		return &pgproto3.CopyFail{}
	case "StartupMessage":
		return &pgproto3.StartupMessage{}
	case "RowDescription":
		return &pgproto3.RowDescription{}
	case "DataRow":
		return &pgproto3.DataRow{}
	case "CommandComplete":
		return &pgproto3.CommandComplete{}
	case "ReadyForQuery":
		return &pgproto3.ReadyForQuery{}
	case "ErrorResponse":
		return &pgproto3.ErrorResponse{}
	case "NoticeResponse":
		return &pgproto3.ErrorResponse{}
	case "ParameterDescription":
		return &pgproto3.ParameterDescription{}
	case "CopyInResponse":
		return &pgproto3.CopyInResponse{}
	case "CopyOutResponse":
		return &pgproto3.CopyOutResponse{}
	case "ParameterStatus":
		return &pgproto3.ParameterStatus{}
	}
	return nil
}

type decodedMsg struct {
	dir, typ string
	m        any
}

func loadTrace(t *testing.T, path string) []decodedMsg {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []decodedMsg
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var tm traceMsg
		if err := json.Unmarshal(sc.Bytes(), &tm); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		m := newMsg(tm.Type)
		if tm.Type == "CopyInResponse" || tm.Type == "CopyOutResponse" {
			var x struct{ ColumnFormatCodes []uint16 }
			if err := json.Unmarshal(tm.Msg, &x); err != nil {
				t.Fatal(err)
			}
			var overall byte
			if len(x.ColumnFormatCodes) > 0 && x.ColumnFormatCodes[0] == 1 {
				overall = 1
			}
			if tm.Type == "CopyInResponse" {
				m = &pgproto3.CopyInResponse{OverallFormat: overall, ColumnFormatCodes: x.ColumnFormatCodes}
			} else {
				m = &pgproto3.CopyOutResponse{OverallFormat: overall, ColumnFormatCodes: x.ColumnFormatCodes}
			}
		} else if m != nil {
			if err := json.Unmarshal(tm.Msg, m); err != nil {
				t.Fatalf("%s seq %d %s: %v", path, tm.Seq, tm.Type, err)
			}
		}
		out = append(out, decodedMsg{dir: tm.Dir, typ: tm.Type, m: m})
	}
	return out
}

// recorded execution of one statement (simple query: all statements of
// the query string).
type recExec struct {
	msgs    []decodedMsg // backend messages, in order
	formats []int16      // Bind result formats (extended)
}

type recStmt struct {
	paramOIDs []uint32
	cols      []Column
	hasCols   bool
	noData    bool
}

type replayScript struct {
	mu       sync.Mutex
	queries  map[string][]*recExec // simple Query string -> executions
	execs    map[string][]*recExec // extended SQL -> executions
	parseErr map[string][]*pgproto3.ErrorResponse
	stmts    map[string]*recStmt
}

func colsFromRD(rd *pgproto3.RowDescription) []Column {
	cols := make([]Column, len(rd.Fields))
	for i, f := range rd.Fields {
		cols[i] = Column{Name: string(f.Name), TableOID: f.TableOID, AttrNum: int16(f.TableAttributeNumber),
			TypeOID: f.DataTypeOID, TypeSize: f.DataTypeSize, TypeModifier: f.TypeModifier}
	}
	return cols
}

// buildScript attributes the backend messages of a trace to the frontend
// messages that caused them.
func buildScript(msgs []decodedMsg) *replayScript {
	sc := &replayScript{queries: map[string][]*recExec{}, execs: map[string][]*recExec{}, parseErr: map[string][]*pgproto3.ErrorResponse{}, stmts: map[string]*recStmt{}}
	type pend struct {
		typ  string
		sql  string
		obj  byte
		exec *recExec
	}
	var queue []*pend
	stmtSQL := map[string]string{}
	portalSQL := map[string]string{}
	portalFormats := map[string][]int16{}
	stmtOf := func(sql string) *recStmt {
		if sc.stmts[sql] == nil {
			sc.stmts[sql] = &recStmt{}
		}
		return sc.stmts[sql]
	}
	skipToSync := func() {
		for len(queue) > 0 && queue[0].typ != "Sync" {
			queue = queue[1:]
		}
	}
	for _, dm := range msgs {
		if dm.dir == "F" {
			switch m := dm.m.(type) {
			case *pgproto3.Query:
				queue = append(queue, &pend{typ: "Query", sql: m.String, exec: &recExec{}})
			case *pgproto3.Parse:
				stmtSQL[m.Name] = m.Query
				st := stmtOf(m.Query)
				if st.paramOIDs == nil && len(m.ParameterOIDs) > 0 {
					st.paramOIDs = m.ParameterOIDs
				}
				queue = append(queue, &pend{typ: "Parse", sql: m.Query})
			case *pgproto3.Bind:
				portalSQL[m.DestinationPortal] = stmtSQL[m.PreparedStatement]
				portalFormats[m.DestinationPortal] = append([]int16(nil), m.ResultFormatCodes...)
				queue = append(queue, &pend{typ: "Bind"})
			case *pgproto3.Describe:
				sql := stmtSQL[m.Name]
				if m.ObjectType == 'P' {
					sql = portalSQL[m.Name]
				}
				queue = append(queue, &pend{typ: "Describe", sql: sql, obj: m.ObjectType})
			case *pgproto3.Execute:
				queue = append(queue, &pend{typ: "Execute", sql: portalSQL[m.Portal], exec: &recExec{formats: portalFormats[m.Portal]}})
			case *pgproto3.Close:
				queue = append(queue, &pend{typ: "Close"})
			case *pgproto3.Sync:
				queue = append(queue, &pend{typ: "Sync"})
			}
			continue
		}
		if dm.dir != "B" || len(queue) == 0 {
			continue
		}
		head := queue[0]
		switch head.typ {
		case "Query":
			if dm.typ == "ReadyForQuery" {
				sc.queries[head.sql] = append(sc.queries[head.sql], head.exec)
				queue = queue[1:]
			} else {
				head.exec.msgs = append(head.exec.msgs, dm)
			}
		case "Parse":
			if er, ok := dm.m.(*pgproto3.ErrorResponse); ok && dm.typ == "ErrorResponse" {
				sc.parseErr[head.sql] = append(sc.parseErr[head.sql], er)
				skipToSync()
			} else if dm.typ == "ParseComplete" {
				queue = queue[1:]
			}
		case "Bind":
			if dm.typ == "ErrorResponse" {
				skipToSync()
			} else if dm.typ == "BindComplete" {
				queue = queue[1:]
			}
		case "Describe":
			st := stmtOf(head.sql)
			switch m := dm.m.(type) {
			case *pgproto3.ParameterDescription:
				st.paramOIDs = m.ParameterOIDs
			case *pgproto3.RowDescription:
				st.cols, st.hasCols = colsFromRD(m), true
				queue = queue[1:]
			default:
				if dm.typ == "NoData" {
					st.noData = true
					queue = queue[1:]
				} else if dm.typ == "ErrorResponse" {
					skipToSync()
				}
			}
		case "Execute":
			switch dm.typ {
			case "DataRow", "NoticeResponse", "ParameterStatus", "CopyInResponse", "CopyOutResponse", "CopyData", "CopyDone":
				head.exec.msgs = append(head.exec.msgs, dm)
			case "CommandComplete", "EmptyQueryResponse", "PortalSuspended":
				head.exec.msgs = append(head.exec.msgs, dm)
				sc.execs[head.sql] = append(sc.execs[head.sql], head.exec)
				queue = queue[1:]
			case "ErrorResponse":
				head.exec.msgs = append(head.exec.msgs, dm)
				sc.execs[head.sql] = append(sc.execs[head.sql], head.exec)
				skipToSync()
			}
		case "Close":
			if dm.typ == "CloseComplete" {
				queue = queue[1:]
			}
		case "Sync":
			if dm.typ == "ReadyForQuery" {
				queue = queue[1:]
			}
		}
	}
	return sc
}

// replayEngine answers with the recorded results.
type replayEngine struct{ sc *replayScript }

func (e *replayEngine) NewSession(ctx context.Context, info SessionInfo) (Session, error) {
	return &replaySession{sc: e.sc, tx: TxIdle, params: map[string]string{}}, nil
}

type replaySession struct {
	sc     *replayScript
	tx     TxStatus
	params map[string]string
}

func (s *replaySession) TxStatus() TxStatus                 { return s.tx }
func (s *replaySession) ParameterStatus() map[string]string { return s.params }
func (s *replaySession) Close() error                       { return nil }

func (s *replaySession) pop(m map[string][]*recExec, sql string) *recExec {
	s.sc.mu.Lock()
	defer s.sc.mu.Unlock()
	q := m[sql]
	if len(q) == 0 {
		return nil
	}
	m[sql] = q[1:]
	return q[0]
}

func (s *replaySession) SimpleQuery(ctx context.Context, sql string, w ResultWriter) error {
	ex := s.pop(s.sc.queries, sql)
	if ex == nil {
		return &sqlErr{code: "XX000", msg: "replay: no recorded result for " + sql}
	}
	return s.play(ctx, ex, nil, w)
}

func (s *replaySession) Prepare(ctx context.Context, sql string, paramOIDs []uint32) (Statement, error) {
	s.sc.mu.Lock()
	if errs := s.sc.parseErr[sql]; len(errs) > 0 {
		s.sc.parseErr[sql] = errs[1:]
		s.sc.mu.Unlock()
		return nil, &sqlErr{code: errs[0].Code, msg: errs[0].Message, pos: int(errs[0].Position)}
	}
	st := s.sc.stmts[sql]
	s.sc.mu.Unlock()
	if st == nil {
		st = &recStmt{}
	}
	oids := st.paramOIDs
	if oids == nil {
		oids = paramOIDs
	}
	if oids == nil {
		oids = make([]uint32, strings.Count(sql, "$"))
	}
	rs := &replayStmt{s: s, sql: sql, oids: oids}
	if st.hasCols {
		rs.cols = st.cols
	}
	return rs, nil
}

type replayStmt struct {
	s    *replaySession
	sql  string
	oids []uint32
	cols []Column
}

func (st *replayStmt) ParamOIDs() []uint32 { return st.oids }
func (st *replayStmt) Columns() []Column   { return st.cols }
func (st *replayStmt) Close() error        { return nil }
func (st *replayStmt) Execute(ctx context.Context, args []any, w ResultWriter) error {
	ex := st.s.pop(st.s.sc.execs, st.sql)
	if ex == nil {
		return &sqlErr{code: "XX000", msg: "replay: no recorded execution for " + st.sql}
	}
	return st.s.play(ctx, ex, st.cols, w)
}

func (s *replaySession) play(ctx context.Context, ex *recExec, cols []Column, w ResultWriter) error {
	var formats []int16
	if cols != nil {
		formats = columnFormats(ex.formats, len(cols))
	}
	copyCols := 0
	for _, dm := range ex.msgs {
		switch m := dm.m.(type) {
		case *pgproto3.RowDescription:
			cols = colsFromRD(m)
			formats = nil
			if err := w.Describe(cols); err != nil {
				return err
			}
		case *pgproto3.DataRow:
			vals := make([]any, len(m.Values))
			for i, b := range m.Values {
				if b == nil {
					continue
				}
				var typeOID uint32
				if i < len(cols) {
					typeOID = cols[i].TypeOID
				}
				var v any
				var err error
				if formats != nil && i < len(formats) && formats[i] == 1 {
					v, err = decodeBinary(b, typeOID)
				} else {
					v, err = decodeText(b, typeOID)
				}
				if err != nil {
					v = string(b)
				}
				vals[i] = v
			}
			if err := w.Row(vals); err != nil {
				return err
			}
		case *pgproto3.CommandComplete:
			tag := string(m.CommandTag)
			switch {
			case tag == "BEGIN":
				s.tx = TxActive
			case tag == "COMMIT" || tag == "ROLLBACK":
				s.tx = TxIdle
			}
			if err := w.Complete(tag); err != nil {
				return err
			}
		case *pgproto3.ErrorResponse:
			if dm.typ == "NoticeResponse" {
				if err := w.Notice(m.Severity, m.Code, m.Message); err != nil {
					return err
				}
				continue
			}
			if s.tx == TxActive {
				s.tx = TxFailed
			}
			return &sqlErr{code: m.Code, msg: m.Message, detail: m.Detail, hint: m.Hint, pos: int(m.Position), table: m.TableName, constraint: m.ConstraintName}
		case *pgproto3.ParameterStatus:
			np := map[string]string{}
			for k, v := range s.params {
				np[k] = v
			}
			np[m.Name] = m.Value
			s.params = np
		case *pgproto3.CopyInResponse:
			f := CopyFormat{Kind: "text"}
			if len(m.ColumnFormatCodes) > 0 && m.ColumnFormatCodes[0] == 1 {
				f.Kind = "binary"
			}
			ccols := make([]Column, len(m.ColumnFormatCodes))
			src, err := w.CopyIn(f, ccols)
			if err != nil {
				return err
			}
			for {
				_, err := src.Next(ctx, 1000)
				if err == io.EOF {
					break
				}
				if err != nil {
					return err
				}
			}
		case *pgproto3.CopyOutResponse:
			copyCols = len(m.ColumnFormatCodes)
			ccols := make([]Column, copyCols)
			for i := range ccols {
				ccols[i].TypeOID = oid.Text
			}
			if err := w.CopyOut(CopyFormat{Kind: "text"}, ccols); err != nil {
				return err
			}
		case *pgproto3.CopyData:
			line := strings.TrimSuffix(string(m.Data), "\n")
			parts := strings.Split(line, "\t")
			vals := make([]any, len(parts))
			for i, p := range parts {
				if p != `\N` {
					vals[i] = string(unescapeCopyText([]byte(p)))
				}
			}
			if err := w.Row(vals); err != nil {
				return err
			}
		default:
			if dm.typ == "EmptyQueryResponse" {
				if err := w.EmptyQuery(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// summarize renders a backend message for comparison.
func summarize(typ string, m any) string {
	switch x := m.(type) {
	case *pgproto3.CommandComplete:
		return "CommandComplete " + string(x.CommandTag)
	case *pgproto3.ReadyForQuery:
		return "ReadyForQuery " + string(x.TxStatus)
	case *pgproto3.ErrorResponse:
		if typ == "NoticeResponse" {
			return "NoticeResponse " + x.Code + " " + x.Message
		}
		return "ErrorResponse " + x.Severity + " " + x.Code + " " + x.Message + " pos=" + fmt.Sprint(x.Position)
	case *pgproto3.NoticeResponse:
		return "NoticeResponse " + x.Code + " " + x.Message
	case *pgproto3.DataRow:
		var parts []string
		for _, v := range x.Values {
			if v == nil {
				parts = append(parts, "NULL")
			} else {
				parts = append(parts, fmt.Sprintf("%x", v))
			}
		}
		return "DataRow " + strings.Join(parts, ",")
	case *pgproto3.RowDescription:
		var parts []string
		for _, f := range x.Fields {
			parts = append(parts, fmt.Sprintf("%s:%d:%d:%d:%d:%d", f.Name, f.DataTypeOID, f.DataTypeSize, f.TypeModifier, f.Format, f.TableAttributeNumber))
		}
		return "RowDescription " + strings.Join(parts, ",")
	case *pgproto3.ParameterDescription:
		return fmt.Sprint("ParameterDescription ", x.ParameterOIDs)
	case *pgproto3.CopyInResponse:
		return fmt.Sprint("CopyInResponse ", x.ColumnFormatCodes)
	case *pgproto3.CopyOutResponse:
		return fmt.Sprint("CopyOutResponse ", x.ColumnFormatCodes)
	case *pgproto3.CopyData:
		return fmt.Sprintf("CopyData %q", x.Data)
	}
	return typ
}

func ignoredInComparison(typ string) bool {
	return strings.HasPrefix(typ, "Authentication") || typ == "ParameterStatus" || typ == "BackendKeyData" || typ == "SSLRequestAnswer" || typ == "ConnectionClosed"
}

func replayTrace(t *testing.T, path string) {
	msgs := loadTrace(t, path)
	hasStartup := false
	for _, m := range msgs {
		if m.typ == "StartupMessage" {
			hasStartup = true
		}
	}
	if !hasStartup {
		t.Skip("no startup in trace")
	}
	sc := buildScript(msgs)
	ts := startServer(t, Config{Engine: &replayEngine{sc: sc}, ServerVersion: "15.18 (Debian 15.18-0+deb12u1)"})
	nc, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(30 * time.Second))

	// Client side: send every recorded frontend message (answers to
	// SSLRequest are read inline; SASL messages are skipped: trust auth).
	var want []string
	for _, m := range msgs {
		if m.dir == "B" && !ignoredInComparison(m.typ) {
			want = append(want, summarize(m.typ, m.m))
		}
	}
	writeErr := make(chan error, 1)
	sslDone := make(chan struct{})
	go func() {
		fe := pgproto3.NewFrontend(nc, nc)
		var err error
		for _, m := range msgs {
			if m.dir != "F" {
				continue
			}
			switch m.typ {
			case "SSLRequest":
				if _, err = nc.Write([]byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f}); err != nil {
					break
				}
				<-sslDone
				continue
			case "SASLInitialResponse", "SASLResponse":
				continue
			}
			fm, ok := m.m.(pgproto3.FrontendMessage)
			if !ok {
				err = fmt.Errorf("cannot send %s", m.typ)
				break
			}
			fe.Send(fm)
			if err = fe.Flush(); err != nil {
				break
			}
		}
		if err == nil {
			nc.(*net.TCPConn).CloseWrite()
		}
		writeErr <- err
	}()
	sslSent := false
	for _, m := range msgs {
		if m.typ == "SSLRequest" {
			sslSent = true
		}
	}
	if sslSent {
		b := make([]byte, 1)
		if _, err := io.ReadFull(nc, b); err != nil || b[0] != 'N' {
			t.Fatalf("SSL answer %q %v", b, err)
		}
	}
	close(sslDone)
	fe := pgproto3.NewFrontend(nc, nc)
	var got []string
	for {
		m, err := fe.Receive()
		if err != nil {
			break
		}
		typ := strings.TrimPrefix(fmt.Sprintf("%T", m), "*pgproto3.")
		if ignoredInComparison(typ) {
			continue
		}
		got = append(got, summarize(typ, m))
	}
	if err := <-writeErr; err != nil && !strings.Contains(err.Error(), "broken pipe") && !strings.Contains(err.Error(), "reset") {
		t.Logf("write: %v", err)
	}
	t.Logf("compared %d backend messages (ours %d)", len(want), len(got))
	if diff := diffLines(want, got); diff != "" {
		t.Errorf("%s: server answers differ from PostgreSQL's:\n%s", filepath.Base(path), diff)
	}
}

func diffLines(want, got []string) string {
	var b bytes.Buffer
	n := max(len(want), len(got))
	bad := 0
	for i := 0; i < n; i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			fmt.Fprintf(&b, "#%d\n  pg:   %s\n  ours: %s\n", i, trunc(w), trunc(g))
			bad++
			if bad > 8 {
				b.WriteString("...\n")
				break
			}
		}
	}
	return b.String()
}

func trunc(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

func TestReplayReference(t *testing.T) {
	var files []string
	for _, pat := range []string{"pgx/wire/*.jsonl", "psql/wire/*.jsonl", "psql/session.jsonl", "pgbench/wire/*.jsonl"} {
		m, _ := filepath.Glob(filepath.Join(referenceDir, pat))
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatalf("no traces in %s: re-record them with %s/record.sh", referenceDir, referenceDir)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".head.jsonl") {
			continue // COPY data cut short
		}
		rel, _ := filepath.Rel(referenceDir, f)
		t.Run(rel, func(t *testing.T) { replayTrace(t, f) })
	}
}
