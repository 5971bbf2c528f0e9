package pgdialect

import "testing"

// TestColumnsOpResult: the run-time type of an operator between two
// columns whose declared types name a range or a bit string (PostgreSQL
// 15's operators; 42883 for the pairs it has none for).
func TestColumnsOpResult(t *testing.T) {
	cases := []struct {
		op, l, r string
		ok       bool
		res, err string
	}{
		{"+", "int4", "int4", false, "", ""},
		{"<<", "int4range", "int4range", true, "int4range", ""},
		{"*", "daterange", "daterange", true, "daterange", ""},
		{"+", "int4range", "int8range", true, "", "operator does not exist: int4range + int8range"},
		{"-", "int4", "numrange", true, "", "operator does not exist: integer - numrange"},
		{"<<", "bit", "int4", true, "", ""},
		{">>", "varbit", "int2", true, "", ""},
		{"<<", "bit", "varbit", true, "", "operator does not exist: bit << bit varying"},
		{"<<", "int4", "bit", true, "", "operator does not exist: integer << bit"},
		{"+", "bit", "bit", true, "", "operator does not exist: bit + bit"},
		{"+", "int4range", "", true, "", ""}, // a text column: the values decide
	}
	for _, c := range cases {
		res, ok, err := columnsOpResult(c.op, c.l, c.r)
		msg := ""
		if err != nil {
			_, msg, _ = ParseSQLStateError(err.Error())
		}
		if ok != c.ok || res != c.res || msg != c.err {
			t.Errorf("columnsOpResult(%q, %q, %q) = %q, %v, %q; want %q, %v, %q", c.op, c.l, c.r, res, ok, msg, c.res, c.ok, c.err)
		}
	}
}
