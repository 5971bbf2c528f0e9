package pgwire

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"
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

// byteaFromString reads a string value of a bytea column the way
// PostgreSQL's byteain reads text: the hex form \x... or the escape form;
// a string that is neither is taken as its bytes.
func byteaFromString(s string) []byte {
	if b, err := decodeByteaText(s); err == nil {
		return b
	}
	return []byte(s)
}
