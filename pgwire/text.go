package pgwire

import (
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/raftsql/raftsql/pgwire/oid"
)

func encodeText(v any, typeOID uint32, loc *time.Location) ([]byte, error) {
	v = normalize(v)
	if v == nil {
		return nil, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	if b, ok := encodeArrayText(v, oid.ElemOf(typeOID)); ok { // array.go
		return b, nil
	}
	switch typeOID {
	case oid.Bool:
		b, err := toBool(v)
		if err != nil {
			return nil, err
		}
		if b {
			return []byte{'t'}, nil
		}
		return []byte{'f'}, nil
	case oid.Int2, oid.Int4, oid.Int8, oid.OID, oid.XID, oid.CID:
		switch x := v.(type) {
		case int64:
			return strconv.AppendInt(nil, x, 10), nil
		case float64:
			if x == math.Trunc(x) && math.Abs(x) < 1<<63 {
				return strconv.AppendInt(nil, int64(x), 10), nil
			}
			return []byte(FormatFloat(x, 64)), nil
		case bool:
			if x {
				return []byte{'1'}, nil
			}
			return []byte{'0'}, nil
		}
	case oid.Float4, oid.Float8:
		bits := 64
		if typeOID == oid.Float4 {
			bits = 32
		}
		switch x := v.(type) {
		case float64:
			return []byte(FormatFloat(x, bits)), nil
		case int64:
			return strconv.AppendInt(nil, x, 10), nil
		}
	case oid.Numeric:
		switch x := v.(type) {
		case int64:
			return strconv.AppendInt(nil, x, 10), nil
		case float64:
			return []byte(formatNumericFloat(x)), nil
		case bool:
			if x {
				return []byte{'1'}, nil
			}
			return []byte{'0'}, nil
		}
	case oid.Bytea:
		var b []byte
		switch x := v.(type) {
		case []byte:
			b = x
		case string:
			b = byteaFromString(x)
		default:
			b = []byte(textOf(v, loc))
		}
		out := make([]byte, 2+2*len(b))
		out[0], out[1] = '\\', 'x'
		hex.Encode(out[2:], b)
		return out, nil
	case oid.Date:
		t, verbatim, err := timeOrVerbatim(v, oid.Date, loc)
		if err != nil || verbatim != nil {
			return verbatim, err
		}
		return []byte(formatDate(t)), nil
	case oid.Time:
		switch x := v.(type) {
		case time.Time:
			return []byte(x.Format("15:04:05.999999")), nil
		case int64, float64:
			us, err := toMicros(v)
			if err != nil {
				return nil, err
			}
			return []byte(formatTimeOfDay(us)), nil
		}
	case oid.TstzRange:
		return encodeRangeText(textOf(v, time.UTC), typeOID, loc) // range.go
	case oid.Timestamp, oid.Timestamptz:
		// Zone-less strings are UTC (the engine's canonical form); the
		// value is printed in the session time zone.
		t, verbatim, err := timeOrVerbatim(v, typeOID, time.UTC)
		if err != nil || verbatim != nil {
			return verbatim, err
		}
		if typeOID == oid.Timestamp {
			return []byte(formatTimestamp(t)), nil
		}
		return []byte(formatTimestamptz(t.In(loc))), nil
	case oid.Interval:
		switch v.(type) {
		case int64, float64:
			us, err := toMicros(v)
			if err != nil {
				return nil, err
			}
			return []byte(formatInterval(0, 0, us)), nil
		}
	case oid.UUID:
		switch x := v.(type) {
		case []byte:
			if len(x) == 16 {
				return []byte(formatUUID(x)), nil
			}
		case string:
			if u, err := parseUUID(x); err == nil {
				return []byte(formatUUID(u)), nil
			}
			return []byte(x), nil
		}
	}
	return []byte(textOf(v, loc)), nil
}

// timeOrVerbatim reads v as a date or timestamp for its text form. A string
// that is not a valid time is sent as it is, and a special value as its
// name (infinity): then verbatim holds the text to send instead of t.
func timeOrVerbatim(v any, typeOID uint32, loc *time.Location) (t time.Time, verbatim []byte, err error) {
	t, special, err := toTime(v, typeOID, loc)
	if err != nil {
		if s, ok := v.(string); ok {
			return time.Time{}, []byte(s), nil
		}
		return time.Time{}, nil, err
	}
	if special != "" {
		return time.Time{}, []byte(special), nil
	}
	return t, nil, nil
}

// textOf is the generic text form of a value.
func textOf(v any, loc *time.Location) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return FormatFloat(x, 64)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case time.Time:
		if loc == nil {
			loc = time.UTC
		}
		return formatTimestamptz(x.In(loc))
	default:
		return fmt.Sprint(v)
	}
}

// FormatFloat is the text form of a float4 (bits 32) or float8 (bits 64)
// value as PostgreSQL 15's float4out/float8out print it with the default
// extra_float_digits: the shortest representation that reads back exactly,
// in exponent form when the decimal exponent is outside [-4, 15) for
// float8 or [-4, 6) for float4, and NaN, Infinity, -Infinity and -0
// spelled as PostgreSQL spells them. It is the one float formatter of
// raftsql: the wire server encodes float columns with it, and the SQL
// engine uses it wherever it must print a float as PostgreSQL would
// (casts to text, string concatenation), so both agree byte for byte.
func FormatFloat(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	e, limit := float8Exp(f), 15 // float_shortest.go
	if bits == 32 {
		e, limit = float4Exp(f), 6
	}
	i := strings.LastIndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[i+1:])
	if exp < -4 || exp >= limit {
		return e
	}
	return strconv.FormatFloat(f, 'f', max(0, digitsOf(e)-1-exp), bits)
}

func formatUUID(u []byte) string {
	var buf [36]byte
	hex.Encode(buf[0:8], u[0:4])
	buf[8] = '-'
	hex.Encode(buf[9:13], u[4:6])
	buf[13] = '-'
	hex.Encode(buf[14:18], u[6:8])
	buf[18] = '-'
	hex.Encode(buf[19:23], u[8:10])
	buf[23] = '-'
	hex.Encode(buf[24:], u[10:16])
	return string(buf[:])
}

func parseUUID(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		s = s[1 : len(s)-1]
	}
	h := strings.ReplaceAll(s, "-", "")
	if len(h) != 32 {
		return nil, fmt.Errorf("invalid uuid")
	}
	u, err := hex.DecodeString(h)
	if err != nil {
		return nil, fmt.Errorf("invalid uuid")
	}
	return u, nil
}

// --- value conversions -------------------------------------------------

func parseBool(s string) (bool, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "t", "true", "y", "yes", "on", "1":
		return true, nil
	case "f", "false", "n", "no", "off", "0":
		return false, nil
	}
	if len(t) >= 2 {
		for _, w := range []string{"true", "yes"} {
			if strings.HasPrefix(w, t) {
				return true, nil
			}
		}
		for _, w := range []string{"false", "no", "off"} {
			if strings.HasPrefix(w, t) && t != "o" {
				return false, nil
			}
		}
	}
	return false, newErr(codeInvalidTextRep, "invalid input syntax for type boolean: %q", s)
}

func parseIntText(s string, typeOID uint32) (int64, error) {
	t := strings.TrimSpace(s)
	n, err := strconv.ParseInt(t, 10, 64)
	typ := "bigint"
	switch typeOID {
	case oid.Int2:
		typ = "smallint"
	case oid.Int4:
		typ = "integer"
	case oid.OID:
		typ = "oid"
	}
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, newErr(codeNumericOutOfRange, "value %q is out of range for type %s", s, typ)
		}
		return 0, newErr(codeInvalidTextRep, "invalid input syntax for type %s: %q", typ, s)
	}
	switch typeOID {
	case oid.Int2:
		if n < math.MinInt16 || n > math.MaxInt16 {
			return 0, newErr(codeNumericOutOfRange, "value %q is out of range for type smallint", s)
		}
	case oid.Int4:
		if n < math.MinInt32 || n > math.MaxInt32 {
			return 0, newErr(codeNumericOutOfRange, "value %q is out of range for type integer", s)
		}
	case oid.OID:
		if n < math.MinInt32 || n > math.MaxUint32 {
			return 0, newErr(codeNumericOutOfRange, "value %q is out of range for type oid", s)
		}
		if n < 0 {
			n += 1 << 32
		}
	}
	return n, nil
}

// parseFloatText is float8in/float4in of a text-format value. A NaN
// (also "+nan", "-nan", which float8in reads) is returned as NaN, for the
// engine to refuse: SQLite has no float NaN. Text past the type's range,
// or so small that it becomes 0, is 22003 as in PostgreSQL (a real
// parameter of "1e39" is not Infinity).
func parseFloatText(s string, typeOID uint32) (float64, error) {
	typ := "double precision"
	if typeOID == oid.Float4 {
		typ = "real"
	}
	t := strings.TrimSpace(s)
	if l := strings.ToLower(t); l == "+nan" || l == "-nan" {
		return math.NaN(), nil
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, newErr(codeNumericOutOfRange, "\"%s\" is out of range for type %s", t, typ)
		}
		return 0, newErr(codeInvalidTextRep, "invalid input syntax for type %s: \"%s\"", typ, s)
	}
	if typeOID == oid.Float4 && !math.IsInf(f, 0) && !math.IsNaN(f) {
		if g := float32(f); math.IsInf(float64(g), 0) || g == 0 && f != 0 {
			return 0, newErr(codeNumericOutOfRange, "\"%s\" is out of range for type real", t)
		}
	}
	if f == 0 && strings.ContainsAny(strings.SplitN(strings.ToLower(t), "e", 2)[0], "123456789") {
		return 0, newErr(codeNumericOutOfRange, "\"%s\" is out of range for type %s", t, typ) // 1e-400
	}
	if typeOID == oid.Float4 {
		f = float64(float32(f))
	}
	return f, nil
}

func decodeByteaText(s string) ([]byte, error) {
	if strings.HasPrefix(s, `\x`) {
		h := s[2:]
		out := make([]byte, 0, len(h)/2)
		for i := 0; i < len(h); {
			if h[i] == ' ' || h[i] == '\t' || h[i] == '\n' || h[i] == '\r' {
				i++
				continue
			}
			if i+1 >= len(h) || !isHex(h[i]) || !isHex(h[i+1]) {
				return nil, newErr(codeInvalidTextRep, "invalid hexadecimal data")
			}
			out = append(out, byte(hexVal(h[i])<<4|hexVal(h[i+1])))
			i += 2
		}
		return out, nil
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			out = append(out, s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '\\' {
			out = append(out, '\\')
			i++
			continue
		}
		if i+3 < len(s) && s[i+1] >= '0' && s[i+1] <= '3' && s[i+2] >= '0' && s[i+2] <= '7' && s[i+3] >= '0' && s[i+3] <= '7' {
			out = append(out, (s[i+1]-'0')<<6|(s[i+2]-'0')<<3|(s[i+3]-'0'))
			i += 3
			continue
		}
		return nil, newErr(codeInvalidTextRep, "invalid input syntax for type bytea")
	}
	return out, nil
}

// decodeText decodes a text-format parameter (or COPY field) of type typeOID.
// Unknown OIDs (0 included) decode as string.
func decodeText(b []byte, typeOID uint32) (any, error) {
	if !utf8.Valid(b) {
		// the client encoding's check comes before any type's input
		// function, as in PostgreSQL (a number parameter of bytes that
		// are no UTF-8 is 22021, not 22P02)
		return nil, newErr("22021", "invalid byte sequence for encoding \"UTF8\"")
	}
	s := string(b)
	switch typeOID {
	case oid.Int2, oid.Int4, oid.Int8, oid.OID, oid.XID, oid.CID:
		return parseIntText(s, typeOID)
	case oid.Float4, oid.Float8:
		return parseFloatText(s, typeOID)
	case oid.Bool:
		return parseBool(s)
	case oid.Bytea:
		return decodeByteaText(s)
	case oid.Numeric:
		t := strings.TrimSpace(s)
		if _, err := encodeNumeric(t); err != nil {
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type numeric: %q", s)
		}
		return t, nil
	case oid.Date, oid.Timestamp, oid.Timestamptz:
		// the engine reads them by the type's input function, in the
		// session's TimeZone (all of PostgreSQL's input forms, its
		// SQLSTATEs): a timestamptz without an offset is local time
		// there, and the layouts this package prints are not all the
		// forms clients send ('2024-01-01 10:00+03' into a timestamp)
		return s, nil
	case oid.UUID:
		u, err := parseUUID(s)
		if err != nil {
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type uuid: %q", s)
		}
		return formatUUID(u), nil
	}
	return s, nil
}
