package pgwire

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgproto3"
)

// prepared is a statement created by Parse, named or unnamed; the
// unnamed one lives until the next Parse or simple Query.
type prepared struct {
	name      string
	stmt      Statement
	paramOIDs []uint32
	cols      []Column
}

// portal is a bound statement created by Bind. A row-limited Execute
// runs the statement to completion on its first call and hands out the
// buffered rows over later calls (PostgreSQL suspends instead; the client
// cannot tell the difference).
type portal struct {
	name    string
	ps      *prepared
	args    []any
	formats []int16 // raw result format codes from Bind
	cols    []Column

	started bool
	done    bool
	rows    [][][]byte // buffered, encoded rows (row-limited Execute)
	bytes   int        // their size, bounded by Config.MaxResultBuffer
	tag     string
	empty   bool
}

// extErr reports an extended-protocol error and skips to the next Sync.
// It returns errClosing after a FATAL error.
func (c *conn) extErr(err error) error {
	if err == nil {
		return nil
	}
	var cf connFatal
	if errors.As(err, &cf) {
		err = cf.err
	}
	c.ignoreTillSync = true
	return c.sendError(err)
}

func (c *conn) parse(m *pgproto3.Parse) error {
	if m.Name != "" {
		if _, ok := c.stmts[m.Name]; ok {
			return newErr(codeDuplicatePStatement, "prepared statement %q already exists", m.Name)
		}
	} else if old, ok := c.stmts[""]; ok {
		old.stmt.Close()
		delete(c.stmts, "")
	}
	ctx, done := c.stmtContext()
	st, err := c.sess.Prepare(ctx, m.Query, append([]uint32(nil), m.ParameterOIDs...))
	done()
	if err != nil {
		return err
	}
	oids := append([]uint32(nil), st.ParamOIDs()...)
	for i, typeOID := range m.ParameterOIDs {
		if i < len(oids) {
			if oids[i] == 0 {
				oids[i] = typeOID
			}
		} else {
			oids = append(oids, typeOID)
		}
	}
	c.stmts[m.Name] = &prepared{name: m.Name, stmt: st, paramOIDs: oids, cols: st.Columns()}
	return c.send(&pgproto3.ParseComplete{}, 5)
}

func stmtNotFound(name string) error {
	if name == "" {
		return newErr(codeUndefinedPStatement, "unnamed prepared statement does not exist")
	}
	return newErr(codeUndefinedPStatement, "prepared statement %q does not exist", name)
}

func (c *conn) bind(m *pgproto3.Bind) error {
	ps, ok := c.stmts[m.PreparedStatement]
	if !ok {
		return stmtNotFound(m.PreparedStatement)
	}
	if m.DestinationPortal != "" {
		if _, ok := c.portals[m.DestinationPortal]; ok {
			return newErr(codeDuplicateCursor, "cursor %q already exists", m.DestinationPortal)
		}
	}
	np := len(m.Parameters)
	if nf := len(m.ParameterFormatCodes); nf > 1 && nf != np {
		return newErr(codeProtocolViolation, "bind message has %d parameter formats but %d parameters", nf, np)
	}
	if np != len(ps.paramOIDs) {
		return newErr(codeProtocolViolation, "bind message supplies %d parameters, but prepared statement %q requires %d", np, ps.name, len(ps.paramOIDs))
	}
	if nr := len(m.ResultFormatCodes); nr > 1 && nr != len(ps.cols) {
		return newErr(codeProtocolViolation, "bind message has %d result formats but query has %d columns", nr, len(ps.cols))
	}
	for _, f := range m.ResultFormatCodes {
		if f != 0 && f != 1 {
			return newErr(codeProtocolViolation, "unsupported format code: %d", f)
		}
	}
	args := make([]any, np)
	for i, p := range m.Parameters {
		if p == nil {
			continue
		}
		var format int16
		switch len(m.ParameterFormatCodes) {
		case 0:
		case 1:
			format = m.ParameterFormatCodes[0]
		default:
			format = m.ParameterFormatCodes[i]
		}
		var v any
		var err error
		switch format {
		case 0:
			v, err = decodeText(p, ps.paramOIDs[i])
		case 1:
			v, err = decodeBinary(p, ps.paramOIDs[i])
			if err != nil {
				if e, ok := err.(*Error); !ok || e.Code != codeProtocolViolation {
					err = newErr(codeInvalidBinaryRep, "incorrect binary data format in bind parameter %d", i+1)
				}
			}
		default:
			err = newErr(codeProtocolViolation, "unsupported format code: %d", format)
		}
		if err != nil {
			return err
		}
		args[i] = v
	}
	if m.DestinationPortal == "" {
		delete(c.portals, "")
	}
	var p *portal
	if m.DestinationPortal == "" {
		// The unnamed portal lives in the connection: it is replaced by
		// every Bind to it (the previous one was just deleted, and
		// nothing outlives the Execute that ran it), so a point read's
		// Bind does not allocate one.
		p = &c.unnamed
	} else {
		p = new(portal)
	}
	*p = portal{
		name:    m.DestinationPortal,
		ps:      ps,
		args:    args,
		formats: append([]int16(nil), m.ResultFormatCodes...),
		cols:    ps.cols,
	}
	c.portals[m.DestinationPortal] = p
	return c.send(&pgproto3.BindComplete{}, 5)
}

func (c *conn) describe(m *pgproto3.Describe) error {
	switch m.ObjectType {
	case 'S':
		ps, ok := c.stmts[m.Name]
		if !ok {
			return stmtNotFound(m.Name)
		}
		c.send(&pgproto3.ParameterDescription{ParameterOIDs: append([]uint32(nil), ps.paramOIDs...)}, 8+4*len(ps.paramOIDs))
		if ps.cols == nil {
			return c.send(&pgproto3.NoData{}, 5)
		}
		return c.send(rowDescription(ps.cols, nil), 32*len(ps.cols))
	case 'P':
		p, ok := c.portals[m.Name]
		if !ok {
			return newErr(codeUndefinedCursor, "portal %q does not exist", m.Name)
		}
		if p.cols == nil {
			return c.send(&pgproto3.NoData{}, 5)
		}
		return c.send(rowDescription(p.cols, columnFormats(p.formats, len(p.cols))), 32*len(p.cols))
	default:
		return newErr(codeProtocolViolation, "invalid DESCRIBE message subtype %d", m.ObjectType)
	}
}

func (c *conn) closeMsg(m *pgproto3.Close) error {
	switch m.ObjectType {
	case 'S':
		if ps, ok := c.stmts[m.Name]; ok {
			ps.stmt.Close()
			delete(c.stmts, m.Name)
		}
	case 'P':
		delete(c.portals, m.Name)
	default:
		return newErr(codeProtocolViolation, "invalid CLOSE message subtype %d", m.ObjectType)
	}
	return c.send(&pgproto3.CloseComplete{}, 5)
}

func (c *conn) execute(m *pgproto3.Execute) error {
	p, ok := c.portals[m.Portal]
	if !ok {
		return newErr(codeUndefinedCursor, "portal %q does not exist", m.Portal)
	}
	max := int(int32(m.MaxRows))
	if !p.started {
		p.started = true
		// The connection's one writer: statements run one at a time, and
		// nothing keeps a writer past the Execute it was made for.
		c.ew = writer{c: c, portal: p, buffer: max > 0}
		w := &c.ew
		if w.buffer {
			// Other portals' rows count against the same per-connection
			// bound; they cannot grow while this one runs.
			for _, o := range c.portals {
				w.otherBuffered += o.bytes
			}
		}
		if p.cols != nil {
			w.cols = p.cols
			w.formats = columnFormats(p.formats, len(p.cols))
		}
		if ps, ok := c.sess.(PipelineSession); ok {
			ps.PipelineHint(c.fr.nextType() == 'S')
		}
		err, ioErr := c.runStatement(w, func(ctx context.Context) error { return p.ps.stmt.Execute(ctx, p.args, w) })
		if ioErr != nil {
			return connFatal{ioErr}
		}
		if err != nil {
			p.done = true
			return err
		}
		if !w.buffer {
			p.done = true
			if !w.any {
				return c.send(&pgproto3.EmptyQueryResponse{}, 5)
			}
			return nil
		}
		p.tag = w.tag
		p.empty = !w.any
	}
	if p.done && len(p.rows) == 0 {
		// Executing an exhausted portal: nothing more to fetch.
		return c.sendComplete(retag(p.tag, 0))
	}
	if p.empty {
		p.done = true
		p.empty = false
		return c.send(&pgproto3.EmptyQueryResponse{}, 5)
	}
	n := len(p.rows)
	if max > 0 && max < n {
		n = max
	}
	for _, r := range p.rows[:n] {
		size := rowSize(r)
		if err := c.send(&pgproto3.DataRow{Values: r}, size); err != nil {
			return connFatal{err}
		}
		p.bytes -= size
	}
	p.rows = p.rows[n:]
	if max > 0 && n == max {
		// Like PostgreSQL, a fetch that filled its row limit suspends the
		// portal even when no rows remain.
		return c.send(&pgproto3.PortalSuspended{}, 5)
	}
	p.done = true
	p.rows = nil
	return c.sendComplete(retag(p.tag, n))
}

// retag replaces the row count of a SELECT/FETCH tag with n (the rows
// returned by one Execute of a row-limited portal).
func retag(tag string, n int) string {
	for _, verb := range []string{"SELECT ", "FETCH ", "MOVE "} {
		if strings.HasPrefix(tag, verb) {
			return fmt.Sprintf("%s%d", verb, n)
		}
	}
	return tag
}
