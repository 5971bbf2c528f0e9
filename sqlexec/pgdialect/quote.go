package pgdialect

import (
	"crypto/sha256"
	"crypto/sha512"
	"database/sql/driver"
	"errors"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// Quoting and formatting functions people use to build SQL and report
// text: quote_literal, quote_nullable, format (%s %I %L, positions and
// widths), to_hex and the SHA-2 digests. All are pure functions of their
// arguments (registered deterministic, allowed in writes) with
// PostgreSQL 15's results and errors. quote_ident is quoteIdent (tx.go).

var quoteFuncs = map[string]struct {
	n int32
	f fn
}{
	"quote_literal":  {1, fnQuoteLiteral},
	"quote_nullable": {1, fnQuoteNullable},
	"format":         {-1, fnFormat},
	"to_hex":         {-1, fnToHex},
	"sha224":         {1, shaFn(func(b []byte) []byte { s := sha256.Sum224(b); return s[:] })},
	"sha256":         {1, shaFn(func(b []byte) []byte { s := sha256.Sum256(b); return s[:] })},
	"sha384":         {1, shaFn(func(b []byte) []byte { s := sha512.Sum384(b); return s[:] })},
	"sha512":         {1, shaFn(func(b []byte) []byte { s := sha512.Sum512(b); return s[:] })},
}

// typeColKeywords are PostgreSQL 15's keywords that are neither reserved
// (tx.go reservedWords) nor unreserved: the column-name and
// type/function-name keywords (pg_get_keywords() catcode C and T).
// quote_ident, format's %I and every identifier raftsql prints quote them,
// as PostgreSQL's quote_identifier does.
var typeColKeywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`BETWEEN BIGINT BIT BOOLEAN CHAR CHARACTER COALESCE DEC DECIMAL EXISTS EXTRACT FLOAT GREATEST GROUPING INOUT INT INTEGER INTERVAL LEAST NATIONAL NCHAR NONE NORMALIZE NULLIF NUMERIC OUT OVERLAY POSITION PRECISION REAL ROW SETOF SMALLINT SUBSTRING TIME TIMESTAMP TREAT TRIM VALUES VARCHAR XMLATTRIBUTES XMLCONCAT XMLELEMENT XMLEXISTS XMLFOREST XMLNAMESPACES XMLPARSE XMLPI XMLROOT XMLSERIALIZE XMLTABLE
		AUTHORIZATION BINARY COLLATION CONCURRENTLY CROSS CURRENT_SCHEMA FREEZE FULL ILIKE INNER IS ISNULL JOIN LEFT LIKE NATURAL NOTNULL OUTER OVERLAPS RIGHT SIMILAR TABLESAMPLE VERBOSE`) {
		m[w] = true
	}
	return m
}()

func init() {
	for _, f := range []string{"quote_literal", "quote_nullable", "quote_ident", "format", "to_hex"} {
		funcResultOIDs[f] = pgoid.Text
	}
	for _, f := range []string{"sha224", "sha256", "sha384", "sha512"} {
		funcResultOIDs[f] = pgoid.Bytea
	}
}

// quoteLiteral is PostgreSQL's quote_literal of text: quotes doubled,
// and a string with backslashes becomes an E” literal with them doubled.
func quoteLiteral(s string) string {
	q := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	if strings.Contains(s, `\`) {
		return "E" + strings.ReplaceAll(q, `\`, `\\`)
	}
	return q
}

func fnQuoteLiteral(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	return quoteLiteral(valueText(a[0])), nil
}

func fnQuoteNullable(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return "NULL", nil
	}
	return quoteLiteral(valueText(a[0])), nil
}

// shaFn is sha224/256/384/512(bytea): the digest as bytea. A text
// argument is its UTF-8 bytes (PostgreSQL casts text to bytea).
func shaFn(sum func([]byte) []byte) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		var b []byte
		if v, ok := a[0].([]byte); ok {
			b = v
		} else {
			b = []byte(str(a[0]))
		}
		return sum(b), nil
	}
}

// fnToHex is to_hex(n) or to_hex(n, 'int8'): negative values in two's
// complement of the argument's width. The translator passes 'int8' when
// the statement shows a bigint argument (toHexRewrite); without it a
// value within int4's range is an integer, as PostgreSQL's literal.
func fnToHex(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if err := argCount("to_hex", a, 1, 2); err != nil {
		return nil, err
	}
	if len(a) == 2 && a[1] != nil && declOID(str(a[1])) == pgoid.Int2 {
		// a smallint column (or a run-time type): to_hex(int4) and
		// to_hex(int8) both take it, as the translation refuses a
		// statement's visible smallint (typeof.go)
		return nil, errors.New(SQLStateText("42725", "function to_hex(smallint) is not unique", "", toHexHint))
	}
	if a[0] == nil {
		return nil, nil
	}
	n, ok := toInt(a[0])
	if !ok {
		return nil, pgErr("42883", "function to_hex(%s) does not exist", sqliteTypeName(a[0]))
	}
	wide := len(a) == 2 && a[1] != nil && declOID(str(a[1])) == pgoid.Int8 || n < -1<<31 || n > 1<<31-1
	if n < 0 && !wide {
		return strconv.FormatUint(uint64(uint32(int32(n))), 16), nil
	}
	return strconv.FormatUint(uint64(n), 16), nil
}

// toHexHint is PostgreSQL's hint of an ambiguous call (42725).
const toHexHint = "Could not choose a best candidate function. You might need to add explicit type casts."

func declOID(decl string) uint32 {
	o, _ := DeclTypeOID(decl)
	return o
}

func sqliteTypeName(v driver.Value) string {
	switch v.(type) {
	case float64:
		return "double precision"
	case []byte:
		return "bytea"
	case string:
		return "text"
	}
	return "integer"
}

// fnFormat is PostgreSQL's format(fmt, args...): %[n$][-][width]{s|I|L}
// and %%; width may be * or *n$ (taken from an argument). An argument
// without position follows the previous one used.
func fnFormat(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) == 0 {
		return nil, pgErr("42883", "function format() does not exist")
	}
	if a[0] == nil {
		return nil, nil
	}
	f := []rune(str(a[0]))
	args := a[1:]
	var b strings.Builder
	arg := 0 // the last argument used (1-based)
	bad := func() error { return pgErr("22023", "unterminated format() type specifier") }
	// number reads digits at f[i:]; ok=false when there are none.
	number := func(i int) (n, next int, ok bool, err error) {
		j := i
		for j < len(f) && f[j] >= '0' && f[j] <= '9' {
			if n > (1<<31-1)/10 {
				return 0, 0, false, pgErr("22003", "number is out of range")
			}
			n = n*10 + int(f[j]-'0')
			j++
		}
		return n, j, j > i, nil
	}
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			b.WriteRune(f[i])
			continue
		}
		i++
		if i >= len(f) {
			return nil, bad()
		}
		if f[i] == '%' {
			b.WriteByte('%')
			continue
		}
		// [n$]
		argPos := 0
		if n, j, ok, err := number(i); err != nil {
			return nil, err
		} else if ok && j < len(f) && f[j] == '$' {
			if n == 0 {
				return nil, pgErr("22023", "format specifies argument 0, but arguments are numbered from 1")
			}
			argPos, i = n, j+1
		}
		if i >= len(f) {
			return nil, bad()
		}
		left := false
		for i < len(f) && f[i] == '-' {
			left = true
			i++
		}
		if i >= len(f) {
			return nil, bad()
		}
		width := 0
		if f[i] == '*' {
			i++
			wpos := 0
			if n, j, ok, err := number(i); err != nil {
				return nil, err
			} else if ok {
				if j >= len(f) || f[j] != '$' {
					return nil, bad()
				}
				if n == 0 {
					return nil, pgErr("22023", "format specifies argument 0, but arguments are numbered from 1")
				}
				wpos, i = n, j+1
			}
			if wpos > 0 {
				arg = wpos
			} else {
				arg++
			}
			if arg > len(args) {
				return nil, pgErr("22023", "too few arguments for format()")
			}
			if v := args[arg-1]; v != nil {
				w, ok := toInt(v)
				if !ok {
					return nil, invalidInput("integer", v)
				}
				if w < 0 {
					left = true
					w = -w
				}
				width = int(min(w, 1<<31-1))
			}
		} else if n, j, ok, err := number(i); err != nil {
			return nil, err
		} else if ok {
			width, i = n, j
		}
		if i >= len(f) {
			return nil, bad()
		}
		typ := f[i]
		if typ != 's' && typ != 'I' && typ != 'L' {
			return nil, pgErr("22023", "unrecognized format() type specifier \"%c\"", typ)
		}
		if argPos > 0 {
			arg = argPos
		} else {
			arg++
		}
		if arg > len(args) {
			return nil, pgErr("22023", "too few arguments for format()")
		}
		v := args[arg-1]
		var s string
		switch {
		case typ == 's':
			if v != nil {
				s = valueText(v)
			}
		case typ == 'I':
			if v == nil {
				return nil, pgErr("22004", "null values cannot be formatted as an SQL identifier")
			}
			s = quoteIdent(valueText(v))
		case v == nil: // %L
			s = "NULL"
		default:
			s = quoteLiteral(valueText(v))
		}
		if width > maxStringBytes {
			return nil, pgErr("54000", "requested length too large")
		}
		if pad := width - len([]rune(s)); pad > 0 {
			if left {
				s += strings.Repeat(" ", pad)
			} else {
				s = strings.Repeat(" ", pad) + s
			}
		}
		b.WriteString(s)
		if b.Len() > maxStringBytes {
			return nil, pgErr("54000", "requested length too large")
		}
	}
	return b.String(), nil
}
