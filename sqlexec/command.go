package sqlexec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// Command is the payload of one Raft log entry: statements to apply
// atomically, with everything needed to make them deterministic.
type Command struct {
	RequestID  [16]byte
	Timestamp  int64  // unix µs, fixed by the proposer
	Seed       uint64 // PRNG seed, fixed by the proposer
	Statements []Statement
	// Flags: CmdTxn marks an explicit client transaction.
	Flags uint32
	// Digest, when non-empty, is the digest of the results the client saw
	// while executing the transaction speculatively; apply re-executes and
	// rolls the whole entry back with 40001 if the digest differs.
	Digest []byte
	// Database, User: the names the proposing session connected with;
	// current_database() and current_user answer them at apply (empty:
	// the process defaults). Encoded only when set.
	Database, User string
	// Sequences: the proposing session's sequence history, which currval
	// and lastval answer from (sequences.go). Encoded only when set.
	Sequences string
	// TimeZone: the proposing session's TimeZone (a name LoadZone
	// accepts), which zone-dependent date/time input reads at apply (a
	// timestamptz without a zone is wall-clock time there). Empty = UTC;
	// encoded only when set, so entries of UTC sessions stay as before.
	TimeZone string
}

// Command flags.
const (
	CmdTxn uint32 = 1 << iota
	// CmdRole: the statements are role changes (roles.go), not SQL.
	CmdRole
	// CmdAdvisory: advisory lock operations (advisory.go), not SQL.
	CmdAdvisory
	// CmdCopy: operations of a streamed COPY FROM (copystage.go), not SQL.
	CmdCopy
)

// Statement is one SQLite statement (already translated from PostgreSQL)
// with its bound arguments.
type Statement struct {
	SQL  string
	Args []any  // nil, int64, float64, string, []byte, bool, time.Time
	Tag  string // PostgreSQL command tag verb ("INSERT", "CREATE TABLE", ...); "" = derive
	// Digest: include this statement's result in the transaction digest.
	Digest bool
}

const cmdMagic = 0x52 // 'R'
const cmdVersion = 1

// EncodeCommand serializes c.
func EncodeCommand(c *Command) []byte {
	return AppendCommand(nil, c)
}

// AppendCommand appends c's serialization to dst (a node puts its entry
// type byte first) and returns the extended slice. It grows dst once, to
// an estimate of the whole encoding, instead of at each field.
func AppendCommand(dst []byte, c *Command) []byte {
	b := slices.Grow(dst, encodedSizeHint(c))
	b = append(b, cmdMagic, cmdVersion)
	b = append(b, c.RequestID[:]...)
	b = binary.AppendVarint(b, c.Timestamp)
	b = binary.AppendUvarint(b, c.Seed)
	b = binary.AppendUvarint(b, uint64(c.Flags))
	b = appendBytes(b, c.Digest)
	b = binary.AppendUvarint(b, uint64(len(c.Statements)))
	for _, s := range c.Statements {
		b = appendString(b, s.SQL)
		b = appendString(b, s.Tag)
		if s.Digest {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(len(s.Args)))
		for _, a := range s.Args {
			b = appendValue(b, a)
		}
	}
	// Optional trailing fields: each present when it or a later one is set.
	if c.Database != "" || c.User != "" || c.Sequences != "" || c.TimeZone != "" {
		b = appendString(b, c.Database)
		b = appendString(b, c.User)
	}
	if c.Sequences != "" || c.TimeZone != "" {
		b = appendString(b, c.Sequences)
	}
	if c.TimeZone != "" {
		b = appendString(b, c.TimeZone)
	}
	return b
}

// encodedSizeHint is an upper estimate of c's encoding: the texts and
// byte values, plus room for every length, number and tag. A value of
// another kind (time, fmt.Sprint) may take more; append grows then.
func encodedSizeHint(c *Command) int {
	n := 2 + len(c.RequestID) + 3*binary.MaxVarintLen64 + len(c.Digest) + 2*binary.MaxVarintLen64
	n += len(c.Database) + len(c.User) + len(c.Sequences) + len(c.TimeZone) + 4*binary.MaxVarintLen64
	for _, s := range c.Statements {
		n += len(s.SQL) + len(s.Tag) + 1 + 3*binary.MaxVarintLen64
		for _, a := range s.Args {
			n += 1 + binary.MaxVarintLen64
			switch x := a.(type) {
			case string:
				n += len(x)
			case []byte:
				n += len(x)
			case time.Time:
				n += 40 // formatTime's RFC 3339 with nanoseconds and zone
			}
		}
	}
	return n
}

func appendBytes(b, v []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

func appendString(b []byte, v string) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

const (
	tagNull = iota
	tagInt
	tagFloat
	tagText
	tagBlob
	tagBool
	tagTime
)

func appendValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, tagNull)
	case int64:
		return binary.AppendVarint(append(b, tagInt), x)
	case int:
		return binary.AppendVarint(append(b, tagInt), int64(x))
	case int32:
		return binary.AppendVarint(append(b, tagInt), int64(x))
	case int16:
		return binary.AppendVarint(append(b, tagInt), int64(x))
	case int8:
		return binary.AppendVarint(append(b, tagInt), int64(x))
	case uint32:
		return binary.AppendVarint(append(b, tagInt), int64(x))
	case uint16:
		return binary.AppendVarint(append(b, tagInt), int64(x))
	case uint8:
		return binary.AppendVarint(append(b, tagInt), int64(x))
	case float64:
		return binary.BigEndian.AppendUint64(append(b, tagFloat), math.Float64bits(x))
	case float32:
		return binary.BigEndian.AppendUint64(append(b, tagFloat), math.Float64bits(float64(x)))
	case string:
		return appendString(append(b, tagText), x)
	case []byte:
		return appendBytes(append(b, tagBlob), x)
	case bool:
		if x {
			return append(b, tagBool, 1)
		}
		return append(b, tagBool, 0)
	case time.Time:
		return appendString(append(b, tagTime), formatTime(x))
	default:
		return appendString(append(b, tagText), fmt.Sprint(x))
	}
}

var errCorrupt = errors.New("sqlexec: corrupt command")

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte1() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 1 {
		d.err = errCorrupt
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errCorrupt
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

// value decodes one value of appendValue's.
func (d *decoder) value() any {
	switch t := d.byte1(); t {
	case tagNull:
		return nil
	case tagInt:
		return d.varint()
	case tagFloat:
		if len(d.b) < 8 {
			d.err = errCorrupt
			return nil
		}
		v := math.Float64frombits(binary.BigEndian.Uint64(d.b))
		d.b = d.b[8:]
		return v
	case tagText, tagTime:
		return string(d.bytes())
	case tagBlob:
		return append([]byte{}, d.bytes()...)
	case tagBool:
		return d.byte1() == 1
	default:
		if d.err == nil {
			d.err = errCorrupt
		}
		return nil
	}
}

// DecodeCommand parses the output of EncodeCommand.
func DecodeCommand(data []byte) (*Command, error) {
	if len(data) < 2+16 || data[0] != cmdMagic {
		return nil, errCorrupt
	}
	if data[1] != cmdVersion {
		return nil, fmt.Errorf("sqlexec: unsupported command version %d", data[1])
	}
	c := &Command{}
	copy(c.RequestID[:], data[2:18])
	d := &decoder{b: data[18:]}
	c.Timestamp = d.varint()
	c.Seed = d.uvarint()
	c.Flags = uint32(d.uvarint())
	if dg := d.bytes(); len(dg) > 0 {
		c.Digest = append([]byte(nil), dg...)
	}
	n := d.uvarint()
	if d.err != nil {
		return nil, d.err
	}
	if n > uint64(len(d.b)) { // each statement takes >= 1 byte
		return nil, errCorrupt
	}
	c.Statements = make([]Statement, 0, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		var s Statement
		s.SQL = string(d.bytes())
		s.Tag = string(d.bytes())
		s.Digest = d.byte1() == 1
		na := d.uvarint()
		if d.err != nil {
			break
		}
		if na > uint64(len(d.b)) {
			return nil, errCorrupt
		}
		if na > 0 {
			s.Args = make([]any, na)
		}
		for j := uint64(0); j < na && d.err == nil; j++ {
			s.Args[j] = d.value()
		}
		c.Statements = append(c.Statements, s)
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		c.Database = string(d.bytes())
		c.User = string(d.bytes())
		if d.err != nil {
			return nil, d.err
		}
	}
	if len(d.b) != 0 {
		c.Sequences = string(d.bytes())
		if d.err != nil {
			return nil, d.err
		}
	}
	if len(d.b) != 0 {
		c.TimeZone = string(d.bytes())
		if d.err != nil {
			return nil, d.err
		}
	}
	if len(d.b) != 0 {
		return nil, errCorrupt
	}
	return c, nil
}
