package pgwire

import (
	"strconv"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/raftsql/raftsql/pgwire/oid"
)

// outMsgs are a connection's reusable copies of the messages every
// statement sends (DataRow, CommandComplete, ReadyForQuery) with the
// buffers they point into. pgproto3.Backend.Send encodes a message into
// its output buffer before it returns, so nothing refers to a message or
// its buffers once sent, and the next one may overwrite them: a point
// read sends its row, tag and ReadyForQuery without allocating.
// Only the connection's own goroutine sends them.
type outMsgs struct {
	row      pgproto3.DataRow
	vals     [][]byte
	ends     []int // where each value of the row being encoded ends in buf; -1: NULL
	buf      []byte
	complete pgproto3.CommandComplete
	tag      []byte
	ready    pgproto3.ReadyForQuery
}

// sendComplete sends CommandComplete with tag.
func (c *conn) sendComplete(tag string) error {
	o := &c.out
	o.tag = append(o.tag[:0], tag...)
	o.complete.CommandTag = o.tag
	return c.send(&o.complete, len(tag)+6)
}

// sendReady queues ReadyForQuery with status st.
func (c *conn) sendReady(st TxStatus) {
	c.out.ready.TxStatus = byte(st)
	c.be.Send(&c.out.ready)
}

// appendValue appends v's encoding in format (0 text, 1 binary) for a
// column of type typeOID to dst, as encodeValue encodes it; null is true
// for SQL NULL. The values a point read returns most (strings of the
// character types and integers of the integer types, in text) are appended
// without an intermediate copy; every other value goes through
// encodeValue.
func appendValue(dst []byte, v any, typeOID uint32, format int16, w *writer) (out []byte, null bool, err error) {
	if v == nil {
		return dst, true, nil
	}
	if format == 0 {
		switch x := v.(type) {
		case string:
			switch typeOID {
			case oid.Text, oid.Varchar, oid.Bpchar, oid.Name:
				// encodeText's own fallback for these: the string as is.
				return append(dst, x...), false, nil
			}
		case int64:
			switch typeOID {
			case oid.Int2, oid.Int4, oid.Int8:
				return strconv.AppendInt(dst, x, 10), false, nil
			}
		}
	}
	b, err := encodeValue(v, typeOID, format, w.location())
	if err != nil {
		return dst, false, err
	}
	if b == nil {
		return dst, true, nil
	}
	return append(dst, b...), false, nil
}
