package pgwire

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"

	"github.com/jackc/pgx/v5/pgproto3"
)

var pgcopySignature = []byte("PGCOPY\n\xff\r\n\x00")

// defaultCopyBatch is the batch size used when Next is asked for max <= 0.
const defaultCopyBatch = 1000

// copySource is the CopySource of a COPY FROM STDIN: it reads CopyData
// messages from the connection and decodes them into rows.
type copySource struct {
	w      *writer
	dec    *copyDecoder
	eof    bool // CopyDone received
	failed error
}

var _ CopySource = (*copySource)(nil)

func (s *copySource) Next(ctx context.Context, max int) ([][]any, error) {
	if s.failed != nil {
		return nil, s.failed
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if max <= 0 {
		max = defaultCopyBatch
	}
	var rows [][]any
	for len(rows) < max {
		row, ok, err := s.dec.next(s.eof)
		if err != nil {
			s.failed = err
			return nil, err
		}
		if ok {
			rows = append(rows, row)
			continue
		}
		if s.eof {
			break
		}
		if err := s.readMessage(); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				// The client went away (Terminate, closed connection)
				// before CopyDone: never the end of the data, or a COPY
				// cut short would store its first rows.
				err = newErr(codeProtocolViolation, "unexpected EOF on client connection during COPY from stdin")
			}
			s.failed = err
			return nil, err
		}
	}
	if len(rows) == 0 && s.eof {
		return nil, io.EOF
	}
	return rows, nil
}

// readMessage reads one message of the copy-in sub-protocol.
func (s *copySource) readMessage() error {
	c := s.w.c
	msg, err := c.be.Receive()
	if err != nil {
		err = c.receiveError(err)
		s.w.ioErr = err
		return err
	}
	switch m := msg.(type) {
	case *pgproto3.CopyData:
		if !s.dec.ended {
			s.dec.feed(m.Data)
		}
	case *pgproto3.CopyDone:
		s.eof = true
	case *pgproto3.CopyFail:
		return newErr(codeQueryCanceled, "COPY from stdin failed: %s", m.Message)
	case *pgproto3.Flush, *pgproto3.Sync:
		// Ignored during copy-in, as PostgreSQL does.
	case *pgproto3.Terminate:
		s.w.ioErr = io.EOF
		return io.EOF
	default:
		return newErr(codeProtocolViolation, "unexpected message type 0x%02X during COPY from stdin", messageType(msg))
	}
	return nil
}

// drain consumes the client's copy data up to CopyDone after the session
// finished reading early.
func (s *copySource) drain() error {
	if s.failed != nil {
		return nil
	}
	for !s.eof {
		if err := s.readMessage(); err != nil {
			s.failed = err
			return err
		}
		s.dec.buf, s.dec.pos = s.dec.buf[:0], 0
	}
	return nil
}

func messageType(msg pgproto3.FrontendMessage) byte {
	b, err := msg.Encode(nil)
	if err != nil || len(b) == 0 {
		return '?'
	}
	return b[0]
}

// copyDecoder turns COPY FROM data (text, csv or binary) into rows of
// values typed by the columns' OIDs.
type copyDecoder struct {
	kind   byte // 't', 'c' or 'b'
	delim  byte
	null   string
	quote  byte
	escape byte
	header bool
	cols   []Column
	table  string
	raw    []byte // the text or CSV line being converted, for errors

	forceNotNull, forceNull []bool // csv: per column (CopyFormat)

	buf        []byte
	pos        int
	headerDone bool
	ended      bool // end-of-data marker (\. or binary trailer) seen
	line       int
}

func newCopyDecoder(f CopyFormat, cols []Column) (*copyDecoder, error) {
	d := &copyDecoder{cols: cols, header: f.Header, table: f.Table, forceNotNull: f.ForceNotNull, forceNull: f.ForceNull}
	switch f.Kind {
	case "", "text":
		d.kind, d.delim, d.null = 't', '\t', `\N`
	case "csv":
		d.kind, d.delim, d.null, d.quote = 'c', ',', "", '"'
	case "binary":
		d.kind = 'b'
		return d, nil
	default:
		return nil, newErr(codeInvalidParameterValue, "COPY format %q not recognized", f.Kind)
	}
	if f.Delimiter != "" {
		if len(f.Delimiter) != 1 {
			return nil, newErr(codeFeatureNotSupported, "COPY delimiter must be a single one-byte character")
		}
		d.delim = f.Delimiter[0]
	}
	if f.Null != "" || f.Kind == "csv" {
		if f.Null != "" {
			d.null = f.Null
		}
	}
	if d.kind == 'c' {
		if f.Quote != "" {
			if len(f.Quote) != 1 {
				return nil, newErr(codeFeatureNotSupported, "COPY quote must be a single one-byte character")
			}
			d.quote = f.Quote[0]
		}
		d.escape = d.quote
		if f.Escape != "" {
			if len(f.Escape) != 1 {
				return nil, newErr(codeFeatureNotSupported, "COPY escape must be a single one-byte character")
			}
			d.escape = f.Escape[0]
		}
	}
	return d, nil
}

func (d *copyDecoder) feed(b []byte) {
	if d.pos > 0 && d.pos >= len(d.buf)/2 {
		n := copy(d.buf, d.buf[d.pos:])
		d.buf = d.buf[:n]
		d.pos = 0
	}
	d.buf = append(d.buf, b...)
}

// next decodes one row. ok is false when more data is needed (or, with
// final, when the data is exhausted).
func (d *copyDecoder) next(final bool) (row []any, ok bool, err error) {
	for {
		if d.ended {
			return nil, false, nil
		}
		switch d.kind {
		case 'b':
			return d.nextBinary(final)
		case 'c':
			row, ok, skip, err := d.nextCSV(final)
			if skip {
				continue
			}
			return row, ok, err
		default:
			row, ok, skip, err := d.nextText(final)
			if skip {
				continue
			}
			return row, ok, err
		}
	}
}

func (d *copyDecoder) copyErr(code, format string, args ...any) error {
	e := newErr(code, format, args...)
	e.Where = fmt.Sprintf("COPY %s, line %d", d.table, d.line)
	if d.raw != nil {
		e.Where += ": " + CopyShown(d.raw)
	}
	return e
}

// CopyShown is a line or value as PostgreSQL's COPY CONTEXT shows it:
// quoted, cut after 100 bytes (MAX_COPY_DATA_DISPLAY) with "...".
func CopyShown(b []byte) string {
	if len(b) > 100 {
		return `"` + string(b[:100]) + `..."`
	}
	return `"` + string(b) + `"`
}

func (d *copyDecoder) convert(fields [][]byte, nulls []bool) ([]any, error) {
	if len(fields) > len(d.cols) {
		return nil, d.copyErr(codeBadCopyFileFormat, "extra data after last expected column")
	}
	if len(fields) < len(d.cols) {
		return nil, d.copyErr(codeBadCopyFileFormat, "missing data for column %q", d.cols[len(fields)].Name)
	}
	row := make([]any, len(fields))
	for i, f := range fields {
		if nulls[i] {
			continue
		}
		v, err := decodeText(f, d.cols[i].TypeOID)
		if err != nil {
			if se, ok := err.(*Error); ok {
				se.Where = fmt.Sprintf("COPY %s, line %d, column %s: %s", d.table, d.line, d.cols[i].Name, CopyShown(f))
			}
			return nil, err
		}
		row[i] = v
	}
	return row, nil
}

func (d *copyDecoder) nextText(final bool) (row []any, ok, skip bool, err error) {
	data := d.buf[d.pos:]
	i := bytes.IndexByte(data, '\n')
	var line []byte
	if i < 0 {
		if !final || len(data) == 0 {
			return nil, false, false, nil
		}
		line = data
		d.pos += len(data)
	} else {
		line = data[:i]
		d.pos += i + 1
	}
	d.line++
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if d.header && !d.headerDone {
		d.headerDone = true
		return nil, false, true, nil
	}
	if string(line) == `\.` {
		d.ended = true
		return nil, false, false, nil
	}
	if len(d.cols) == 0 && len(line) == 0 {
		return []any{}, true, false, nil
	}
	var fields [][]byte
	var nulls []bool
	start := 0
	for {
		end := start
		for end < len(line) && line[end] != d.delim {
			if line[end] == '\\' && end+1 < len(line) {
				end++
			}
			end++
		}
		raw := line[start:end]
		if string(raw) == d.null {
			fields = append(fields, nil)
			nulls = append(nulls, true)
		} else {
			fields = append(fields, unescapeCopyText(raw))
			nulls = append(nulls, false)
		}
		if end >= len(line) {
			break
		}
		start = end + 1
	}
	d.raw = line
	row, err = d.convert(fields, nulls)
	d.raw = nil
	return row, err == nil, false, err
}

func unescapeCopyText(raw []byte) []byte {
	if bytes.IndexByte(raw, '\\') < 0 {
		return append([]byte(nil), raw...)
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		ch := raw[i]
		if ch != '\\' || i+1 >= len(raw) {
			out = append(out, ch)
			continue
		}
		i++
		ch = raw[i]
		switch ch {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, '\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(ch - '0')
			for k := 0; k < 2 && i+1 < len(raw) && raw[i+1] >= '0' && raw[i+1] <= '7'; k++ {
				i++
				v = v*8 + int(raw[i]-'0')
			}
			out = append(out, byte(v))
		case 'x':
			if i+1 < len(raw) && isHex(raw[i+1]) {
				i++
				v := hexVal(raw[i])
				if i+1 < len(raw) && isHex(raw[i+1]) {
					i++
					v = v*16 + hexVal(raw[i])
				}
				out = append(out, byte(v))
			} else {
				out = append(out, 'x')
			}
		default:
			out = append(out, ch)
		}
	}
	return out
}

func isHex(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F'
}

func hexVal(b byte) int {
	switch {
	case b >= '0' && b <= '9':
		return int(b - '0')
	case b >= 'a' && b <= 'f':
		return int(b-'a') + 10
	default:
		return int(b-'A') + 10
	}
}

func (d *copyDecoder) nextCSV(final bool) (row []any, ok, skip bool, err error) {
	data := d.buf[d.pos:]
	if len(data) == 0 {
		return nil, false, false, nil
	}
	var fields [][]byte
	var nulls []bool
	var field []byte
	quoted := false   // current field had quotes
	inQuotes := false // inside a quoted section
	i := 0
	complete := false
	for i < len(data) {
		ch := data[i]
		if inQuotes {
			if ch == d.escape && i+1 < len(data) && (data[i+1] == d.quote || data[i+1] == d.escape) && (d.escape != d.quote || data[i+1] == d.quote) {
				field = append(field, data[i+1])
				i += 2
				continue
			}
			if ch == d.escape && d.escape != d.quote && i+1 >= len(data) && !final {
				return nil, false, false, nil // need the next byte
			}
			if ch == d.quote {
				if d.escape == d.quote && i+1 >= len(data) && !final {
					return nil, false, false, nil // could be a doubled quote
				}
				inQuotes = false
				i++
				continue
			}
			field = append(field, ch)
			i++
			continue
		}
		switch ch {
		case d.quote:
			inQuotes = true
			quoted = true
			i++
		case d.delim:
			fields, nulls = d.appendCSVField(fields, nulls, field, quoted)
			field, quoted = nil, false
			i++
		case '\n', '\r':
			complete = true
		default:
			field = append(field, ch)
			i++
		}
		if complete {
			break
		}
	}
	if !complete {
		if !final {
			return nil, false, false, nil
		}
		if inQuotes {
			d.pos = len(d.buf)
			d.line++
			return nil, false, false, d.copyErr(codeBadCopyFileFormat, "unterminated CSV quoted field")
		}
	}
	// consume the line terminator
	end := i
	if complete {
		if data[i] == '\r' {
			if i+1 < len(data) && data[i+1] == '\n' {
				end = i + 2
			} else if i+1 >= len(data) && !final {
				return nil, false, false, nil
			} else {
				end = i + 1
			}
		} else {
			end = i + 1
		}
	}
	lineRaw := data[:i]
	d.pos += end
	d.line++
	if d.header && !d.headerDone {
		d.headerDone = true
		return nil, false, true, nil
	}
	if len(fields) == 0 && !quoted && string(lineRaw) == `\.` {
		d.ended = true
		return nil, false, false, nil
	}
	fields, nulls = d.appendCSVField(fields, nulls, field, quoted)
	if len(d.cols) == 0 && len(lineRaw) == 0 {
		return []any{}, true, false, nil
	}
	d.raw = lineRaw
	row, err = d.convert(fields, nulls)
	d.raw = nil
	return row, err == nil, false, err
}

// appendCSVField adds the next field of a CSV line: an unquoted value
// equal to the null string is NULL unless its column is FORCE_NOT_NULL; a
// quoted one is NULL when its column is FORCE_NULL (PostgreSQL's
// NextCopyFrom).
func (d *copyDecoder) appendCSVField(fields [][]byte, nulls []bool, field []byte, quoted bool) ([][]byte, []bool) {
	i := len(fields)
	if string(field) == d.null {
		notNull := i < len(d.forceNotNull) && d.forceNotNull[i]
		if !quoted && !notNull || quoted && i < len(d.forceNull) && d.forceNull[i] {
			return append(fields, nil), append(nulls, true)
		}
	}
	if field == nil {
		field = []byte{}
	}
	return append(fields, field), append(nulls, false)
}

func (d *copyDecoder) nextBinary(final bool) (row []any, ok bool, err error) {
	data := d.buf[d.pos:]
	p := 0
	short := func() ([]any, bool, error) {
		if final {
			d.pos = len(d.buf)
			if len(data) == 0 {
				return nil, false, nil
			}
			return nil, false, newErr(codeBadCopyFileFormat, "unexpected EOF in COPY data")
		}
		return nil, false, nil
	}
	if !d.headerDone {
		if len(data) < len(pgcopySignature)+8 {
			if final && len(data) > 0 && !bytes.HasPrefix(pgcopySignature, data[:min(len(data), len(pgcopySignature))]) {
				return nil, false, newErr(codeBadCopyFileFormat, "COPY file signature not recognized")
			}
			return short()
		}
		if !bytes.Equal(data[:len(pgcopySignature)], pgcopySignature) {
			d.pos = len(d.buf)
			return nil, false, newErr(codeBadCopyFileFormat, "COPY file signature not recognized")
		}
		p = len(pgcopySignature)
		flags := binary.BigEndian.Uint32(data[p:])
		if flags&(1<<16) != 0 {
			d.pos = len(d.buf)
			return nil, false, newErr(codeBadCopyFileFormat, "COPY file contains OIDs, which are not supported")
		}
		if flags>>17 != 0 {
			d.pos = len(d.buf)
			return nil, false, newErr(codeBadCopyFileFormat, "unrecognized critical flags in COPY file header")
		}
		ext := int(int32(binary.BigEndian.Uint32(data[p+4:])))
		p += 8
		if ext < 0 {
			d.pos = len(d.buf)
			return nil, false, newErr(codeBadCopyFileFormat, "invalid COPY file header (wrong length)")
		}
		if len(data)-p < ext {
			return short()
		}
		p += ext
		d.headerDone = true
		d.pos += p
		data = d.buf[d.pos:]
		p = 0
	}
	if len(data) < 2 {
		return short()
	}
	n := int(int16(binary.BigEndian.Uint16(data)))
	p = 2
	if n == -1 {
		d.pos += 2
		d.ended = true
		return nil, false, nil
	}
	d.line++
	if n != len(d.cols) {
		d.pos = len(d.buf)
		return nil, false, d.copyErr(codeBadCopyFileFormat, "row field count is %d, expected %d", n, len(d.cols))
	}
	row = make([]any, n)
	for i := 0; i < n; i++ {
		if len(data)-p < 4 {
			d.line--
			return short()
		}
		l := int(int32(binary.BigEndian.Uint32(data[p:])))
		p += 4
		if l == -1 {
			continue
		}
		if l < 0 {
			d.pos = len(d.buf)
			return nil, false, d.copyErr(codeBadCopyFileFormat, "invalid field size")
		}
		if len(data)-p < l {
			d.line--
			return short()
		}
		v, err := decodeBinary(data[p:p+l], d.cols[i].TypeOID)
		if err != nil {
			d.pos = len(d.buf)
			return nil, false, d.copyErr(codeInvalidBinaryRep, "incorrect binary data format in column %q", d.cols[i].Name)
		}
		row[i] = v
		p += l
	}
	d.pos += p
	return row, true, nil
}

// copyOutState encodes the rows of a COPY TO STDOUT.
type copyOutState struct {
	format CopyFormat
	kind   byte
	delim  byte
	null   string
	quote  byte
	escape byte
	cols   []Column
}

func newCopyOut(f CopyFormat, cols []Column) (*copyOutState, error) {
	d, err := newCopyDecoder(f, cols)
	if err != nil {
		return nil, err
	}
	return &copyOutState{format: f, kind: d.kind, delim: d.delim, null: d.null, quote: d.quote, escape: d.escape, cols: cols}, nil
}

// header is the first CopyData of the stream, if any.
func (co *copyOutState) header() []byte {
	switch {
	case co.kind == 'b':
		h := append([]byte(nil), pgcopySignature...)
		return append(h, 0, 0, 0, 0, 0, 0, 0, 0)
	case co.format.Header:
		vals := make([]any, len(co.cols))
		for i, c := range co.cols {
			vals[i] = c.Name
		}
		tmp := &copyOutState{kind: co.kind, delim: co.delim, null: "\x00\x00never", quote: co.quote, escape: co.escape, cols: make([]Column, len(co.cols))}
		for i := range tmp.cols {
			tmp.cols[i].TypeOID = oid.Text
		}
		b, _ := tmp.encodeRow(vals, time.UTC)
		return b
	}
	return nil
}

func (co *copyOutState) encodeRow(values []any, loc *time.Location) ([]byte, error) {
	if len(values) != len(co.cols) {
		return nil, fmt.Errorf("pgwire: COPY row has %d values, expected %d", len(values), len(co.cols))
	}
	var out []byte
	if co.kind == 'b' {
		out = binary.BigEndian.AppendUint16(out, uint16(len(values)))
		for i, v := range values {
			v = adjustForColumn(v, co.cols[i])
			if v == nil {
				out = binary.BigEndian.AppendUint32(out, 0xffffffff)
				continue
			}
			b, err := encodeBinary(v, co.cols[i].TypeOID)
			if err != nil {
				return nil, err
			}
			out = binary.BigEndian.AppendUint32(out, uint32(len(b)))
			out = append(out, b...)
		}
		return out, nil
	}
	for i, v := range values {
		v = adjustForColumn(v, co.cols[i])
		if i > 0 {
			out = append(out, co.delim)
		}
		if v == nil {
			out = append(out, co.null...)
			continue
		}
		b, err := encodeText(v, co.cols[i].TypeOID, loc)
		if err != nil {
			return nil, err
		}
		if co.kind == 'c' {
			out = co.appendCSV(out, b, i < len(co.format.ForceQuote) && co.format.ForceQuote[i])
		} else {
			out = co.appendText(out, b)
		}
	}
	return append(out, '\n'), nil
}

func (co *copyOutState) appendText(out, b []byte) []byte {
	for _, ch := range b {
		switch ch {
		case '\\':
			out = append(out, '\\', '\\')
		case '\n':
			out = append(out, '\\', 'n')
		case '\r':
			out = append(out, '\\', 'r')
		case '\t':
			out = append(out, '\\', 't')
		case '\b':
			out = append(out, '\\', 'b')
		case '\f':
			out = append(out, '\\', 'f')
		case '\v':
			out = append(out, '\\', 'v')
		default:
			if ch == co.delim {
				out = append(out, '\\', ch)
			} else {
				out = append(out, ch)
			}
		}
	}
	return out
}

func (co *copyOutState) appendCSV(out, b []byte, force bool) []byte {
	need := force || string(b) == co.null || bytes.IndexByte(b, co.delim) >= 0 || bytes.IndexByte(b, co.quote) >= 0 ||
		bytes.IndexByte(b, '\n') >= 0 || bytes.IndexByte(b, '\r') >= 0 || (co.escape != co.quote && bytes.IndexByte(b, co.escape) >= 0) ||
		string(b) == `\.`
	if !need {
		return append(out, b...)
	}
	out = append(out, co.quote)
	for _, ch := range b {
		if ch == co.quote || (ch == co.escape && co.escape != co.quote) {
			out = append(out, co.escape)
		}
		out = append(out, ch)
	}
	return append(out, co.quote)
}
