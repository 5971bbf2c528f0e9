package pgdialect

import (
	"bytes"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/raftsql/raftsql/pgwire"
	"modernc.org/sqlite"
)

// typesIn is the "types" family of input functions (see enforce.go): bool,
// the integers, the floats, text/varchar/bpchar, bytea, json/jsonb and
// uuid. Each is a pure function of (value, typmod) returning the value's
// canonical stored form or PostgreSQL's error for it.
var typesIn = map[string]fn{
	"pg_in_bool":    inBool,
	"pg_in_int2":    inWrap(intCast("smallint", math.MinInt16, math.MaxInt16)),
	"pg_in_int4":    inWrap(intCast("integer", math.MinInt32, math.MaxInt32)),
	"pg_in_int8":    inWrap(intCast("bigint", math.MinInt64, math.MaxInt64)),
	"pg_in_float4":  inFloat("real"),
	"pg_in_float8":  inFloat("double precision"),
	"pg_in_text":    inText,
	"pg_in_varchar": inVarchar,
	"pg_in_bpchar":  inBpchar,
	"pg_in_bytea":   inBytea,
	"pg_in_json":    inJSON,
	"pg_in_jsonb":   inJSONB,
	"pg_in_uuid":    inWrap(fnCastUUID),
	"pg_in_money":   fnInMoney, // money.go
	"pg_in_name":    fnInName,  // nametype.go
	"pg_in_oid":     fnInOID,   // oidtype.go
	"pg_in_xml":     fnInXML,   // xmltype.go
}

// inWrap adapts a one-argument checked cast to the (value, typmod) form.
func inWrap(f fn) fn {
	return func(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		return f(ctx, a[:1])
	}
}

// inBool stores booleans as the integers 1 and 0 (what SQLite's TRUE and
// FALSE are); every spelling PostgreSQL accepts ('yes', 'on', 't', '1'
// ...) becomes one of them.
func inBool(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case []byte:
		return nil, invalidInput("boolean", v)
	case float64:
		if v != 0 && v != 1 {
			return nil, invalidInput("boolean", v)
		}
	case int64:
		if v != 0 && v != 1 {
			return nil, invalidInput("boolean", v)
		}
	}
	return fnBool(nil, a[:1])
}

// inFloat: float8 as SQLite's REAL; float4 rounded to single precision
// (so real = 0.1 compares as in PostgreSQL). SQLite cannot store NaN (it
// becomes NULL), so NaN is refused rather than silently lost.
func inFloat(typ string) fn {
	f := floatCast(typ)
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if _, ok := a[0].([]byte); ok {
			return nil, invalidInput(typ, a[0])
		}
		v, err := f(nil, a[:1])
		if err != nil || v == nil {
			return v, err
		}
		x := v.(float64)
		if math.IsNaN(x) {
			return nil, pgErr("0A000", "NaN cannot be stored in a column of type %s (SQLite has no NaN)", typ)
		}
		if typ == "real" {
			x = float64(float32(x))
		}
		return x, nil
	}
}

// inText stores text as valid UTF-8 without NUL, as PostgreSQL's text.
func inText(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return textValue(a[0])
}

func textValue(v driver.Value) (driver.Value, error) {
	var s string
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		s = v
	case []byte:
		s = string(v)
	case float64:
		// a float8 expression's assignment cast to text is float8out
		// (10000000000, not 1e+10)
		return pgwire.FormatFloat(v, 64), nil
	default:
		return str(v), nil
	}
	if !utf8.ValidString(s) {
		return nil, pgErr("22021", "invalid byte sequence for encoding \"UTF8\"")
	}
	if strings.IndexByte(s, 0) >= 0 {
		return nil, pgErr("22021", "invalid byte sequence for encoding \"UTF8\": 0x00")
	}
	return s, nil
}

// lengthMod returns n of varchar(n)/char(n) from the typmod (n+4), or -1.
func lengthMod(a []driver.Value) int {
	if len(a) < 2 {
		return -1
	}
	m, ok := a[1].(int64)
	if !ok || m < 5 {
		return -1
	}
	return int(m - 4)
}

// fitLength applies PostgreSQL's rule for an explicit length: longer
// values are an error (22001) unless the excess is all spaces, which is
// cut off.
func fitLength(s string, n int, typ string) (string, error) {
	if n < 0 || utf8.RuneCountInString(s) <= n {
		return s, nil
	}
	i, k := 0, 0
	for k < n {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
		k++
	}
	if strings.Trim(s[i:], " ") != "" {
		return "", pgErr("22001", "value too long for type %s(%d)", typ, n)
	}
	return s[:i], nil
}

func inVarchar(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	v, err := textValue(a[0])
	if err != nil || v == nil {
		return v, err
	}
	return fitLength(v.(string), lengthMod(a), "character varying")
}

// inBpchar stores character(n) without its trailing spaces: PostgreSQL
// ignores them in comparisons, so equality and unique indexes on the
// stripped form agree with PostgreSQL; the blank padding is added back on
// output (columns.go).
func inBpchar(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	v, err := textValue(a[0])
	if err != nil || v == nil {
		return v, err
	}
	s, err := fitLength(v.(string), lengthMod(a), "character")
	if err != nil {
		return nil, err
	}
	return strings.TrimRight(s, " "), nil
}

func inBytea(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case []byte:
		return v, nil
	case string:
		return fnBytea(nil, a[:1])
	}
	return nil, pgErr("42804", "value of type %s cannot be stored in a bytea column", storageName(a[0]))
}

// hexBytea decodes bytea's hex format as PostgreSQL does (whitespace
// between digit pairs allowed).
func hexBytea(h string) (driver.Value, error) {
	out := make([]byte, 0, len(h)/2)
	for i := 0; i < len(h); {
		c := h[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if !isHex(c) {
			return nil, pgErr("22023", "invalid hexadecimal digit: \"%s\"", string(c))
		}
		if i+1 >= len(h) {
			return nil, pgErr("22023", "invalid hexadecimal data: odd number of digits")
		}
		if !isHex(h[i+1]) {
			return nil, pgErr("22023", "invalid hexadecimal digit: \"%s\"", string(h[i+1]))
		}
		out = append(out, byte(hexVal(c)<<4|hexVal(h[i+1])))
		i += 2
	}
	return out, nil
}

func storageName(v driver.Value) string {
	switch v.(type) {
	case int64:
		return "integer"
	case float64:
		return "double precision"
	}
	return "text"
}

// inJSON validates json and keeps its text as given (PostgreSQL's json
// keeps the input text).
func inJSON(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return jsonIn(a[0], false)
}

// inJSONB stores jsonb in PostgreSQL's output form: object keys sorted
// (shorter first, then bytewise), duplicate keys resolved to the last,
// ", " and ": " separators, numbers as numeric prints them. Equal jsonb
// values are therefore equal text.
func inJSONB(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return jsonIn(a[0], true)
}

// jsonIn validates v as json and returns it as given or, for jsonb, in
// canonical form. Numbers SQLite's affinity already made numeric (a bare
// 42 in a column of NUMERIC affinity) are valid json as they are.
func jsonIn(v driver.Value, canonical bool) (driver.Value, error) {
	switch v.(type) {
	case nil, int64, float64:
		return v, nil
	}
	t, err := textValue(v)
	if err != nil {
		return nil, err
	}
	text := t.(string)
	if !canonical {
		if !json.Valid([]byte(text)) {
			return nil, jsonInputError(text, false) // json_syntax.go
		}
		return text, nil
	}
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return nil, jsonInputError(text, true)
	}
	if _, err := d.Token(); err != io.EOF { // trailing input
		return nil, jsonInputError(text, true)
	}
	if strings.Contains(text, `\u`) {
		// jsonb decodes its escapes, which PostgreSQL refuses for an
		// escaped NUL (22P05) and a lone or doubled surrogate half
		// (encoding/json reads those as U+FFFD)
		if err := jsonSyntax(text, true); err != nil {
			return nil, err
		}
	}
	if err := checkJSONNumbers(x); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	writeJSONB(&b, x)
	return b.String(), nil
}

// checkJSONNumbers refuses, as PostgreSQL's numeric input does, a number
// past numeric's limits (parseDecimalCode): jsonb stores numbers as
// numeric (1e999999999 would be a gigabyte).
func checkJSONNumbers(x any) error {
	switch x := x.(type) {
	case json.Number:
		if _, ok := jsonExponent(string(x)); !ok {
			return numericInputError(string(x))
		}
	case []any:
		for _, e := range x {
			if err := checkJSONNumbers(e); err != nil {
				return err
			}
		}
	case map[string]any:
		for _, e := range x {
			if err := checkJSONNumbers(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// jsonExponent is the exponent of a JSON number (0 without one); ok is
// false when numeric refuses the number (numberTextCode).
func jsonExponent(s string) (int, bool) {
	if numberTextCode(s) != "" {
		return 0, false
	}
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return 0, true
	}
	e, err := strconv.Atoi(s[i+1:])
	return e, err == nil
}

func writeJSONB(b *bytes.Buffer, x any) {
	switch x := x.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case json.Number:
		b.WriteString(jsonbNumber(string(x)))
	case string:
		writeJSONString(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSONB(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := jsonbKeys(x)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSONString(b, k)
			b.WriteString(": ")
			writeJSONB(b, x[k])
		}
		b.WriteByte('}')
	}
}

// sortJSONBKeys orders object keys as jsonb stores them: shorter first,
// then bytewise.
func sortJSONBKeys(keys []string) {
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) < len(keys[j])
		}
		return keys[i] < keys[j]
	})
}

// writeJSONString escapes as PostgreSQL's escape_json does.
func writeJSONString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				b.WriteString(`\u00`)
				b.WriteString(hex.EncodeToString([]byte{byte(r)}))
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// jsonbNumber prints a JSON number as PostgreSQL's numeric does: the
// exponent folded into the digits, the scale kept (1.50 stays 1.50,
// 1e2 is 100, 1.5e-3 is 0.0015), -0 as 0.
func jsonbNumber(s string) string {
	exp, ok := jsonExponent(s)
	if !ok {
		// Only a json (not jsonb) value keeps such a number, and it
		// prints it as written, as PostgreSQL's json does.
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		s = s[:i]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	digits := intPart + frac
	point := len(intPart) + exp // position of the decimal point in digits
	scale := len(frac) - exp
	if scale < 0 {
		scale = 0
	}
	if point > len(digits) {
		digits += strings.Repeat("0", point-len(digits))
	}
	if point < 1 {
		digits = strings.Repeat("0", 1-point) + digits
		point = 1
	}
	if n := scale - (len(digits) - point); n > 0 {
		digits += strings.Repeat("0", n)
	}
	ip := strings.TrimLeft(digits[:point], "0")
	if ip == "" {
		ip = "0"
	}
	out := ip
	if scale > 0 {
		out += "." + digits[point:point+scale]
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}
