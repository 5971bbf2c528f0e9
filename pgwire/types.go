package pgwire

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/raftsql/raftsql/pgwire/oid"
)

// pgEpoch is 2000-01-01 00:00:00 UTC, the origin of binary dates and times.
var pgEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	pgEpochUnix      = 946684800 // pgEpoch in unix seconds
	infinityMicros   = math.MaxInt64
	negInfinityMicro = math.MinInt64
)

// normalize maps the Go types a session may hand out to the canonical set
// (nil, int64, float64, bool, string, []byte, time.Time).
func normalize(v any) any {
	switch x := v.(type) {
	case nil, int64, float64, bool, string, []byte, time.Time:
		return v
	case int:
		return int64(x)
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	case uint:
		if uint64(x) <= math.MaxInt64 {
			return int64(x)
		}
		return strconv.FormatUint(uint64(x), 10)
	case uint64:
		if x <= math.MaxInt64 {
			return int64(x)
		}
		return strconv.FormatUint(x, 10)
	case float32:
		return float64(x)
	case *time.Time:
		if x == nil {
			return nil
		}
		return *x
	case fmt.Stringer:
		return x.String()
	case error:
		return x.Error()
	default:
		return fmt.Sprint(v)
	}
}

func encodeValue(v any, typeOID uint32, format int16, loc *time.Location) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	if format == 1 {
		return encodeBinary(v, typeOID)
	}
	return encodeText(v, typeOID, loc)
}

// --- text output -------------------------------------------------------

func encodeText(v any, typeOID uint32, loc *time.Location) ([]byte, error) {
	v = normalize(v)
	if v == nil {
		return nil, nil
	}
	if loc == nil {
		loc = time.UTC
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
			return []byte(formatFloat(x, 64)), nil
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
			return []byte(formatFloat(x, bits)), nil
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
		t, special, err := toTime(v, oid.Date, loc)
		if err != nil {
			if s, ok := v.(string); ok {
				return []byte(s), nil
			}
			return nil, err
		}
		if special != "" {
			return []byte(special), nil
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
	case oid.Timestamp, oid.Timestamptz:
		// Zone-less strings are UTC (the engine's canonical form); the
		// value is printed in the session time zone.
		t, special, err := toTime(v, typeOID, time.UTC)
		if err != nil {
			if s, ok := v.(string); ok {
				return []byte(s), nil
			}
			return nil, err
		}
		if special != "" {
			return []byte(special), nil
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
		return formatFloat(x, 64)
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

// formatFloat prints like PostgreSQL's float4out/float8out (shortest
// exact representation, exponent outside [-4, 15) resp. [-4, 6)).
func formatFloat(f float64, bits int) string {
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
	e := strconv.FormatFloat(f, 'e', -1, bits)
	i := strings.LastIndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[i+1:])
	limit := 15
	if bits == 32 {
		limit = 6
	}
	if exp < -4 || exp >= limit {
		return e
	}
	return strconv.FormatFloat(f, 'f', -1, bits)
}

func formatNumericFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func formatDate(t time.Time) string {
	y := t.Year()
	if y <= 0 {
		return fmt.Sprintf("%04d-%02d-%02d BC", 1-y, int(t.Month()), t.Day())
	}
	return t.Format("2006-01-02")
}

func formatTimestamp(t time.Time) string {
	y := t.Year()
	if y <= 0 {
		return fmt.Sprintf("%04d", 1-y) + t.Format("-01-02 15:04:05.999999") + " BC"
	}
	return t.Format("2006-01-02 15:04:05.999999")
}

func formatTimestamptz(t time.Time) string {
	_, off := t.Zone()
	s := formatTimestamp(t)
	bc := strings.HasSuffix(s, " BC")
	s = strings.TrimSuffix(s, " BC")
	sign := byte('+')
	if off < 0 {
		sign = '-'
		off = -off
	}
	s += string(sign) + fmt.Sprintf("%02d", off/3600)
	if m := (off % 3600) / 60; m != 0 || off%60 != 0 {
		s += fmt.Sprintf(":%02d", m)
		if sec := off % 60; sec != 0 {
			s += fmt.Sprintf(":%02d", sec)
		}
	}
	if bc {
		s += " BC"
	}
	return s
}

func formatTimeOfDay(us int64) string {
	neg := us < 0
	if neg {
		us = -us
	}
	h := us / 3600e6
	us -= h * 3600e6
	m := us / 60e6
	us -= m * 60e6
	s := us / 1e6
	us -= s * 1e6
	out := fmt.Sprintf("%02d:%02d:%02d", h, m, s)
	if us != 0 {
		out += strings.TrimRight(fmt.Sprintf(".%06d", us), "0")
	}
	if neg {
		out = "-" + out
	}
	return out
}

// formatInterval prints an interval in IntervalStyle postgres.
func formatInterval(months, days int32, us int64) string {
	var parts []string
	plural := func(n int64, unit string) string {
		if n == 1 || n == -1 {
			return fmt.Sprintf("%d %s", n, unit)
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	if y := months / 12; y != 0 {
		parts = append(parts, plural(int64(y), "year"))
	}
	if m := months % 12; m != 0 {
		parts = append(parts, plural(int64(m), "mon"))
	}
	if days != 0 {
		parts = append(parts, plural(int64(days), "day"))
	}
	if us != 0 || len(parts) == 0 {
		t := formatTimeOfDay(us)
		if us > 0 && (months < 0 || days < 0) {
			t = "+" + t
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
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

func toBool(v any) (bool, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case int64:
		return x != 0, nil
	case float64:
		return x != 0, nil
	case string:
		return parseBool(x)
	case []byte:
		return parseBool(string(x))
	}
	return false, fmt.Errorf("cannot encode %T as boolean", v)
}

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

func toInt64(v any) (int64, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= 1<<63 {
			return 0, newErr(codeNumericOutOfRange, "value out of range for integer: %v", x)
		}
		return int64(math.Round(x)), nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case string:
		return parseIntText(x, oid.Int8)
	case []byte:
		return parseIntText(string(x), oid.Int8)
	}
	return 0, fmt.Errorf("cannot encode %T as integer", v)
}

func toFloat64(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case int64:
		return float64(x), nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case string:
		return parseFloatText(x, oid.Float8)
	case []byte:
		return parseFloatText(string(x), oid.Float8)
	}
	return 0, fmt.Errorf("cannot encode %T as float", v)
}

// unixToTime interprets an integer timestamp: seconds, milliseconds,
// microseconds or nanoseconds since the Unix epoch, by magnitude.
func unixToTime(n int64) time.Time {
	a := n
	if a < 0 {
		a = -a
	}
	switch {
	case a < 1e11:
		return time.Unix(n, 0).UTC()
	case a < 1e14:
		return time.UnixMilli(n).UTC()
	case a < 1e17:
		return time.UnixMicro(n).UTC()
	default:
		return time.Unix(0, n).UTC()
	}
}

// toTime converts a value for a date/timestamp column; special is
// "infinity"/"-infinity" for those values.
func toTime(v any, typeOID uint32, loc *time.Location) (t time.Time, special string, err error) {
	switch x := v.(type) {
	case time.Time:
		return x, "", nil
	case int64:
		return unixToTime(x), "", nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return time.Time{}, "", fmt.Errorf("invalid timestamp %v", x)
		}
		sec, frac := math.Modf(x)
		return time.Unix(int64(sec), int64(frac*1e9)).UTC().Round(time.Microsecond), "", nil
	case string:
		return parseTimeText(x, typeOID, loc)
	case []byte:
		return parseTimeText(string(x), typeOID, loc)
	}
	return time.Time{}, "", fmt.Errorf("cannot encode %T as a date/time", v)
}

var timeLayouts = []string{
	"2006-01-02 15:04:05Z07:00:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z07",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05Z07",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
}

// parseTimeText parses the date/time forms SQLite and PostgreSQL print.
// Values without a zone are taken in loc for timestamptz, UTC otherwise.
func parseTimeText(s string, typeOID uint32, loc *time.Location) (time.Time, string, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "infinity", "+infinity":
		return time.Time{}, "infinity", nil
	case "-infinity":
		return time.Time{}, "-infinity", nil
	case "epoch":
		return time.Unix(0, 0).UTC(), "", nil
	}
	bc := false
	if strings.HasSuffix(s, " BC") {
		bc = true
		s = strings.TrimSuffix(s, " BC")
	}
	zoneLoc := time.UTC
	if typeOID == oid.Timestamptz && loc != nil {
		zoneLoc = loc
	}
	for _, layout := range timeLayouts {
		t, err := time.ParseInLocation(layout, s, zoneLoc)
		if err == nil {
			if bc {
				t = t.AddDate(1-2*t.Year(), 0, 0)
			}
			if typeOID == oid.Timestamp {
				// timestamp without time zone keeps the wall clock.
				y, mo, d := t.Date()
				h, mi, sec := t.Clock()
				t = time.Date(y, mo, d, h, mi, sec, t.Nanosecond(), time.UTC)
			}
			return t, "", nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) > 8 {
		return unixToTime(n), "", nil
	}
	typ := "timestamp"
	switch typeOID {
	case oid.Date:
		typ = "date"
	case oid.Timestamptz:
		typ = "timestamp with time zone"
	}
	return time.Time{}, "", newErr(codeInvalidTextRep, "invalid input syntax for type %s: %q", typ, s)
}

// toMicros converts a time-of-day or interval value to microseconds.
// Numbers are seconds.
func toMicros(v any) (int64, error) {
	switch x := v.(type) {
	case int64:
		if x > math.MaxInt64/1_000_000 || x < math.MinInt64/1_000_000 {
			return 0, newErr(codeNumericOutOfRange, "interval out of range")
		}
		return x * 1e6, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > math.MaxInt64/1e6 {
			return 0, newErr(codeNumericOutOfRange, "interval out of range")
		}
		return int64(math.Round(x * 1e6)), nil
	case time.Time:
		h, m, s := x.Clock()
		return int64(h)*3600e6 + int64(m)*60e6 + int64(s)*1e6 + int64(x.Nanosecond()/1000), nil
	case string:
		return parseTimeOfDay(x)
	case []byte:
		return parseTimeOfDay(string(x))
	}
	return 0, fmt.Errorf("cannot encode %T as time", v)
}

// parseTimeOfDay parses [-]HH:MM[:SS[.ffffff]].
func parseTimeOfDay(s string) (int64, error) {
	s = strings.TrimSpace(s)
	orig := s
	neg := false
	if strings.HasPrefix(s, "-") {
		neg = true
		s = s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	if i := strings.IndexAny(s, "T "); i >= 0 && strings.Contains(s[:i], "-") {
		s = s[i+1:] // a timestamp: keep the time part
	}
	if i := strings.IndexAny(s, "+-Zz"); i > 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, newErr(codeInvalidTextRep, "invalid input syntax for type time: %q", orig)
	}
	h, err1 := strconv.ParseInt(parts[0], 10, 64)
	m, err2 := strconv.ParseInt(parts[1], 10, 64)
	if err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 || h > 2562047788 {
		return 0, newErr(codeInvalidTextRep, "invalid input syntax for type time: %q", orig)
	}
	var us int64
	if len(parts) == 3 {
		f, err := strconv.ParseFloat(parts[2], 64)
		if err != nil || f < 0 || f >= 61 {
			return 0, newErr(codeInvalidTextRep, "invalid input syntax for type time: %q", orig)
		}
		us = int64(math.Round(f * 1e6))
	}
	total := h*3600e6 + m*60e6 + us
	if neg {
		total = -total
	}
	return total, nil
}

// parseInterval parses IntervalStyle postgres output and the common
// input forms ("1 day 02:00:00", "3 hours", "-1 mons", "@ 1 day ago" is
// not supported). It returns months, days, microseconds.
func parseInterval(s string) (months, days int32, us int64, err error) {
	orig := s
	bad := func() (int32, int32, int64, error) {
		return 0, 0, 0, newErr(codeInvalidTextRep, "invalid input syntax for type interval: %q", orig)
	}
	f := strings.Fields(strings.TrimSpace(s))
	if len(f) == 0 {
		return bad()
	}
	var m, d int64
	for i := 0; i < len(f); i++ {
		tok := f[i]
		if strings.Contains(tok, ":") {
			t, err := parseTimeOfDay(tok)
			if err != nil {
				return bad()
			}
			us += t
			continue
		}
		n, err := strconv.ParseFloat(tok, 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) > 1e12 {
			return bad()
		}
		unit := "second"
		if i+1 < len(f) {
			unit = strings.ToLower(f[i+1])
			i++
		}
		unit = strings.TrimSuffix(unit, ",")
		switch {
		case strings.HasPrefix(unit, "mil") && strings.Contains(unit, "enn"):
			m += int64(n * 12000)
		case strings.HasPrefix(unit, "cent"):
			m += int64(n * 1200)
		case strings.HasPrefix(unit, "dec"):
			m += int64(n * 120)
		case strings.HasPrefix(unit, "y"):
			m += int64(n * 12)
		case strings.HasPrefix(unit, "mon"):
			m += int64(n)
		case strings.HasPrefix(unit, "w"):
			d += int64(n * 7)
		case strings.HasPrefix(unit, "d"):
			d += int64(n)
		case strings.HasPrefix(unit, "h"):
			us += int64(n * 3600e6)
		case strings.HasPrefix(unit, "mil") || unit == "ms" || unit == "msec" || unit == "msecs":
			us += int64(n * 1e3)
		case strings.HasPrefix(unit, "mic") || unit == "us" || unit == "usec" || unit == "usecs":
			us += int64(n)
		case strings.HasPrefix(unit, "min") || unit == "m":
			us += int64(n * 60e6)
		case strings.HasPrefix(unit, "s"):
			us += int64(n * 1e6)
		default:
			return bad()
		}
	}
	if m > math.MaxInt32 || m < math.MinInt32 || d > math.MaxInt32 || d < math.MinInt32 {
		return bad()
	}
	return int32(m), int32(d), us, nil
}

// --- binary output -----------------------------------------------------

func encodeBinary(v any, typeOID uint32) ([]byte, error) {
	v = normalize(v)
	if v == nil {
		return nil, nil
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
		n, err := toInt64(v)
		if err != nil {
			return nil, err
		}
		if n < math.MinInt16 || n > math.MaxInt16 {
			return nil, newErr(codeNumericOutOfRange, "smallint out of range")
		}
		return binary.BigEndian.AppendUint16(nil, uint16(n)), nil
	case oid.Int4:
		n, err := toInt64(v)
		if err != nil {
			return nil, err
		}
		if n < math.MinInt32 || n > math.MaxInt32 {
			return nil, newErr(codeNumericOutOfRange, "integer out of range")
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
		n, err := toInt64(v)
		if err != nil {
			return nil, err
		}
		if n < 0 || n > math.MaxUint32 {
			return nil, newErr(codeNumericOutOfRange, "OID out of range")
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

// encodeNumeric encodes a decimal string in PostgreSQL's binary numeric
// format.
func encodeNumeric(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	hdr := func(ndigits, weight int16, sign uint16, dscale int16) []byte {
		b := binary.BigEndian.AppendUint16(nil, uint16(ndigits))
		b = binary.BigEndian.AppendUint16(b, uint16(weight))
		b = binary.BigEndian.AppendUint16(b, sign)
		return binary.BigEndian.AppendUint16(b, uint16(dscale))
	}
	switch strings.ToLower(s) {
	case "nan":
		return hdr(0, 0, 0xC000, 0), nil
	case "infinity", "+infinity", "inf":
		return hdr(0, 0, 0xD000, 0), nil
	case "-infinity", "-inf":
		return hdr(0, 0, 0xF000, 0), nil
	}
	if strings.ContainsAny(s, "eE") {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type numeric: %q", s)
		}
		// Enough fraction digits for an exact rendering of a decimal
		// exponent form.
		scale := 0
		if i := strings.IndexAny(s, "eE"); i >= 0 {
			mant := s[:i]
			exp, _ := strconv.Atoi(s[i+1:])
			if j := strings.IndexByte(mant, '.'); j >= 0 {
				scale = len(mant) - j - 1
			}
			scale -= exp
			if scale < 0 {
				scale = 0
			}
			if scale > 1000 {
				scale = 1000
			}
		}
		s = r.FloatString(scale)
	}
	sign := uint16(0)
	if strings.HasPrefix(s, "-") {
		sign = 0x4000
		s = s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	if intPart == "" && frac == "" {
		return nil, newErr(codeInvalidTextRep, "invalid input syntax for type numeric: %q", s)
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type numeric: %q", s)
		}
	}
	if len(intPart) > 131072 || len(frac) > 16383 {
		return nil, newErr(codeNumericOutOfRange, "value overflows numeric format")
	}
	dscale := len(frac)
	intPart = strings.TrimLeft(intPart, "0")
	if pad := (4 - len(intPart)%4) % 4; pad > 0 {
		intPart = strings.Repeat("0", pad) + intPart
	}
	if pad := (4 - len(frac)%4) % 4; pad > 0 {
		frac += strings.Repeat("0", pad)
	}
	all := intPart + frac
	digits := make([]int16, 0, len(all)/4)
	for i := 0; i < len(all); i += 4 {
		n, _ := strconv.Atoi(all[i : i+4])
		digits = append(digits, int16(n))
	}
	weight := len(intPart)/4 - 1
	for len(digits) > 0 && digits[0] == 0 {
		digits = digits[1:]
		weight--
	}
	for len(digits) > 0 && digits[len(digits)-1] == 0 {
		digits = digits[:len(digits)-1]
	}
	if len(digits) == 0 {
		weight = 0
		sign = 0
	}
	b := hdr(int16(len(digits)), int16(weight), sign, int16(dscale))
	for _, d := range digits {
		b = binary.BigEndian.AppendUint16(b, uint16(d))
	}
	return b, nil
}

// decodeNumeric decodes PostgreSQL's binary numeric into a decimal string.
func decodeNumeric(b []byte) (string, error) {
	if len(b) < 8 {
		return "", fmt.Errorf("numeric too short")
	}
	ndigits := int(int16(binary.BigEndian.Uint16(b)))
	weight := int(int16(binary.BigEndian.Uint16(b[2:])))
	sign := binary.BigEndian.Uint16(b[4:])
	dscale := int(int16(binary.BigEndian.Uint16(b[6:])))
	if ndigits < 0 || dscale < 0 || len(b) != 8+2*ndigits {
		return "", fmt.Errorf("invalid numeric")
	}
	switch sign {
	case 0xC000:
		return "NaN", nil
	case 0xD000:
		return "Infinity", nil
	case 0xF000:
		return "-Infinity", nil
	case 0, 0x4000:
	default:
		return "", fmt.Errorf("invalid numeric sign")
	}
	digits := make([]int, ndigits)
	for i := range digits {
		d := int(int16(binary.BigEndian.Uint16(b[8+2*i:])))
		if d < 0 || d > 9999 {
			return "", fmt.Errorf("invalid numeric digit")
		}
		digits[i] = d
	}
	digit := func(power int) int { // value of the base-10000 digit at power
		i := weight - power
		if i < 0 || i >= ndigits {
			return 0
		}
		return digits[i]
	}
	var sb strings.Builder
	if sign == 0x4000 {
		sb.WriteByte('-')
	}
	if weight > 32768 || weight < -32768 {
		return "", fmt.Errorf("invalid numeric weight")
	}
	var ib strings.Builder
	for p := weight; p >= 0; p-- {
		fmt.Fprintf(&ib, "%04d", digit(p))
	}
	ip := strings.TrimLeft(ib.String(), "0")
	if ip == "" {
		ip = "0"
	}
	sb.WriteString(ip)
	if dscale > 0 {
		if dscale > 16383 {
			return "", fmt.Errorf("invalid numeric scale")
		}
		var fb strings.Builder
		for p := -1; fb.Len() < dscale; p-- {
			fmt.Fprintf(&fb, "%04d", digit(p))
		}
		sb.WriteByte('.')
		sb.WriteString(fb.String()[:dscale])
	}
	s := sb.String()
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	return s, nil
}

// --- parameter / COPY input --------------------------------------------

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

func parseFloatText(s string, typeOID uint32) (float64, error) {
	t := strings.TrimSpace(s)
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, newErr(codeNumericOutOfRange, "%q is out of range for type double precision", s)
		}
		typ := "double precision"
		if typeOID == oid.Float4 {
			typ = "real"
		}
		return 0, newErr(codeInvalidTextRep, "invalid input syntax for type %s: %q", typ, s)
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
		t, special, err := parseTimeText(s, typeOID, time.UTC)
		if err != nil {
			return nil, err
		}
		if special != "" {
			return special, nil
		}
		if typeOID == oid.Date {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
		}
		return t.UTC(), nil
	case oid.UUID:
		u, err := parseUUID(s)
		if err != nil {
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type uuid: %q", s)
		}
		return formatUUID(u), nil
	}
	if !utf8.Valid(b) {
		return nil, newErr("22021", "invalid byte sequence for encoding \"UTF8\"")
	}
	return s, nil
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

// adjustForColumn applies the column's type modifier where PostgreSQL's
// output depends on it: numeric(p,s) prints s fraction digits.
func adjustForColumn(v any, col Column) any {
	if col.TypeOID != oid.Numeric || col.TypeModifier < 4 || v == nil {
		return v
	}
	scale := int((col.TypeModifier - 4) & 0xffff)
	if scale > 1000 {
		return v
	}
	var r *big.Rat
	switch x := normalize(v).(type) {
	case int64:
		r = new(big.Rat).SetInt64(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return v
		}
		r = new(big.Rat)
		if _, ok := r.SetString(strconv.FormatFloat(x, 'f', -1, 64)); !ok {
			return v
		}
	case string:
		t := strings.TrimSpace(x)
		if t == "" || len(t) > 200 || strings.ContainsAny(t, "eEnN") {
			return v
		}
		var ok bool
		if r, ok = new(big.Rat).SetString(t); !ok {
			return v
		}
	default:
		return v
	}
	return r.FloatString(scale)
}

// byteaFromString reads a string value of a bytea column the way
// PostgreSQL's byteain reads text: the hex form \x... or the escape form;
// a string that is neither is taken as its bytes.
func byteaFromString(s string) []byte {
	if b, err := decodeByteaText(s); err == nil {
		return b
	}
	return []byte(s)
}
