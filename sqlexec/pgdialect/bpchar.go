package pgdialect

// character(n) outside a column. A char(n) value is kept without its
// trailing blanks (types.go: PostgreSQL ignores them in comparisons,
// length() and || strip them, a cast to text drops them), and a column
// of the type is padded back to n on output from its declaration. An
// expression cast to char(n) has no declaration to pad it by, so:
//
//   - the cast itself cuts to n characters and drops trailing blanks
//     (pg_cast_len, pgcast.go); bare char/character is char(1) and bare
//     bpchar drops trailing blanks without a length;
//   - an item of the statement's one select list that is such a cast
//     (SELECT 'ab'::char(5)) is padded to n by pg_bpchar_pad as the last
//     step, where nothing compares or concatenates it any more. Items of
//     a set operation are left unpadded: padding would make 'ab'::char(5)
//     and 'ab'::char(3) distinct where PostgreSQL's bpchar equality does
//     not.

import (
	"database/sql/driver"
	"strconv"
	"strings"
	"unicode/utf8"

	"modernc.org/sqlite"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// charLen is the length of a cast to char/character/bpchar written at
// type tokens i.. with modifiers mods: n, 1 for a bare char or
// character, 0 for a bare bpchar (no length); ok=false when mods are not
// a length.
func (x *tx) charLen(i int, mods string) (int, bool) {
	if strings.TrimSpace(mods) == "" {
		if x.T(i).identName() == "bpchar" {
			return 0, true
		}
		return 1, true
	}
	n, err := strconv.Atoi(strings.Trim(strings.TrimSpace(mods), "()"))
	return n, err == nil && n > 0
}

// castLen is the length argument of pg_cast_len for an explicit cast to
// varchar(n) or char(n) (type tokens at i): an explicit cast cuts to n
// characters (no error, unlike storing into such a column); ok=false
// when the cast is not one of those.
func (x *tx) castLen(i int, mods string, tt *pgType) (int, bool) {
	switch tt.oid {
	case pgoid.Bpchar:
		n, ok := x.charLen(i, mods)
		if n == 0 {
			n = 10485760 // bare bpchar: no length, trailing blanks dropped
		}
		return n, ok
	case pgoid.Varchar:
		n, err := strconv.Atoi(strings.Trim(strings.TrimSpace(mods), "()"))
		return n, err == nil && n > 0
	}
	return 0, false
}

// padCharItems pads the select items described above.
func (x *tx) padCharItems() {
	lists := x.selectLists()
	if len(lists) != 1 || x.kw(0, "WITH") && x.findKw(0, x.n(), 0, "RECURSIVE") >= 0 {
		return
	}
	x.padChars(lists[0])
}

// padChars pads the items (of a select or RETURNING list) that are casts
// to char(n).
func (x *tx) padChars(items [][2]int) {
	for _, it := range items {
		a, b := x.itemExpr(it[0], it[1])
		if n := x.charCastLen(a, b); n > 0 {
			x.T(a).pre = "pg_bpchar_pad(" + x.T(a).pre
			x.T(b - 1).suf += ", " + strconv.Itoa(n) + ")"
		}
	}
}

// charCastLen is n when a..b-1 is a cast to char(n) (x::char(5),
// CAST(x AS character(5)), x::char), 0 otherwise.
func (x *tx) charCastLen(a, b int) int {
	if b <= a || x.exprOID(a, b) != pgoid.Bpchar {
		return 0
	}
	if x.T(a).kw("CAST") && x.isP(a+1, "(") && x.match(a+1) == b-1 {
		for k := a + 2; k < b-1; k++ {
			if x.T(k).kw("AS") && x.depth[k] == x.depth[a]+1 {
				_, _, mods, arr, ok := x.parseType(k + 1)
				if n, isLen := x.charLen(k+1, mods); ok && !arr && isLen {
					return n
				}
			}
		}
		return 0
	}
	for c := b - 1; c > a; c-- {
		if x.T(c).typ != tCast || x.depth[c] != x.depth[a] {
			continue
		}
		if x.primaryStart(c-1) != a {
			return 0
		}
		end, _, mods, arr, ok := x.parseType(c + 1)
		if n, isLen := x.charLen(c+1, mods); ok && !arr && end == b && isLen {
			return n
		}
		return 0
	}
	return 0
}

// fnBpcharPad is pg_bpchar_pad(s, n): s padded with blanks to n
// characters, as PostgreSQL prints a char(n) value.
func fnBpcharPad(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	s, ok := a[0].(string)
	n, _ := toInt(a[1])
	if !ok || n > 10485760 {
		return a[0], nil
	}
	if pad := int(n) - utf8.RuneCountInString(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s, nil
}
