package pgwire

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/raftsql/raftsql/pgwire/oid"
)

func encodeBinary(v any, typeOID uint32) ([]byte, error) {
	v = normalize(v)
	if v == nil {
		return nil, nil
	}
	if e := oid.ElemOf(typeOID); e != 0 {
		return encodeArrayBinary(v, e) // array.go
	}
	switch typeOID {
	case oid.Bool:
		b, err := toBool(v)
		if err != nil {
			return nil, err
		}
		if b {
			return []byte{1}, nil
		}
		return []byte{0}, nil
	case oid.Int2:
		n, err := toInt64In(v, math.MinInt16, math.MaxInt16, "smallint")
		if err != nil {
			return nil, err
		}
		return binary.BigEndian.AppendUint16(nil, uint16(n)), nil
	case oid.Int4:
		n, err := toInt64In(v, math.MinInt32, math.MaxInt32, "integer")
		if err != nil {
			return nil, err
		}
		return binary.BigEndian.AppendUint32(nil, uint32(n)), nil
	case oid.Int8:
		n, err := toInt64(v)
		if err != nil {
			return nil, err
		}
		return binary.BigEndian.AppendUint64(nil, uint64(n)), nil
	case oid.OID, oid.XID, oid.CID, oid.Regproc, oid.Regclass, oid.Regtype, oid.Regprocedure, oid.Regoper,
		oid.Regoperator, oid.Regnamespace, oid.Regrole:
		n, err := toInt64In(v, 0, math.MaxUint32, "OID")
		if err != nil {
			return nil, err
		}
		return binary.BigEndian.AppendUint32(nil, uint32(n)), nil
	case oid.Float4:
		f, err := toFloat64(v)
		if err != nil {
			return nil, err
		}
		return binary.BigEndian.AppendUint32(nil, math.Float32bits(float32(f))), nil
	case oid.Float8:
		f, err := toFloat64(v)
		if err != nil {
			return nil, err
		}
		return binary.BigEndian.AppendUint64(nil, math.Float64bits(f)), nil
	case oid.Numeric:
		var s string
		switch x := v.(type) {
		case int64:
			s = strconv.FormatInt(x, 10)
		case float64:
			s = formatNumericFloat(x)
		case string:
			s = x
		case []byte:
			s = string(x)
		case bool:
			s = "0"
			if x {
				s = "1"
			}
		default:
			return nil, fmt.Errorf("cannot encode %T as numeric", v)
		}
		return encodeNumeric(s)
	case oid.Bytea:
		switch x := v.(type) {
		case []byte:
			return x, nil
		case string:
			return byteaFromString(x), nil
		}
		return []byte(textOf(v, time.UTC)), nil
	case oid.Date:
		t, special, err := toTime(v, oid.Date, time.UTC)
		if err != nil {
			return nil, err
		}
		switch special {
		case "infinity":
			return binary.BigEndian.AppendUint32(nil, math.MaxInt32), nil
		case "-infinity":
			return binary.BigEndian.AppendUint32(nil, uint32(0x80000000)), nil
		}
		y, m, d := t.Date()
		secs := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() - pgEpochUnix
		days := secs / 86400
		if days > math.MaxInt32-1 || days < math.MinInt32+1 {
			return nil, newErr(codeDatetimeFieldOverflow, "date out of range")
		}
		return binary.BigEndian.AppendUint32(nil, uint32(int32(days))), nil
	case oid.Time:
		us, err := toMicros(v)
		if err != nil {
			return nil, err
		}
		return binary.BigEndian.AppendUint64(nil, uint64(us)), nil
	case oid.Timestamp, oid.Timestamptz:
		t, special, err := toTime(v, typeOID, time.UTC)
		if err != nil {
			return nil, err
		}
		switch special {
		case "infinity":
			return binary.BigEndian.AppendUint64(nil, uint64(infinityMicros)), nil
		case "-infinity":
			return binary.BigEndian.AppendUint64(nil, 1<<63), nil
		}
		var us int64
		if typeOID == oid.Timestamp {
			// Wall clock of the value, as if it were UTC.
			y, mo, d := t.Date()
			h, mi, s := t.Clock()
			t = time.Date(y, mo, d, h, mi, s, t.Nanosecond(), time.UTC)
		}
		secs := t.Unix() - pgEpochUnix
		if secs > math.MaxInt64/1_000_000-1 || secs < math.MinInt64/1_000_000+1 {
			return nil, newErr(codeDatetimeFieldOverflow, "timestamp out of range")
		}
		us = secs*1e6 + int64(t.Nanosecond()/1000)
		return binary.BigEndian.AppendUint64(nil, uint64(us)), nil
	case oid.Interval:
		var months, days int32
		var us int64
		var err error
		switch x := v.(type) {
		case string:
			months, days, us, err = parseInterval(x)
		case []byte:
			months, days, us, err = parseInterval(string(x))
		default:
			us, err = toMicros(v)
		}
		if err != nil {
			return nil, err
		}
		out := binary.BigEndian.AppendUint64(nil, uint64(us))
		out = binary.BigEndian.AppendUint32(out, uint32(days))
		return binary.BigEndian.AppendUint32(out, uint32(months)), nil
	case oid.UUID:
		switch x := v.(type) {
		case []byte:
			if len(x) == 16 {
				return x, nil
			}
			return parseUUID(string(x))
		case string:
			u, err := parseUUID(x)
			if err != nil {
				return nil, newErr(codeInvalidTextRep, "invalid input syntax for type uuid: %q", x)
			}
			return u, nil
		}
		return nil, fmt.Errorf("cannot encode %T as uuid", v)
	case oid.JSONB:
		return append([]byte{1}, textOf(v, time.UTC)...), nil
	case oid.Inet, oid.Cidr:
		return encodeNetBinary(textOf(v, time.UTC), typeOID) // netaddr.go
	case oid.Macaddr, oid.Macaddr8:
		return encodeMacBinary(textOf(v, time.UTC), typeOID)
	case oid.Bit, oid.Varbit:
		return encodeBitsBinary(textOf(v, time.UTC), typeOID) // bits.go
	case oid.Int4Range, oid.Int8Range, oid.NumRange, oid.DateRange, oid.TsRange, oid.TstzRange:
		return encodeRangeBinary(textOf(v, time.UTC), typeOID) // range.go
	case oid.Char:
		s := textOf(v, time.UTC)
		if len(s) > 0 {
			return []byte{s[0]}, nil
		}
		return []byte{}, nil
	}
	// text, varchar, bpchar, name, json, unknown and anything else: the
	// binary form is the text form.
	return encodeText(v, typeOID, time.UTC)
}

// toInt64In converts v to an integer for a column whose binary form holds
// lo to hi; typ names the type in the out-of-range error.
func toInt64In(v any, lo, hi int64, typ string) (int64, error) {
	n, err := toInt64(v)
	if err != nil {
		return 0, err
	}
	if n < lo || n > hi {
		return 0, newErr(codeNumericOutOfRange, "%s out of range", typ)
	}
	return n, nil
}

// decodeBinary decodes a binary-format parameter (or COPY field).
func decodeBinary(b []byte, typeOID uint32) (any, error) {
	need := func(n int) error {
		if len(b) < n {
			return newErr(codeProtocolViolation, "insufficient data left in message")
		}
		if len(b) > n {
			return newErr(codeInvalidBinaryRep, "incorrect binary data format")
		}
		return nil
	}
	if e := oid.ElemOf(typeOID); e != 0 {
		return decodeArrayBinary(b, e) // array.go
	}
	switch typeOID {
	case oid.Bool:
		if err := need(1); err != nil {
			return nil, err
		}
		return b[0] != 0, nil
	case oid.Int2:
		if err := need(2); err != nil {
			return nil, err
		}
		return int64(int16(binary.BigEndian.Uint16(b))), nil
	case oid.Int4:
		if err := need(4); err != nil {
			return nil, err
		}
		return int64(int32(binary.BigEndian.Uint32(b))), nil
	case oid.Int8:
		if err := need(8); err != nil {
			return nil, err
		}
		return int64(binary.BigEndian.Uint64(b)), nil
	case oid.OID, oid.XID, oid.CID, oid.Regproc, oid.Regclass, oid.Regtype, oid.Regprocedure, oid.Regoper,
		oid.Regoperator, oid.Regnamespace, oid.Regrole:
		if err := need(4); err != nil {
			return nil, err
		}
		return int64(binary.BigEndian.Uint32(b)), nil
	case oid.Float4:
		if err := need(4); err != nil {
			return nil, err
		}
		return float64(math.Float32frombits(binary.BigEndian.Uint32(b))), nil
	case oid.Float8:
		if err := need(8); err != nil {
			return nil, err
		}
		return math.Float64frombits(binary.BigEndian.Uint64(b)), nil
	case oid.Numeric:
		s, err := decodeNumeric(b)
		if err != nil {
			return nil, newErr(codeInvalidBinaryRep, "invalid numeric: %v", err)
		}
		return s, nil
	case oid.Date:
		if err := need(4); err != nil {
			return nil, err
		}
		d := int32(binary.BigEndian.Uint32(b))
		switch d {
		case math.MaxInt32:
			return "infinity", nil
		case math.MinInt32:
			return "-infinity", nil
		}
		return pgEpoch.AddDate(0, 0, int(d)), nil
	case oid.Time:
		if err := need(8); err != nil {
			return nil, err
		}
		us := int64(binary.BigEndian.Uint64(b))
		if us < 0 || us > 24*3600e6 {
			return nil, newErr(codeInvalidBinaryRep, "time out of range")
		}
		return formatTimeOfDay(us), nil
	case oid.Timestamp, oid.Timestamptz:
		if err := need(8); err != nil {
			return nil, err
		}
		us := int64(binary.BigEndian.Uint64(b))
		switch us {
		case infinityMicros:
			return "infinity", nil
		case negInfinityMicro:
			return "-infinity", nil
		}
		// PostgreSQL's range: 4714-11-24 BC to 294276 AD (MIN_TIMESTAMP,
		// END_TIMESTAMP); beyond it no text form reads back (found by
		// FuzzDecodeBinaryParam).
		if us < -211813488000000000 || us >= 9223371331200000000 {
			return nil, newErr(codeDatetimeFieldOverflow, "timestamp out of range")
		}
		sec := us / 1e6
		rem := us % 1e6
		if rem < 0 {
			sec--
			rem += 1e6
		}
		return time.Unix(sec+pgEpochUnix, rem*1000).UTC(), nil
	case oid.Interval:
		if err := need(16); err != nil {
			return nil, err
		}
		us := int64(binary.BigEndian.Uint64(b))
		if us == math.MinInt64 {
			// Its magnitude has no int64: no text form would read back
			// (found by FuzzDecodeBinaryParam).
			return nil, newErr(codeDatetimeFieldOverflow, "interval out of range")
		}
		days := int32(binary.BigEndian.Uint32(b[8:]))
		months := int32(binary.BigEndian.Uint32(b[12:]))
		return formatInterval(months, days, us), nil
	case oid.UUID:
		if err := need(16); err != nil {
			return nil, err
		}
		return formatUUID(b), nil
	case oid.Bytea:
		return append([]byte(nil), b...), nil
	case oid.Inet, oid.Cidr:
		return decodeNetBinary(b, typeOID) // netaddr.go
	case oid.Macaddr, oid.Macaddr8:
		return decodeMacBinary(b, typeOID)
	case oid.Bit, oid.Varbit:
		return decodeBitsBinary(b) // bits.go
	case oid.Int4Range, oid.Int8Range, oid.NumRange, oid.DateRange, oid.TsRange, oid.TstzRange:
		return decodeRangeBinary(b, typeOID) // range.go
	case oid.JSONB:
		if len(b) < 1 || b[0] != 1 {
			return nil, newErr(codeInvalidBinaryRep, "unsupported jsonb version number")
		}
		if !utf8.Valid(b[1:]) {
			return nil, newErr("22021", "invalid byte sequence for encoding \"UTF8\"")
		}
		return string(b[1:]), nil
	case oid.Char:
		if err := need(1); err != nil {
			return nil, err
		}
		if b[0] >= 0x80 {
			return nil, newErr(codeInvalidBinaryRep, "invalid \"char\" value")
		}
		return string(b), nil
	case oid.Text, oid.Varchar, oid.Bpchar, oid.Name, oid.JSON, oid.Unknown, oid.XML:
		if !utf8.Valid(b) {
			return nil, newErr("22021", "invalid byte sequence for encoding \"UTF8\"")
		}
		return string(b), nil
	}
	// Unknown type in binary: hand the bytes over.
	return append([]byte(nil), b...), nil
}
