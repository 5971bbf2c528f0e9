package sqlexec

import (
	"context"
	"reflect"
	"sort"
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

// maxShapesKept bounds a session's kept shapes; past it they are all
// dropped.
const maxShapesKept = 64

// shapeKept is a shape's translation, made with sentinel values: every
// occurrence of sentinels[i] in it is the i-th lifted literal.
type shapeKept struct {
	stamp     prepareStamp
	template  *pgdialect.Stmt
	sentinels []string
}

// translateShaped is translate of sql, from a kept shape when one holds.
func (s *Session) translateShaped(ctx context.Context, sql string) (*pgdialect.Stmt, error) {
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
	if k := s.shapes[key]; k != nil && k.stamp == stamp {
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
	if template == nil {
		return st, nil
	}
	if s.shapes == nil || len(s.shapes) >= maxShapesKept {
		s.shapes = make(map[string]*shapeKept)
	}
	s.shapes[key] = &shapeKept{stamp: stamp, template: template, sentinels: sentinels}
	return st, nil
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
