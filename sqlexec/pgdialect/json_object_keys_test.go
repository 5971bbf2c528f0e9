package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
)

func TestJSONObjectKeysTextOrder(t *testing.T) {
	for _, c := range []struct {
		in   driver.Value
		want string
		code string
	}{
		{`{"b": 1, "a": {"x": [1, {"y": 2}]}, "b": "s", "c": null}`, `["b","a","b","c"]`, ""},
		{`{}`, `[]`, ""},
		{nil, `[]`, ""},
		{`[1, 2]`, "", "22023"},
		{`"s"`, "", "22023"},
		{int64(1), "", "22023"},
		{`{bad`, "", "22P02"},
	} {
		got, err := fnJSONKeys(nil, []driver.Value{c.in})
		if c.code != "" {
			// function errors carry their SQLSTATE in the text (pgErr)
			if err == nil || !strings.HasPrefix(err.Error(), ErrMarker+c.code+":") {
				t.Errorf("%v: got %v %v, want %s", c.in, got, err, c.code)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%v: got %v %v, want %s", c.in, got, err, c.want)
		}
	}
}
