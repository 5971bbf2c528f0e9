package pgwire

import (
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/raftsql/raftsql/pgwire/oid"
)

// writer is the ResultWriter handed to the session. In the simple
// protocol (portal == nil) it streams RowDescription/DataRow/CommandComplete;
// in the extended protocol it encodes rows with the portal's result formats
// and either streams them (Execute without row limit) or buffers them in
// the portal (row-limited Execute, PortalSuspended).
type writer struct {
	c       *conn
	portal  *portal
	buffer  bool
	cols    []Column
	formats []int16 // per column; nil = all text

	any   bool // something was reported (Complete, EmptyQuery, error)
	empty bool
	tag   string
	err   error // first encoding error the session may have swallowed
	ioErr error // the connection failed

	copyIn  *copySource
	copyOut *copyOutState

	// loc: the zone the current statement's timestamptz values print
	// in, asked at its first row (location) and forgotten at its
	// Complete, since a statement before it in the same string or
	// pipeline may have changed it.
	loc *time.Location

	otherBuffered int // bytes other portals of the connection hold (buffer)
}

var _ ResultWriter = (*writer)(nil)

func (w *writer) send(msg pgproto3.BackendMessage, size int) error {
	if w.ioErr != nil {
		return w.ioErr
	}
	if err := w.c.send(msg, size); err != nil {
		w.ioErr = err
		return err
	}
	return nil
}

func (w *writer) Describe(cols []Column) error {
	if w.ioErr != nil {
		return w.ioErr
	}
	if w.portal != nil {
		if w.cols == nil {
			w.cols = cols
			w.formats = columnFormats(w.portal.formats, len(cols))
			w.portal.cols = cols
		}
		return nil
	}
	w.cols = cols
	w.formats = nil
	return w.send(rowDescription(cols, nil), 32*len(cols))
}

func (w *writer) Row(values []any) error {
	if w.ioErr != nil {
		return w.ioErr
	}
	if w.copyOut != nil && w.copyOut.format.Kind == CopyRaw {
		return w.sendRaw(values)
	}
	if w.copyOut != nil {
		data, err := w.copyOut.encodeRow(values, w.location())
		if err != nil {
			w.setErr(err)
			return err
		}
		return w.send(&pgproto3.CopyData{Data: data}, len(data)+5)
	}
	if len(values) != len(w.cols) {
		err := fmt.Errorf("pgwire: row has %d values, but %d columns were described", len(values), len(w.cols))
		w.setErr(err)
		return err
	}
	if !w.buffer {
		return w.sendRow(values)
	}
	row := make([][]byte, len(values))
	for i, v := range values {
		var f int16
		if w.formats != nil {
			f = w.formats[i]
		}
		b, err := encodeValue(adjustForColumn(v, w.cols[i]), w.cols[i].TypeOID, f, w.location())
		if err != nil {
			err = fmt.Errorf("column %q: %w", w.cols[i].Name, err)
			w.setErr(err)
			return err
		}
		row[i] = b
	}
	size := rowSize(row)
	if max := w.c.srv.cfg.MaxResultBuffer; w.otherBuffered+w.portal.bytes+size > max {
		// A row-limited Execute runs the statement to the end and
		// keeps the rows for the next fetches: bound that memory
		// instead of letting one query hold it all.
		return &Error{Code: codeProgramLimitExceeded,
			Message:  fmt.Sprintf("result of a row-limited Execute exceeds %d bytes buffered on this connection", max),
			HintText: "Execute without a row limit streams the rows; or fetch fewer rows with LIMIT/OFFSET."}
	}
	w.portal.bytes += size
	w.portal.rows = append(w.portal.rows, row)
	return nil
}

// maxKeptRowBuffer bounds the row buffer a connection keeps between rows.
const maxKeptRowBuffer = 64 << 10

// sendRow encodes a streamed row into the connection's reusable DataRow
// (outMsgs) and sends it: the values are appended to one buffer, then
// sliced from it once all are in (an append may move the buffer).
func (w *writer) sendRow(values []any) error {
	o := &w.c.out
	if o.buf == nil || cap(o.buf) > maxKeptRowBuffer {
		// Non-nil, so that an empty value's slice is non-nil too; and
		// not kept at the size of a connection's largest row ever.
		o.buf = make([]byte, 0, 256)
	}
	o.buf, o.ends = o.buf[:0], o.ends[:0]
	for i, v := range values {
		var f int16
		if w.formats != nil {
			f = w.formats[i]
		}
		var null bool
		var err error
		o.buf, null, err = appendValue(o.buf, adjustForColumn(v, w.cols[i]), w.cols[i].TypeOID, f, w)
		if err != nil {
			err = fmt.Errorf("column %q: %w", w.cols[i].Name, err)
			w.setErr(err)
			return err
		}
		end := len(o.buf)
		if null {
			end = -1
		}
		o.ends = append(o.ends, end)
	}
	o.vals = o.vals[:0]
	start := 0
	for _, end := range o.ends {
		if end < 0 {
			o.vals = append(o.vals, nil)
			continue
		}
		// A full slice expression: an empty value stays non-nil (''
		// is not NULL).
		o.vals = append(o.vals, o.buf[start:end:end])
		start = end
	}
	o.row.Values = o.vals
	return w.send(&o.row, rowSize(o.vals))
}

// location is the zone of the current statement's timestamptz values
// (conn.location), asked once per statement.
func (w *writer) location() *time.Location {
	if w.loc == nil {
		w.loc = w.c.location()
	}
	return w.loc
}

func (w *writer) setErr(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *writer) Complete(tag string) error {
	if w.ioErr != nil {
		return w.ioErr
	}
	w.any = true
	w.loc = nil
	if w.copyIn != nil {
		src := w.copyIn
		w.copyIn = nil
		if err := src.drain(); err != nil {
			return err
		}
	}
	if w.copyOut != nil {
		co := w.copyOut
		w.copyOut = nil
		if co.format.Kind == "binary" {
			if err := w.send(&pgproto3.CopyData{Data: []byte{0xff, 0xff}}, 7); err != nil {
				return err
			}
		}
		if err := w.send(&pgproto3.CopyDone{}, 5); err != nil {
			return err
		}
	}
	if w.portal == nil {
		w.cols = nil
	}
	w.tag = tag
	if w.portal != nil {
		w.portal.tag = tag
	}
	if w.buffer {
		return nil
	}
	if w.ioErr != nil {
		return w.ioErr
	}
	if err := w.c.sendComplete(tag); err != nil {
		w.ioErr = err
		return err
	}
	return nil
}

func (w *writer) EmptyQuery() error {
	w.any = true
	w.empty = true
	if w.buffer {
		return nil
	}
	return w.send(&pgproto3.EmptyQueryResponse{}, 5)
}

func (w *writer) Notice(severity, code, message string, detail ...string) error {
	if severity == "" {
		severity = "NOTICE"
	}
	if code == "" {
		code = "00000"
	}
	n := &pgproto3.NoticeResponse{Severity: severity, SeverityUnlocalized: severity, Code: code, Message: message}
	if len(detail) > 0 {
		n.Detail = detail[0]
	}
	return w.send(n, len(message)+len(n.Detail)+32)
}

func copyFormatCode(f CopyFormat) (byte, error) {
	switch f.Kind {
	case "", "text", "csv":
		return 0, nil
	case "binary", CopyRaw:
		return 1, nil
	default:
		return 0, newErr(codeInvalidParameterValue, "COPY format %q not recognized", f.Kind)
	}
}

func (w *writer) CopyIn(format CopyFormat, cols []Column) (CopySource, error) {
	if w.ioErr != nil {
		return nil, w.ioErr
	}
	code, err := copyFormatCode(format)
	if err != nil {
		return nil, err
	}
	dec, err := newCopyDecoder(format, cols)
	if err != nil {
		return nil, err
	}
	fc := make([]uint16, len(cols))
	for i := range fc {
		fc[i] = uint16(code)
	}
	if err := w.send(&pgproto3.CopyInResponse{OverallFormat: code, ColumnFormatCodes: fc}, 8+2*len(fc)); err != nil {
		return nil, err
	}
	if err := w.c.flush(); err != nil {
		w.ioErr = err
		return nil, err
	}
	src := &copySource{w: w, dec: dec}
	w.copyIn = src
	return src, nil
}

func (w *writer) CopyOut(format CopyFormat, cols []Column) error {
	if w.ioErr != nil {
		return w.ioErr
	}
	code, err := copyFormatCode(format)
	if err != nil {
		return err
	}
	if format.Kind == CopyRaw {
		if len(cols) != 1 {
			return fmt.Errorf("pgwire: a raw COPY has one column, not %d", len(cols))
		}
		if err := w.send(&pgproto3.CopyOutResponse{OverallFormat: code, ColumnFormatCodes: []uint16{1}}, 10); err != nil {
			return err
		}
		w.copyOut = &copyOutState{format: format, cols: cols}
		return nil
	}
	co, err := newCopyOut(format, cols)
	if err != nil {
		return err
	}
	fc := make([]uint16, len(cols))
	for i := range fc {
		fc[i] = uint16(code)
	}
	if err := w.send(&pgproto3.CopyOutResponse{OverallFormat: code, ColumnFormatCodes: fc}, 8+2*len(fc)); err != nil {
		return err
	}
	w.copyOut = co
	if hdr := co.header(); hdr != nil {
		return w.send(&pgproto3.CopyData{Data: hdr}, len(hdr)+5)
	}
	return nil
}

// abortCopy forgets a COPY in progress after an error: remaining CopyData
// from the client is dropped by the message loop.
func (w *writer) abortCopy() {
	w.copyIn = nil
	w.copyOut = nil
}

// columnFormats expands Bind's result format codes to one per column, or
// is nil when every column is text (the common case, without allocating).
func columnFormats(codes []int16, n int) []int16 {
	if !slices.ContainsFunc(codes, func(c int16) bool { return c != 0 }) {
		return nil // all text
	}
	f := make([]int16, n)
	switch len(codes) {
	case 0:
	case 1:
		for i := range f {
			f[i] = codes[0]
		}
	default:
		copy(f, codes)
	}
	return f
}

func rowDescription(cols []Column, formats []int16) *pgproto3.RowDescription {
	rd := &pgproto3.RowDescription{Fields: make([]pgproto3.FieldDescription, len(cols))}
	for i, col := range cols {
		size := col.TypeSize
		if size == 0 {
			size = oid.Size(col.TypeOID)
		}
		mod := col.TypeModifier
		if mod == 0 && !zeroTypmodType(col.TypeOID) {
			mod = -1 // a Column that set none (typmod_zero.go)
		}
		var f int16
		if i < len(formats) {
			f = formats[i]
		}
		rd.Fields[i] = pgproto3.FieldDescription{
			Name:                 []byte(col.Name),
			TableOID:             col.TableOID,
			TableAttributeNumber: uint16(col.AttrNum),
			DataTypeOID:          col.TypeOID,
			DataTypeSize:         size,
			TypeModifier:         mod,
			Format:               f,
		}
	}
	return rd
}

func rowSize(r [][]byte) int {
	n := 7 + 4*len(r)
	for _, v := range r {
		n += len(v)
	}
	return n
}

// sendRaw sends the one []byte value of a raw COPY row as one CopyData
// message, verbatim.
func (w *writer) sendRaw(values []any) error {
	b, ok := values[0].([]byte)
	if len(values) != 1 || !ok {
		err := fmt.Errorf("pgwire: a raw COPY row is one []byte value")
		w.setErr(err)
		return err
	}
	return w.send(&pgproto3.CopyData{Data: b}, len(b)+5)
}
