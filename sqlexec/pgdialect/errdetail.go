package pgdialect

import (
	"fmt"
	"strconv"
	"strings"
)

// A registered function's error carries PostgreSQL's SQLSTATE and message
// in its text (ErrMarker); a DETAIL and a HINT, where PostgreSQL gives
// them, follow the message after detailMarker and hintMarker, so the one
// string SQLite passes on holds them all. ParseSQLStateError returns the
// message without them; ParseSQLStateDetail and ParseSQLStateFields return
// them too; SQLStateText writes them.

// detailMarker separates the DETAIL from the message; hintMarker the HINT.
const (
	detailMarker = "\nDETAIL: "
	hintMarker   = "\nHINT: "
)

// pgErrDetail is pgErr with PostgreSQL's DETAIL.
func pgErrDetail(code, detail, format string, a ...any) error {
	return fmt.Errorf("%s%s: %s%s%s", ErrMarker, code, fmt.Sprintf(format, a...), detailMarker, detail)
}

// SQLStateText is the function-error text of an error with SQLSTATE code,
// message, DETAIL and HINT (each "" when none).
func SQLStateText(code, message, detail, hint string) string {
	s := ErrMarker + code + ": " + message
	if detail != "" {
		s += detailMarker + detail
	}
	if hint != "" {
		s += hintMarker + hint
	}
	return s
}

// ParseSQLStateDetail extracts the SQLSTATE, message and DETAIL ("" when
// none) from an error message raised by a registered function.
func ParseSQLStateDetail(msg string) (code, message, detail string, ok bool) {
	code, message, detail, _, ok = ParseSQLStateFields(msg)
	return code, message, detail, ok
}

// ParseSQLStateFields is ParseSQLStateDetail with the HINT ("" when none).
func ParseSQLStateFields(msg string) (code, message, detail, hint string, ok bool) {
	m := reSQLState.FindStringSubmatch(msg)
	if m == nil {
		return "", "", "", "", false
	}
	rest, hint, _ := strings.Cut(m[2], hintMarker)
	message, detail, _ = strings.Cut(rest, detailMarker)
	return m[1], message, detail, hint, true
}

// numericOverflow is PostgreSQL's 22003 for a value numeric(prec, scale)
// cannot hold (apply_typmod): the DETAIL says what would fit.
func numericOverflow(prec, scale int32, infinite bool) error {
	if infinite {
		return pgErrDetail("22003", fmt.Sprintf("A field with precision %d, scale %d cannot hold an infinite value.", prec, scale), "numeric field overflow")
	}
	limit := "1" // 10^0 is shown as 1
	if d := prec - scale; d != 0 {
		limit = fmt.Sprintf("10^%d", d)
	}
	return pgErrDetail("22003", fmt.Sprintf("A field with precision %d, scale %d must round to an absolute value less than %s.", prec, scale, limit), "numeric field overflow")
}

// IndexDef is what a CREATE INDEX statement defines: the index's and
// the table's names, the key elements as written (a column name, or an
// expression such as lower(code), without COLLATE, ASC/DESC and NULLS
// FIRST/LAST: what a 23505 DETAIL shows as "Key (lower(code))=(x)") and
// the WHERE of a partial index ("" if none).
type IndexDef struct {
	Name, Table string
	Elems       []string
	Where       string
}

// ParseIndex reads a CREATE INDEX statement; ok=false when sql is not one.
func ParseIndex(createIndexSQL string) (def IndexDef, ok bool) {
	x := newTx(createIndexSQL)
	in := x.findKw(0, x.n(), 0, "INDEX")
	on := x.findKw(0, x.n(), 0, "ON")
	if in < 0 || on < in {
		return def, false
	}
	k := in + 1
	if x.kw(k, "IF", "NOT", "EXISTS") {
		k += 3
	}
	def.Name, _ = x.name(k)
	table, j := x.name(on + 1)
	if !x.isP(j, "(") {
		return def, false
	}
	def.Table = table
	end := x.match(j)
	start := j + 1
	for i := start; i <= end && i < x.n(); i++ {
		if i < end && (x.depth[i] != x.depth[j]+1 || !x.isP(i, ",")) {
			continue
		}
		hi := i
		for k := start; k < hi; k++ {
			// the element ends where its ordering options begin
			if x.depth[k] == x.depth[j]+1 && (x.T(k).kw("COLLATE") || x.T(k).kw("ASC") || x.T(k).kw("DESC") || x.T(k).kw("NULLS")) {
				hi = k
				break
			}
		}
		if hi > start {
			def.Elems = append(def.Elems, strings.TrimSpace(x.orig(start, hi)))
		}
		start = i + 1
	}
	if w := x.findKw(end, x.n(), 0, "WHERE"); w >= 0 {
		def.Where = strings.TrimSpace(x.orig(w+1, x.n()))
	}
	return def, len(def.Elems) > 0
}

// IdentName is the column name an index element that is a plain (maybe
// quoted) identifier names, and ok=false for an expression.
func IdentName(elem string) (string, bool) {
	x := newTx(elem)
	if x.n() != 1 {
		return "", false
	}
	t := x.T(0)
	if t.typ != tIdent && t.typ != tQIdent {
		return "", false
	}
	return t.identName(), true
}

// CallArgTypes lists the PostgreSQL types of the arguments of the first
// call of function name in the statement sql as far as the text tells
// them: literals (an integer literal is integer, bigint or numeric by its
// size, as PostgreSQL types it; a string literal or NULL is unknown),
// booleans, casts and parameters ($n: params[n-1], the type the client
// declared as format_type names it, unknown when it declared none).
// ok=false when an argument's type cannot be told from the text (a column,
// an expression).
func CallArgTypes(sql, name string, params []string) (types []string, ok bool) {
	x := newTx(sql)
	for i := 0; i+1 < x.n(); i++ {
		t := x.T(i)
		if (t.typ != tIdent && t.typ != tQIdent) || !strings.EqualFold(t.identName(), name) || !x.isP(i+1, "(") {
			continue
		}
		open := i + 1
		end := x.match(open)
		if end >= x.n() {
			return nil, false
		}
		if end == open+1 {
			return []string{}, true
		}
		start := open + 1
		for j := start; j <= end; j++ {
			if j < end && (x.depth[j] != x.depth[open]+1 || !x.isP(j, ",")) {
				continue
			}
			typ, ok := argType(x, start, j, params)
			if !ok {
				return nil, false
			}
			types = append(types, typ)
			start = j + 1
		}
		return types, true
	}
	return nil, false
}

// argType is the type of the argument written in tokens lo..hi-1.
func argType(x *tx, lo, hi int, params []string) (string, bool) {
	d := x.depth[lo]
	for j := hi - 1; j > lo; j-- {
		if x.depth[j] == d && x.T(j).typ == tCast {
			return castType(x.orig(j+1, hi))
		}
	}
	if x.kw(lo, "CAST") && x.isP(lo+1, "(") && x.match(lo+1) == hi-1 {
		if as := x.findKw(lo+2, hi-1, d+1, "AS"); as > 0 {
			return castType(x.orig(as+1, hi-1))
		}
	}
	if hi-lo >= 2 && x.T(hi-1).typ == tString {
		// a typed literal, timestamp '2000-01-01' (the type's name may
		// be several words: timestamp with time zone '...')
		typed := true
		for j := lo; j < hi-1; j++ {
			typed = typed && x.T(j).typ == tIdent
		}
		if typed {
			return castType(x.orig(lo, hi-1))
		}
	}
	sign := ""
	if hi-lo == 2 && (x.T(lo).text == "-" || x.T(lo).text == "+") && x.T(lo+1).typ == tNumber {
		// PostgreSQL's grammar folds the sign into the literal:
		// -2147483648 is an integer
		sign = x.T(lo).text
		lo++
	}
	if hi-lo != 1 {
		return "", false
	}
	t := x.T(lo)
	switch {
	case t.typ == tNumber:
		if strings.ContainsAny(t.text, ".eE") {
			return "numeric", true
		}
		if n, err := strconv.ParseInt(sign+t.text, 10, 64); err == nil {
			if n >= -1<<31 && n < 1<<31 {
				return "integer", true
			}
			return "bigint", true
		}
		return "numeric", true
	case t.typ == tString, t.kw("NULL"):
		return "unknown", true
	case t.kw("TRUE"), t.kw("FALSE"):
		return "boolean", true
	case t.typ == tParam && strings.HasPrefix(t.text, "$"):
		n, err := strconv.Atoi(t.text[1:])
		if err != nil || n < 1 {
			return "", false
		}
		if n <= len(params) && params[n-1] != "" {
			return params[n-1], true
		}
		return "unknown", true
	}
	return "", false
}

// castType is format_type's name of a type written in a cast.
func castType(decl string) (string, bool) {
	decl = strings.TrimSpace(decl)
	if !DeclTypeKnown(decl) {
		return "", false
	}
	oid, _ := DeclTypeOID(decl)
	if oid == 0 {
		return "", false
	}
	return FormatType(oid, -1), true
}
