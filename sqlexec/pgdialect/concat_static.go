package pgdialect

// concat_static.go: the refusal of a || between two columns found before
// the first row. concatColumnsCall leaves the choice of operator to run
// time, so a statement that reads no row was never refused; PostgreSQL
// resolves the operator at parse time from the declared types. The
// compiled text keeps both types as SQL (pg_concat_refused's arguments),
// which read only the catalog: sqlexec evaluates them when it prepares
// the statement and asks ConcatRefusal, the same rule pg_array_concat's
// typed form applies to each row.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// ConcatSite is one || between two columns in a compiled statement: the
// SQL expressions of its operands' declared types and the byte offset of
// its || (text's branch, which the error position maps back to the
// client's ||; -1 when the text keeps no ||).
type ConcatSite struct {
	LType, RType string
	Off          int
}

// ConcatSites finds the run-time || choices (concatColumnsCall) in the
// compiled SQLite text sqlText, and the typed array concatenations of a
// column with an array the text shows (pg_array_concat(l, r, ltype,
// rtype): `ia || ARRAY['x']`, concatShownTypes), which were refused only
// at their first row.
func ConcatSites(sqlText string) []ConcatSite {
	if !strings.Contains(sqlText, "pg_concat_refused(") && !strings.Contains(sqlText, "pg_array_concat(") {
		return nil // the fast path: most statements have none
	}
	x := newTx(sqlText)
	if !x.balanced() {
		return nil
	}
	var out []ConcatSite
	for i := 0; i < x.n(); i++ {
		if x.T(i).kw("pg_array_concat") && x.isP(i+1, "(") {
			if args := x.splitTop(i+2, x.match(i+1)); len(args) == 4 {
				out = append(out, ConcatSite{x.text(args[2][0], args[2][1]), x.text(args[3][0], args[3][1]), -1})
			}
			continue
		}
		if !x.T(i).kw("pg_concat_refused") || !x.isP(i+1, "(") {
			continue
		}
		end := x.match(i + 1)
		comma := -1
		for j := i + 2; j < end; j++ {
			if x.isP(j, "(") {
				j = x.match(j)
			} else if x.isP(j, ",") {
				comma = j
				break
			}
		}
		if end < 0 || comma < 0 {
			continue
		}
		if off := x.concatTextOp(end); off >= 0 {
			out = append(out, ConcatSite{x.text(i+2, comma), x.text(comma+1, end), off})
		}
	}
	return out
}

// concatTextOp is the offset of text's || in the ELSE branch that
// follows pg_concat_refused's call ending at token i (concatColumnsCall's
// shape: ... THEN pg_array_concat(...) ELSE tl || tr END END); its
// operands may hold CASE expressions of their own. -1 when not found.
func (x *tx) concatTextOp(i int) int {
	for ; i < x.n() && !x.kw(i, "ELSE"); i++ {
		if x.isP(i, "(") {
			i = x.match(i)
		}
	}
	cases := 0
	for j := i + 1; j < x.n(); j++ {
		switch {
		case x.isP(j, "("):
			j = x.match(j)
		case x.kw(j, "CASE"):
			cases++
		case x.kw(j, "END"):
			if cases == 0 {
				return -1
			}
			cases--
		case cases == 0 && x.isP(j, "||"):
			return x.T(j).pos
		}
	}
	return -1
}

// ConcatRefusal is PostgreSQL's 42883 message for || between values of
// the declared types ltype and rtype (as SQLite keeps them), ok=false
// when an operator exists or a type is not known here.
func ConcatRefusal(ltype, rtype string) (msg string, ok bool) {
	lo, rl := concatDeclOID(ltype)
	ro, rr := concatDeclOID(rtype)
	if lo == 0 || ro == 0 {
		return "", false
	}
	if !concatNoOperator(lo, ro, rl && rr) {
		return "", false
	}
	return "operator does not exist: " + FormatType(lo, -1) + " || " + FormatType(ro, -1), true
}

// ConcatHint is PostgreSQL's hint beside ConcatRefusal's message.
const ConcatHint = jsonOperatorHint

// concatDeclOID is the type of a declared type name and whether no ||
// operator takes it with another such type unless both are jsonb
// (fnConcatRefused's test for one side); 0 when not known.
func concatDeclOID(decl string) (uint32, bool) {
	d := strings.ToLower(decl)
	if !DeclTypeKnown(d) {
		return 0, false
	}
	o, _ := DeclTypeOID(d)
	t := typesByOID[o]
	return o, o != 0 && t != nil && t.cat != "S" && pgoid.ElemOf(o) == 0
}

// concatNoOperator reports whether no || takes lo and ro (both known):
// arrays whose elements have no common type, an array beside a value of
// no common type with its element, or two non-array values neither of
// which is a string (refused: both sides pass concatDeclOID's test) and
// which are not jsonb and jsonb.
func concatNoOperator(lo, ro uint32, refused bool) bool {
	le, re := pgoid.ElemOf(lo), pgoid.ElemOf(ro)
	switch {
	case le != 0 && re != 0:
		return CommonType([]uint32{le, re}) == 0
	case le != 0:
		return CommonType([]uint32{le, ro}) == 0
	case re != 0:
		return CommonType([]uint32{lo, re}) == 0
	}
	bit := func(o uint32) bool { return o == pgoid.Bit || o == pgoid.Varbit }
	return refused && !(lo == pgoid.JSONB && ro == pgoid.JSONB) && !(bit(lo) && bit(ro)) // bitcat
}
