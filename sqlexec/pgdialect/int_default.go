package pgdialect

import (
	"regexp"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// int_default.go: a decimal constant as the DEFAULT of an integer column
// (int DEFAULT 1.5). PostgreSQL keeps the numeric constant and converts it
// with numeric's assignment cast to the column type on every insert
// (rounded half away from zero: 1.5 is 2, -2.5 is -3; 22003 then, not at
// CREATE, past the type's range). SQLite would store the constant as the
// double 1.5, which the column's CHECK refuses as not canonical. The
// default is written as that cast of the constant's exact digits,
// (pg_num_int('1.5', 'int4')), which the catalog shows as the constant
// again (intDefaultDisplay).

// intLiteralDefault is the DEFAULT expression for the constant lit (a
// number literal's text, a sign allowed) of a column declared decl, or
// "" when the column is not an integer one or lit has neither a fraction
// nor an exponent (an integer literal is stored as it is).
func intLiteralDefault(lit, decl string) string {
	lit = strings.ReplaceAll(strings.TrimSpace(lit), " ", "")
	oid, _ := DeclTypeOID(decl)
	typ := TypeName(oid)
	if _, isInt := intTypes[typ]; !isInt || !strings.ContainsAny(lit, ".eE") {
		return ""
	}
	if _, ok := parseDecimal(lit); !ok {
		return ""
	}
	return "(pg_num_int(" + quoteLit(lit) + ", " + quoteLit(typ) + "))"
}

// intNumberDefault rewrites the DEFAULT at tokens d..hi-1 of a column
// declared decl when it is a decimal constant alone (DEFAULT 1.5,
// DEFAULT -2.5 NOT NULL) and the column an integer one.
func (x *tx) intNumberDefault(d, hi int, decl string) {
	e := d + 1
	if x.T(d).typ == tOp {
		e++
	}
	if e > hi || e < hi && !(x.T(e).typ == tIdent && colConstraintKw[x.T(e).upper()]) {
		return
	}
	lit := x.literalDigits(d, e) // enforce.go
	if lit == "" {
		return
	}
	if s := intLiteralDefault(lit, decl); s != "" {
		x.blank(d, e)
		x.T(d).set(s)
	} else if s := numericLiteralDefault(lit, decl); s != "" {
		x.blank(d, e)
		x.T(d).set(s)
	}
}

// numericLiteralDefault is the DEFAULT expression for the decimal
// constant lit of an unconstrained numeric column: its exact digits as
// text (SQLite would read 2.50 as the double 2.5, and the column keep
// "2.5"), with the constant as pg_get_expr shows it in the display
// comment (default_display.go); "" for another column or constant. A
// numeric(p,s) column's value is written with its scale whatever the
// stored digits, and its default is checked against the precision as a
// number (addcolumn.go).
func numericLiteralDefault(lit, decl string) string {
	if oid, mod := DeclTypeOID(decl); oid != pgoid.Numeric || mod >= 0 || !strings.Contains(lit, ".") || strings.ContainsAny(lit, "eE") {
		return ""
	}
	v, ok := parseDecimal(lit)
	if !ok {
		return ""
	}
	text := v.String()
	show := text
	if strings.HasPrefix(text, "-") {
		show = "'" + text + "'::numeric"
	}
	return "(" + clockMark(show) + quoteLit(text) + ")"
}

var intDefaultRe = regexp.MustCompile(`^pg_num_int\('([-+]?[0-9.eE+-]+)', 'int[248]'\)$`)

// intDefaultDisplay is the default d (its parentheses stripped) as
// pg_get_expr shows it when it is intLiteralDefault's cast: the numeric
// constant's value, quoted and cast where its text alone would not read
// back as that numeric (a negative one, '-2.5'::numeric, or one without
// a point, 1e1 as '10'::numeric); ok is false for any other default.
func intDefaultDisplay(d string) (string, bool) {
	m := intDefaultRe.FindStringSubmatch(d)
	if m == nil {
		return "", false
	}
	v, ok := parseDecimal(m[1])
	if !ok {
		return "", false
	}
	s := v.String()
	if strings.HasPrefix(s, "-") || !strings.Contains(s, ".") {
		return "'" + s + "'::numeric", true
	}
	return s, true
}
