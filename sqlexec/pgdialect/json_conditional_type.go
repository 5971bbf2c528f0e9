package pgdialect

// json_conditional_type.go: the type of greatest, least, coalesce and
// nullif over values the statement types, for a JSON argument.
//
// to_jsonb, jsonb_build_array and the other constructors write a value
// by its type (pg_json_typed); a conditional of numeric constants is
// numeric's exact text, which without a type became a JSON string:
// to_jsonb(greatest(1, 0.1)) was "1" where PostgreSQL's is the number 1,
// jsonb_agg(coalesce(1.5, 2)) ["1.5"] (the differential fuzz tester, seed
// 822179). PostgreSQL types the call by its arguments' common type
// (nullif by its first), which is what the JSON value is written as.

import "strings"

// conditionalCallType is the type of the call a..b-1 of greatest, least,
// coalesce or nullif when the statement shows every argument's type, 0
// otherwise.
func (x *tx) conditionalCallType(a, b int) uint32 {
	t := x.T(a)
	if t.typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.isP(a-1, ".") {
		return 0
	}
	name := strings.ToLower(t.text)
	switch name {
	case "greatest", "least", "coalesce", "nullif":
	default:
		return 0
	}
	args := x.splitTop(a+2, b-1)
	if name == "nullif" && len(args) == 2 {
		args = args[:1] // of its first argument's type
	}
	var brs []branch
	for _, arg := range args {
		br := x.classify(arg[0], arg[1])
		if br.kind == branchOpaque {
			return 0
		}
		brs = append(brs, br)
	}
	o, err := commonType(brs, strings.ToUpper(name))
	if err != nil {
		return 0
	}
	return o
}
