package pgdialect

// json_object_keys(json): the keys of a json object in the order written,
// repeated keys included (PostgreSQL's json keeps its text; jsonb's
// jsonb_object_keys lists each key once in jsonb's order, jsonb.go).
// Translated like jsonb_object_keys: json_each over the JSON array
// pg_json_keys makes (array_translate.go srfSource).

import (
	"database/sql/driver"
	"encoding/json"
	"strings"

	sqlite "modernc.org/sqlite"
)

// fnJSONKeys is pg_json_keys(j): the top-level keys of the json object j
// as a JSON array, in text order.
func fnJSONKeys(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return jsonSetReturning(a, "[]", func(x any) (any, error) {
		switch x.(type) {
		case map[string]any:
		case []any:
			return nil, pgErr("22023", "cannot call json_object_keys on an array")
		default:
			return nil, pgErr("22023", "cannot call json_object_keys on a scalar")
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
		keys := []string{}
		depth := 0
		expectKey := false
		for {
			t, err := d.Token()
			if err != nil {
				break // the text was validated by jsonParse: the end
			}
			switch v := t.(type) {
			case json.Delim:
				switch v {
				case '{':
					depth++
					expectKey = depth == 1
					continue
				case '[':
					depth++
				case '}', ']':
					depth--
				}
			case string:
				if depth == 1 && expectKey {
					keys = append(keys, v)
					expectKey = false
					continue
				}
			}
			// a value ended at depth 1: the next string is a key
			expectKey = depth == 1
		}
		return keys, nil
	})
}
