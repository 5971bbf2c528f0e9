package pgdialect

// jsonpath_exec.go: the evaluation of a parsed jsonpath (jsonpath_parse.go)
// over a JSON value, following PostgreSQL 15's jsonpath_exec.c step by
// step, so results come in its order and its errors at its places: each
// item hands its results to the next accessor; lax mode unwraps arrays
// for the accessors, methods and operands that PostgreSQL unwraps, wraps
// a non-array for [...] and ignores structural errors (a missing key, an
// accessor of the wrong type, a subscript out of bounds); predicates
// are three-valued and turn the errors of their operands into unknown.
// Errors PostgreSQL raises through RETURN_ERROR are jpError: silent (and
// a predicate) suppresses them; the others (a missing variable) always
// raise. Pure: the result depends on the arguments only.

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// jpError is a jsonpath execution error that silent suppresses.
type jpError struct{ err error }

func (e *jpError) Error() string { return e.err.Error() }
func (e *jpError) Unwrap() error { return e.err }

func jpErrorf(code, format string, a ...any) error {
	return &jpError{pgErr(code, format, a...)}
}

// errJPFound stops an evaluation that only asks whether there is a result
// (jsonb_path_exists in lax mode, exists() in a lax predicate).
var errJPFound = errors.New("jsonpath: found")

type jpExec struct {
	strict    bool
	root      any
	vars      map[string]any
	current   any
	arraySize int   // for last: the size of the innermost array subscripted
	ignore    bool  // ignore structural errors (lax mode, inside .**)
	hard      error // an error a predicate met that no predicate suppresses
}

// jpCollector receives the results of an evaluation.
type jpCollector struct {
	items     []any
	stopFirst bool
}

func (c *jpCollector) add(v any) error {
	c.items = append(c.items, v)
	if c.stopFirst {
		return errJPFound
	}
	return nil
}

// jsonPathRun evaluates p over target with vars (nil: none) and returns
// its items; silent suppresses the jpErrors (the items found before one
// stay, as in PostgreSQL); first stops at the first item in lax mode.
func jsonPathRun(p *jsonPath, target any, vars map[string]any, silent, first bool) ([]any, error) {
	cx := &jpExec{strict: p.strict, root: target, vars: vars, current: target, arraySize: -1, ignore: !p.strict}
	c := &jpCollector{stopFirst: first && !p.strict}
	err := cx.item(p.root, target, c)
	if cx.hard != nil {
		return nil, cx.hard
	}
	if errors.Is(err, errJPFound) {
		err = nil
	}
	var je *jpError
	if err != nil && silent && errors.As(err, &je) {
		err = nil
	}
	return c.items, err
}

// fail is PostgreSQL's RETURN_ERROR: an error to raise or to suppress.
func (cx *jpExec) fail(code, format string, a ...any) error {
	return jpErrorf(code, format, a...)
}

// nextItem hands v to n's next accessor, or to the results.
func (cx *jpExec) nextItem(n *jpNode, v any, c *jpCollector) error {
	if n.next == nil {
		return c.add(v)
	}
	return cx.item(n.next, v, c)
}

// item evaluates n (and its accessor chain) on v.
func (cx *jpExec) item(n *jpNode, v any, c *jpCollector) error {
	return cx.itemUnwrap(n, v, c, !cx.strict)
}

// unwrapArray applies n to each element of the array v (no further
// unwrapping), as executeItemUnwrapTargetArray.
func (cx *jpExec) unwrapArray(n *jpNode, arr []any, c *jpCollector) error {
	for _, e := range arr {
		if err := cx.itemUnwrap(n, e, c, false); err != nil {
			return err
		}
	}
	return nil
}

func (cx *jpExec) itemUnwrap(n *jpNode, v any, c *jpCollector, unwrap bool) error {
	switch n.kind {
	case jpRoot:
		return cx.nextItem(n, cx.root, c)
	case jpCurrent:
		return cx.nextItem(n, cx.current, c)
	case jpLit:
		return cx.nextItem(n, n.val, c)
	case jpVar:
		val, ok := cx.vars[n.name]
		if !ok {
			return pgErr("42704", "could not find jsonpath variable \"%s\"", n.name)
		}
		return cx.nextItem(n, val, c)
	case jpLast:
		if cx.arraySize < 0 {
			return pgErr("42601", "evaluating jsonpath LAST outside of array subscript")
		}
		return cx.nextItem(n, json.Number(strconv.Itoa(cx.arraySize-1)), c)
	case jpKey:
		switch o := v.(type) {
		case map[string]any:
			if e, ok := o[n.name]; ok {
				return cx.nextItem(n, e, c)
			}
			if !cx.ignore {
				return cx.fail("2203A", "JSON object does not contain key \"%s\"", n.name)
			}
			return nil
		case []any:
			if unwrap {
				return cx.unwrapArray(n, o, c)
			}
		}
		if !cx.ignore {
			return cx.fail("2203A", "jsonpath member accessor can only be applied to an object")
		}
		return nil
	case jpAnyKey:
		switch o := v.(type) {
		case map[string]any:
			for _, k := range jsonbKeys(o) {
				if err := cx.nextUnwrap(n, o[k], c, !cx.strict); err != nil {
					return err
				}
			}
			return nil
		case []any:
			if unwrap {
				return cx.unwrapArray(n, o, c)
			}
		}
		if !cx.ignore {
			return cx.fail("2203C", "jsonpath wildcard member accessor can only be applied to an object")
		}
		return nil
	case jpAnyArray:
		if arr, ok := v.([]any); ok {
			for _, e := range arr {
				if err := cx.nextUnwrap(n, e, c, !cx.strict); err != nil {
					return err
				}
			}
			return nil
		}
		if !cx.strict {
			return cx.nextItem(n, v, c)
		}
		if !cx.ignore {
			return cx.fail("22039", "jsonpath wildcard array accessor can only be applied to an array")
		}
		return nil
	case jpIndex:
		return cx.subscripts(n, v, c)
	case jpAny:
		if n.first == 0 {
			saved := cx.ignore
			cx.ignore = true
			err := cx.nextItem(n, v, c)
			cx.ignore = saved
			if err != nil {
				return err
			}
		}
		if isContainer(v) {
			return cx.anyItem(n, v, c, 1)
		}
		return nil
	case jpFilter:
		if arr, ok := v.([]any); ok && unwrap {
			return cx.unwrapArray(n, arr, c)
		}
		if b := cx.nestedBool(n.left, v); cx.hard != nil || b != jpTrue {
			return cx.hard
		}
		return cx.nextItem(n, v, c)
	case jpMethod:
		return cx.method(n, v, c, unwrap)
	case jpArith:
		return cx.arith(n, v, c)
	case jpUnary:
		return cx.unaryArith(n, v, c)
	default: // a predicate as an item: true, false or null (unknown)
		var r any
		b := cx.boolItem(n, v)
		if cx.hard != nil {
			return cx.hard
		}
		switch b {
		case jpTrue:
			r = true
		case jpFalse:
			r = false
		}
		return cx.nextItem(n, r, c)
	}
}

// nextUnwrap hands v to n's next accessor with the given unwrapping (the
// elements .* and [*] produce, executeAnyItem's unwrapNext).
func (cx *jpExec) nextUnwrap(n *jpNode, v any, c *jpCollector, unwrap bool) error {
	if n.next == nil {
		return c.add(v)
	}
	return cx.itemUnwrap(n.next, v, c, unwrap)
}

func isContainer(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

// children are a container's values in jsonb's storage order.
func children(v any) []any {
	switch o := v.(type) {
	case map[string]any:
		out := make([]any, 0, len(o))
		for _, k := range jsonbKeys(o) {
			out = append(out, o[k])
		}
		return out
	case []any:
		return o
	}
	return nil
}

// anyItem is executeAnyItem for .**: the values at levels first..last,
// depth first, structural errors of the next accessors ignored.
func (cx *jpExec) anyItem(n *jpNode, v any, c *jpCollector, level uint32) error {
	if level > n.last {
		return nil
	}
	for _, e := range children(v) {
		if level >= n.first || n.first == jpAnyLast && n.last == jpAnyLast && !isContainer(e) {
			saved := cx.ignore
			cx.ignore = true
			err := cx.nextUnwrap(n, e, c, !cx.strict)
			cx.ignore = saved
			if err != nil {
				return err
			}
		}
		if level < n.last && isContainer(e) {
			if err := cx.anyItem(n, e, c, level+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// subscripts is [i, j to k, ...]: a non-array is a one-element array in
// lax mode.
func (cx *jpExec) subscripts(n *jpNode, v any, c *jpCollector) error {
	arr, isArr := v.([]any)
	if !isArr && cx.strict {
		if !cx.ignore {
			return cx.fail("22039", "jsonpath array accessor can only be applied to an array")
		}
		return nil
	}
	size := len(arr)
	if !isArr {
		size = 1
	}
	saved := cx.arraySize
	cx.arraySize = size
	defer func() { cx.arraySize = saved }()
	for _, s := range n.subs {
		from, err := cx.arrayIndex(s[0], v)
		if err != nil {
			return err
		}
		to := from
		if s[1] != nil {
			if to, err = cx.arrayIndex(s[1], v); err != nil {
				return err
			}
		}
		if !cx.ignore && (from < 0 || from > to || to >= int64(size)) {
			return cx.fail("22033", "jsonpath array subscript is out of bounds")
		}
		if from < 0 {
			from = 0
		}
		if to >= int64(size) {
			to = int64(size) - 1
		}
		for i := from; i <= to; i++ {
			e := v
			if isArr {
				e = arr[i]
			}
			if err := cx.nextItem(n, e, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// arrayIndex evaluates a subscript: one number, truncated to an integer.
func (cx *jpExec) arrayIndex(n *jpNode, v any) (int64, error) {
	c := &jpCollector{}
	if err := cx.item(n, v, c); err != nil {
		return 0, err
	}
	num, ok := jpNumber(c.items)
	if !ok {
		return 0, cx.fail("22033", "jsonpath array subscript is not a single numeric value")
	}
	d, _ := parseDecimal(string(num))
	d.rescale(0, true)
	if !d.coef.IsInt64() || d.coef.Int64() > math.MaxInt32 || d.coef.Int64() < math.MinInt32 {
		return 0, cx.fail("22033", "jsonpath array subscript is out of integer range")
	}
	return d.coef.Int64(), nil
}

// jpNumber is the one number of items.
func jpNumber(items []any) (json.Number, bool) {
	if len(items) != 1 {
		return "", false
	}
	n, ok := items[0].(json.Number)
	return n, ok
}

// results evaluates n on v, unwrapping arrays among the results in lax
// mode (executeItemOptUnwrapResult with unwrap).
func (cx *jpExec) results(n *jpNode, v any) ([]any, error) {
	c := &jpCollector{}
	if err := cx.item(n, v, c); err != nil {
		return nil, err
	}
	if cx.strict {
		return c.items, nil
	}
	var out []any
	for _, it := range c.items {
		if arr, ok := it.([]any); ok {
			out = append(out, arr...)
		} else {
			out = append(out, it)
		}
	}
	return out, nil
}

func (cx *jpExec) arith(n *jpNode, v any, c *jpCollector) error {
	l, err := cx.results(n.left, v)
	if err != nil {
		return err
	}
	r, err := cx.results(n.right, v)
	if err != nil {
		return err
	}
	ln, ok := jpNumber(l)
	if !ok {
		return cx.fail("22038", "left operand of jsonpath operator %s is not a single numeric value", n.op)
	}
	rn, ok := jpNumber(r)
	if !ok {
		return cx.fail("22038", "right operand of jsonpath operator %s is not a single numeric value", n.op)
	}
	x, _ := parseDecimal(string(ln))
	y, _ := parseDecimal(string(rn))
	res, err := decArith(n.op[0], x, y) // arith_funcs.go
	if err != nil {
		return &jpError{err}
	}
	return cx.nextItem(n, json.Number(str(res)), c)
}

func (cx *jpExec) unaryArith(n *jpNode, v any, c *jpCollector) error {
	items, err := cx.results(n.left, v)
	if err != nil {
		return err
	}
	for _, it := range items {
		num, ok := it.(json.Number)
		if !ok {
			return cx.fail("2203B", "operand of unary jsonpath operator %s is not a numeric value", n.op)
		}
		if n.op == "-" {
			d, _ := parseDecimal(string(num))
			d.neg()
			num = json.Number(d.String())
		}
		if err := cx.nextItem(n, num, c); err != nil {
			return err
		}
	}
	return nil
}

// method is an item method on v.
func (cx *jpExec) method(n *jpNode, v any, c *jpCollector, unwrap bool) error {
	arr, isArr := v.([]any)
	switch n.op {
	case "type":
		return cx.nextItem(n, jsonTypeName(v), c)
	case "size":
		if isArr {
			return cx.nextItem(n, json.Number(strconv.Itoa(len(arr))), c)
		}
		if cx.strict {
			if !cx.ignore {
				return cx.fail("22039", "jsonpath item method .size() can only be applied to an array")
			}
			return nil
		}
		return cx.nextItem(n, json.Number("1"), c)
	}
	if isArr && unwrap {
		return cx.unwrapArray(n, arr, c)
	}
	switch n.op {
	case "keyvalue":
		return cx.keyvalue(n, v, c)
	case "double":
		switch x := v.(type) {
		case json.Number:
			f, err := strconv.ParseFloat(string(x), 64)
			if err != nil || math.IsInf(f, 0) {
				return cx.fail("22036", "numeric argument of jsonpath item method .double() is out of range for type double precision")
			}
			return cx.nextItem(n, x, c)
		case string:
			f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
			if err != nil && !errors.Is(err, strconv.ErrRange) || math.IsInf(f, 0) || math.IsNaN(f) || !jpFloatText(x) {
				return cx.fail("22036", "string argument of jsonpath item method .double() is not a valid representation of a double precision number")
			}
			if errors.Is(err, strconv.ErrRange) {
				return cx.fail("22036", "string argument of jsonpath item method .double() is not a valid representation of a double precision number")
			}
			// float8_numeric: DBL_DIG significant digits
			d, ok := parseDecimal(strconv.FormatFloat(f, 'g', 15, 64))
			if !ok {
				return cx.fail("22036", "string argument of jsonpath item method .double() is not a valid representation of a double precision number")
			}
			return cx.nextItem(n, json.Number(d.String()), c)
		}
		return cx.fail("22036", "jsonpath item method .double() can only be applied to a string or numeric value")
	}
	num, ok := v.(json.Number)
	if !ok {
		return cx.fail("22036", "jsonpath item method .%s() can only be applied to a numeric value", n.op)
	}
	var f fn
	switch n.op {
	case "abs":
		f = fnNumAbs
	case "floor":
		f = numCeilFloor(false)
	case "ceiling":
		f = numCeilFloor(true)
	}
	r, err := f(nil, []driver.Value{string(num)}) // numeric_funcs.go
	if err != nil {
		return &jpError{err}
	}
	return cx.nextItem(n, json.Number(str(r)), c)
}

// jpFloatText reports whether s is float8in's text of a finite number
// (ParseFloat also takes hex floats, underscores and "inf").
func jpFloatText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789.eE+-", r) {
			return false
		}
	}
	return true
}

// keyvalue is .keyvalue() of the root object: PostgreSQL's id is the
// byte offset of the object inside its jsonb document (0 for the root),
// which a parsed value does not keep, so the method is refused on any
// other object rather than answered with another id.
func (cx *jpExec) keyvalue(n *jpNode, v any, c *jpCollector) error {
	o, ok := v.(map[string]any)
	if !ok {
		return cx.fail("2203C", "jsonpath item method .keyvalue() can only be applied to an object")
	}
	if root, ok := cx.root.(map[string]any); !ok || reflect.ValueOf(root).Pointer() != reflect.ValueOf(o).Pointer() {
		return pgErr("0A000", "jsonpath item method .keyvalue() is only supported on the whole document ($.keyvalue()), not on a nested object")
	}
	for _, k := range jsonbKeys(o) {
		kv := map[string]any{"id": json.Number("0"), "key": k, "value": o[k]}
		if err := cx.nextItem(n, kv, c); err != nil {
			return err
		}
	}
	return nil
}

type jpBool int

const (
	jpFalse jpBool = iota
	jpTrue
	jpUnknown
)

// nestedBool evaluates a filter's predicate with @ as v.
func (cx *jpExec) nestedBool(n *jpNode, v any) jpBool {
	saved := cx.current
	cx.current = v
	defer func() { cx.current = saved }()
	return cx.boolItem(n, v)
}

// boolItem evaluates a predicate.
func (cx *jpExec) boolItem(n *jpNode, v any) jpBool {
	switch n.kind {
	case jpAnd:
		l := cx.boolItem(n.left, v)
		if l == jpFalse {
			return jpFalse
		}
		r := cx.boolItem(n.right, v)
		if r == jpTrue {
			return l
		}
		return r
	case jpOr:
		l := cx.boolItem(n.left, v)
		if l == jpTrue {
			return jpTrue
		}
		r := cx.boolItem(n.right, v)
		if r == jpFalse {
			return l
		}
		return r
	case jpNot:
		switch cx.boolItem(n.left, v) {
		case jpTrue:
			return jpFalse
		case jpFalse:
			return jpTrue
		}
		return jpUnknown
	case jpIsUnknown:
		if cx.boolItem(n.left, v) == jpUnknown {
			return jpTrue
		}
		return jpFalse
	case jpExists:
		c := &jpCollector{stopFirst: !cx.strict}
		if err := cx.item(n.left, v, c); cx.suppressed(err) {
			return jpUnknown
		}
		if len(c.items) > 0 {
			return jpTrue
		}
		return jpFalse
	case jpCmp:
		return cx.predicate(n.left, n.right, v, true, func(l, r any) jpBool { return jpCompare(n.op, l, r) })
	case jpLikeRegex:
		return cx.predicate(n.left, nil, v, false, func(l, _ any) jpBool {
			s, ok := l.(string)
			if !ok {
				return jpUnknown
			}
			m, err := n.re.matches("like_regex", s, false)
			if err != nil {
				return jpUnknown
			}
			if len(m) > 0 {
				return jpTrue
			}
			return jpFalse
		})
	case jpStartsWith:
		return cx.predicate(n.left, n.right, v, false, func(l, r any) jpBool {
			s, ok1 := l.(string)
			p, ok2 := r.(string)
			if !ok1 || !ok2 {
				return jpUnknown
			}
			if strings.HasPrefix(s, p) {
				return jpTrue
			}
			return jpFalse
		})
	}
	return jpUnknown
}

// suppressed reports whether a predicate's operand failed (unknown); an
// error no predicate suppresses (a missing variable) is kept in cx.hard
// to be raised.
func (cx *jpExec) suppressed(err error) bool {
	if err == nil || errors.Is(err, errJPFound) {
		return false
	}
	var je *jpError
	if !errors.As(err, &je) && cx.hard == nil {
		cx.hard = err
	}
	return true
}

// predicate is executePredicate: every pair of the left items (unwrapped
// in lax mode) and the right ones (unwrapped when unwrapRight), true as
// soon as one pair is in lax mode, unknown as soon as one is in strict.
func (cx *jpExec) predicate(left, right *jpNode, v any, unwrapRight bool, exec func(l, r any) jpBool) jpBool {
	ls, err := cx.results(left, v)
	if cx.suppressed(err) {
		return jpUnknown
	}
	var rs []any
	if right != nil {
		if unwrapRight {
			rs, err = cx.results(right, v)
		} else {
			c := &jpCollector{}
			err = cx.item(right, v, c)
			rs = c.items
		}
		if cx.suppressed(err) {
			return jpUnknown
		}
	} else {
		rs = []any{nil}
	}
	errSeen, found := false, false
	for _, l := range ls {
		for _, r := range rs {
			switch exec(l, r) {
			case jpUnknown:
				if cx.strict {
					return jpUnknown
				}
				errSeen = true
			case jpTrue:
				if !cx.strict {
					return jpTrue
				}
				found = true
			}
		}
	}
	if found {
		return jpTrue
	}
	if errSeen {
		return jpUnknown
	}
	return jpFalse
}

// jpCompare is compareItems: scalars of one type compare, null equals
// null and differs from anything else, other mixes are unknown.
func jpCompare(op string, a, b any) jpBool {
	if isContainer(a) || isContainer(b) {
		return jpUnknown
	}
	if jsonTypeName(a) != jsonTypeName(b) {
		if a == nil || b == nil {
			return jpBoolOf(op == "!=")
		}
		return jpUnknown
	}
	cmp := 0
	switch x := a.(type) {
	case bool:
		y := b.(bool)
		switch {
		case x == y:
		case x:
			cmp = 1
		default:
			cmp = -1
		}
	case json.Number:
		dx, _ := parseDecimal(string(x))
		dy, _ := parseDecimal(string(b.(json.Number)))
		cmp = dx.cmp(&dy)
	case string:
		cmp = strings.Compare(x, b.(string)) // code point order, as UTF-8 bytes
	}
	switch op {
	case "==":
		return jpBoolOf(cmp == 0)
	case "!=":
		return jpBoolOf(cmp != 0)
	case "<":
		return jpBoolOf(cmp < 0)
	case "<=":
		return jpBoolOf(cmp <= 0)
	case ">":
		return jpBoolOf(cmp > 0)
	}
	return jpBoolOf(cmp >= 0)
}

func jpBoolOf(b bool) jpBool {
	if b {
		return jpTrue
	}
	return jpFalse
}
