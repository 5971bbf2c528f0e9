package sqlexec

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Translations by literal shape (issue 15): a session translates texts
// that differ only in lifted integer literals (pgdialect.LiteralShape)
// once, and fills each new text's literals into that translation. The
// simple protocol sends every execution as a new text; translating a
// 50-byte point SELECT was 37% of a node's CPU for pgbench's select-only
// script in that protocol.
//
// A shape's translation is kept only when it is proven to carry its
// literals through unchanged: the text is translated as sent, and again
// twice with every lifted literal replaced by other values of the same
// length (1s, then 9s, each literal's own last digit; never a sent value,
// so that nothing else in the translation can pass for a literal); each translation, with its
// values' occurrences replaced by the sent ones, must equal the sent
// text's translation in every field. What the translation keeps
// positions of (errors, assigned values) stays right, as the lengths are
// the same. It is kept under the rules of the session's kept Parses
// (preparecache.go): for the schema and settings it was made with, never
// with temporary objects or a schema change in the open transaction.

// maxShapesKept bounds a session's kept shapes (and the shapes it found
// unfit, kept only by key); past it one is dropped for each added.
// pgbench's TPC-B-like script alone makes a few hundred shapes (a
// one-digit literal is no lifted one, so each teller's statements are
// shapes of their own, times each delta's length and sign).
const maxShapesKept = 512

// shapeKept is a shape's translation, made with sentinel values: every
// occurrence of sentinels[i] in it is the i-th lifted literal.
type shapeKept struct {
	stamp     prepareStamp
	template  *pgdialect.Stmt
	sentinels []string
	// bound: template's Exec with its lifted literals made parameters
	// (bindShape), binds their values' forms in parameter order; nil
	// when they are filled in
	bound []string
	binds []pgdialect.LiteralBind
}

// translateShaped is translate of sql, from a kept shape when one holds.
func (s *Session) translateShaped(ctx context.Context, sql string) (*pgdialect.Stmt, error) {
	if err := pgdialect.InternalCall(sql); err != nil {
		return nil, err // internal_calls.go: raftsql's own functions are no client's
	}
	stamp, ok := s.prepareStamp()
	if !ok || len(sql) > 4<<10 {
		return s.translate(ctx, sql)
	}
	key, lits, ok := pgdialect.LiteralShape(sql)
	if !ok {
		return s.translate(ctx, sql)
	}
	values := make([]string, len(lits))
	for i, l := range lits {
		values[i] = sql[l.Start:l.End]
	}
	k, seen := s.shapes[key]
	if seen && k.stamp == stamp && k.template == nil {
		// unfit: translated as itself, never tried again (each try
		// costs two more translations)
		return s.translate(ctx, sql)
	}
	if seen && k.stamp == stamp {
		if k.bound != nil {
			// the other fields filled in (Exec's sentinels are all
			// parameters: a parameter's number may read as one)
			if st, ok := fillShape(k.template, k.sentinels, values); ok {
				if st.Bound, ok = bindValues(k.binds, values); ok {
					st.Exec = slices.Clone(k.bound)
					return st, nil
				}
			}
		}
		if st, ok := fillShape(k.template, k.sentinels, values); ok {
			return st, nil
		}
	}
	st, err := s.translate(ctx, sql)
	if err != nil || st.Kind != pgdialect.KindQuery {
		return st, err
	}
	template, sentinels := shapeTemplate(sql, lits, values, st, func(alt string) (*pgdialect.Stmt, error) {
		return s.translate(ctx, alt)
	})
	kept := &shapeKept{stamp: stamp} // template nil: unfit
	if template == nil && sentValue(values) {
		return st, nil // not tried: a sent value was a sentinel; another text may keep the shape
	}
	if template != nil {
		bound, binds := bindShape(template, sentinels)
		if bound != nil && !s.boundChecksAgree(ctx, st.Exec, bound, binds, values) {
			bound, binds = nil, nil
		}
		kept = &shapeKept{stamp: stamp, template: template, sentinels: sentinels, bound: bound, binds: binds}
	}
	if s.shapes == nil {
		s.shapes = make(map[string]*shapeKept)
	}
	for old := range s.shapes {
		if len(s.shapes) < maxShapesKept {
			break
		}
		delete(s.shapes, old) // any one: map order is random
	}
	s.shapes[key] = kept
	return st, nil
}

// bindShape is template with its Exec texts' sentinels made parameters
// (pgdialect.BindLiterals), so that every text of the shape runs as one
// SQLite statement: compiled, checked and classified once, on the
// session's side, in the speculation and at apply, where a new text was
// compiled at each of them (the simple protocol's writes cost ~3x the
// prepared ones). Only for INSERT, UPDATE and DELETE without RETURNING
// and for a read whose result list holds no literal (the names and types
// of result columns are read from the text), without parameters of
// their own; nil otherwise, or when a sentinel stands anywhere but in an
// operand's place.
func bindShape(template *pgdialect.Stmt, sentinels []string) ([]string, []pgdialect.LiteralBind) {
	switch template.Tag {
	case "INSERT", "UPDATE", "DELETE":
	case "SELECT":
		// a read whose result columns the literals are not in
		// (pgbench's SELECT abalance ... WHERE aid = 56789)
		if !template.ReadOnly || len(template.Exec) != 1 || !pgdialect.ResultListFree(template.Exec[0], sentinels) {
			return nil, nil
		}
	default:
		return nil, nil
	}
	if template.Kind != pgdialect.KindQuery || template.ParamCount > 0 || template.Bound != nil || len(template.Exec) == 0 {
		return nil, nil
	}
	exec := make([]string, len(template.Exec))
	var binds []pgdialect.LiteralBind
	for i, x := range template.Exec {
		if pgdialect.MentionsFold(x, "RETURNING") {
			return nil, nil
		}
		b, bs, ok := pgdialect.BindLiterals(x, sentinels, binds)
		if !ok {
			return nil, nil
		}
		exec[i], binds = b, bs
	}
	if len(binds) == 0 {
		return nil, nil
	}
	return exec, binds
}

// boundChecksAgree reports whether the checks a compiled text is held to
// (compiledChecks) pass both sent, the texts as translated with their
// literals, and bound, the same texts with the literals as parameters:
// the checks read the SQLite text, where a parameter is no integer
// constant, so a shape is bound only where neither refuses (a refusal
// then comes from each text as it is, unbound). The checks read no value,
// only the texts' types and the schema the shape is kept for.
func (s *Session) boundChecksAgree(ctx context.Context, sent, bound []string, binds []pgdialect.LiteralBind, values []string) bool {
	if len(sent) != len(bound) {
		return false
	}
	if _, ok := bindValues(binds, values); !ok {
		return false
	}
	agree := false
	_ = s.e.db.withReader(ctx, func(c *lconn) error {
		for i := range sent {
			if compiledChecks(c, sent[i]) != nil || compiledChecks(c, bound[i]) != nil {
				return nil
			}
		}
		agree = true
		return nil
	})
	return agree
}

// bindValues are the parameters' values of a bound shape's text whose
// lifted literals are values.
func bindValues(binds []pgdialect.LiteralBind, values []string) ([]any, bool) {
	out := make([]any, len(binds))
	for i, b := range binds {
		v := values[b.Lit]
		switch {
		case b.Text && b.Neg:
			out[i] = "-" + v
		case b.Text:
			out[i] = v
		default:
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, false
			}
			out[i] = n
		}
	}
	return out, true
}

// shapeTemplate is the translation of sql's shape that translateShaped
// keeps, and its sentinels; nil when the shape's translation is not
// proven to carry its literals through (see the top of the file). st is
// sql's own translation; values are its lifted literals' texts.
func shapeTemplate(sql string, lits []pgdialect.ShapeLiteral, values []string, st *pgdialect.Stmt, translate func(string) (*pgdialect.Stmt, error)) (*pgdialect.Stmt, []string) {
	var template *pgdialect.Stmt
	var sentinels []string
	for _, fill := range []byte{'1', '9'} {
		sent := make([]string, len(lits))
		b := []byte(sql)
		for i, l := range lits {
			sent[i] = sentinel(fill, i, l.End-l.Start)
			if sent[i] == values[i] {
				return nil, nil // a sent value is a sentinel: not kept
			}
			copy(b[l.Start:], sent[i])
		}
		alt, err := translate(string(b))
		if err != nil {
			return nil, nil
		}
		filled, ok := fillShape(alt, sent, values)
		if !ok || !reflect.DeepEqual(filled, st) {
			return nil, nil
		}
		if template == nil {
			template, sentinels = alt, sent
		}
	}
	// An occurrence names its literal only when no two sentinels are
	// equal (past nine literals of one length they may be).
	if !distinct(sentinels) {
		return nil, nil
	}
	return template, sentinels
}

// sentValue reports whether one of a text's literal values is its own
// sentinel (shapeTemplate keeps no shape then, whatever the shape).
func sentValue(values []string) bool {
	for i, v := range values {
		if v == sentinel('1', i, len(v)) || v == sentinel('9', i, len(v)) {
			return true
		}
	}
	return false
}

// sentinel is the i-th lifted literal's stand-in of length n: fill
// repeated, its last digit telling the literals apart (1-9 up from 1s,
// down from 9s).
func sentinel(fill byte, i, n int) string {
	b := []byte(strings.Repeat(string(fill), n))
	if fill == '1' {
		b[n-1] = byte('1' + i%9)
	} else {
		b[n-1] = byte('9' - i%9)
	}
	return string(b)
}

// distinct reports that no two strings of ss are equal.
func distinct(ss []string) bool {
	seen := make(map[string]bool, len(ss))
	for _, s := range ss {
		if seen[s] {
			return false
		}
		seen[s] = true
	}
	return true
}

// fillShape is a deep copy of template with every occurrence of
// sentinels[i] in its strings replaced by values[i]; ok is false when
// template holds something it cannot copy.
func fillShape(template *pgdialect.Stmt, sentinels, values []string) (*pgdialect.Stmt, bool) {
	// longest first: the replacer tries its pairs in order, and a
	// shorter sentinel may begin a longer one (1111 and 11112)
	order := make([]int, len(sentinels))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(sentinels[order[a]]) > len(sentinels[order[b]]) })
	pairs := make([]string, 0, 2*len(sentinels))
	for _, i := range order {
		pairs = append(pairs, sentinels[i], values[i])
	}
	r := strings.NewReplacer(pairs...)
	out := reflect.New(reflect.TypeOf(*template)).Elem()
	if !copyReplacing(out, reflect.ValueOf(*template), r) {
		return nil, false
	}
	st := out.Addr().Interface().(*pgdialect.Stmt)
	return st, true
}

// copyReplacing copies src into dst (settable), replacing in strings.
func copyReplacing(dst, src reflect.Value, r *strings.Replacer) bool {
	switch src.Kind() {
	case reflect.String:
		dst.SetString(r.Replace(src.String()))
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		dst.Set(src)
	case reflect.Pointer:
		if src.IsNil() {
			return true
		}
		p := reflect.New(src.Type().Elem())
		if !copyReplacing(p.Elem(), src.Elem(), r) {
			return false
		}
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			return true
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			if !copyReplacing(s.Index(i), src.Index(i), r) {
				return false
			}
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return true
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			k := reflect.New(src.Type().Key()).Elem()
			v := reflect.New(src.Type().Elem()).Elem()
			if !copyReplacing(k, it.Key(), r) || !copyReplacing(v, it.Value(), r) {
				return false
			}
			m.SetMapIndex(k, v)
		}
		dst.Set(m)
	case reflect.Struct:
		for i := 0; i < src.NumField(); i++ {
			if !dst.Field(i).CanSet() {
				return false // an unexported field: not copied
			}
			if !copyReplacing(dst.Field(i), src.Field(i), r) {
				return false
			}
		}
	default:
		return false
	}
	return true
}
