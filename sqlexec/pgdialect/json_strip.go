package pgdialect

// json_strip.go: jsonb_strip_nulls and json_strip_nulls, which drop every
// object field whose value is null, at any depth (nulls in arrays stay).
// jsonb's result is in jsonb's form; json's keeps its fields in their
// written order (duplicates included) without whitespace, as PostgreSQL's
// json_strip_nulls re-emits its input. Pure functions of their argument.

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"io"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

func fnJSONBStripNulls(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, null, err := jsonArgs(a, 1)
	if null || err != nil {
		return nil, err
	}
	return jsonbText(stripNulls(x)), nil
}

func stripNulls(x any) any {
	switch c := x.(type) {
	case map[string]any:
		for k, v := range c {
			if v == nil {
				delete(c, k)
				continue
			}
			c[k] = stripNulls(v)
		}
	case []any:
		for i, v := range c {
			c[i] = stripNulls(v)
		}
	}
	return x
}

// fnJSONStripNulls walks the json text's tokens: a field is written once
// its value is known not to be null.
func fnJSONStripNulls(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	if err := jsonEscapesError(a[0]); err != nil { // json_syntax.go
		return nil, err
	}
	s := str(a[0])
	if j, ok := jsonMarked(a[0]); ok {
		s = j
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var b bytes.Buffer
	type level struct {
		object, first, key bool // key: the next token is a field name
	}
	var stack []*level
	pendingKey := ""
	hasKey := false
	sep := func() {
		if len(stack) == 0 {
			return
		}
		l := stack[len(stack)-1]
		if !l.first {
			b.WriteByte(',')
		}
		l.first = false
		if hasKey {
			writeJSONString(&b, pendingKey)
			b.WriteByte(':')
			hasKey = false
		}
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, pgErr("22P02", "invalid input syntax for type json")
		}
		if len(stack) > 0 {
			l := stack[len(stack)-1]
			if l.object && l.key {
				if k, ok := tok.(string); ok {
					pendingKey, hasKey, l.key = k, true, false
					continue
				}
			}
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				sep()
				b.WriteByte(byte(t))
				stack = append(stack, &level{object: t == '{', first: true, key: t == '{'})
				continue
			default:
				b.WriteByte(byte(t))
				stack = stack[:len(stack)-1]
			}
		case nil:
			if hasKey { // a null field: dropped
				hasKey = false
			} else {
				sep()
				b.WriteString("null")
			}
		case string:
			sep()
			writeJSONString(&b, t)
		case json.Number:
			sep()
			b.WriteString(t.String())
		case bool:
			sep()
			if t {
				b.WriteString("true")
			} else {
				b.WriteString("false")
			}
		}
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].key = true
		}
	}
	return b.String(), nil
}

func init() {
	funcResultOIDs["jsonb_strip_nulls"] = pgoid.JSONB // strfuncs.go: result column types
	funcResultOIDs["json_strip_nulls"] = pgoid.JSON
}
