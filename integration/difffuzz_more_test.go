package integration

// The everyday constructs neither difffuzz_gen_test.go nor
// difffuzz_shapes_test.go writes: CASE and coalesce over numbers of
// different types (their common type), casts from text to numbers and
// back, integer division and modulo of negative numbers, rounding of
// floats and numerics, bitwise operators, string functions (format,
// quote_*, chr, to_hex, substring's forms, string_to_array), the jsonb
// operators and builders (#>, #>>, -, ||, ?|, ?&, jsonb_typeof,
// jsonb_array_length, jsonb_build_object, to_jsonb), array functions,
// and aggregates over them (bit_and, jsonb_agg, sum(DISTINCT ...)).
// Every seed runs one such query beside its others, seeded apart
// (fuzzMoreSalt), so a seed's other queries stay what they were.

import (
	"fmt"
	"strings"
)

// fuzzMoreSalt seeds a seed's query of these constructs apart.
const fuzzMoreSalt = 0x4d4f5245 // "MORE"

// moreQuery is one random query whose expressions also take moreExpr's
// forms.
func (g *fuzzGen) moreQuery() string {
	g.alias = "a"
	g.more = true
	switch g.n(6) {
	case 0:
		return g.moreGroupQuery()
	case 1:
		return g.setOpQuery()
	default:
		return g.plainQuery()
	}
}

// moreExpr is an expression of type ty of the forms above, or "" where
// there is none of ty.
func (g *fuzzGen) moreExpr(ty fuzzType, d int) string {
	switch ty {
	case ftInt:
		switch g.n(11) {
		case 0:
			return fmt.Sprintf("(%s)::%s", pick(g, "'42'", "' -7 '", "'+3'", "'2147483648'", "'1.5'", "'0x1F'", "''"), pick(g, "int2", "int4", "int8"))
		case 1:
			return fmt.Sprintf("(%s %s %s)", g.expr(ftInt, d), pick(g, "/", "%"), pick(g, "-2", "3", "-7", "(-1)"))
		case 2:
			return fmt.Sprintf("(%s %s %s)", g.expr(ftInt, d), pick(g, "&", "|", "#", "<<", ">>"), pick(g, "1", "3", "-1", "2"))
		case 3:
			// "~ " apart: ~-1 is PostgreSQL's operator ~- (42883), a
			// lexer difference reported apart, not what this tests
			return fmt.Sprintf("(~ %s)", g.expr(ftInt, d))
		case 4:
			return fmt.Sprintf("jsonb_array_length(%s)", pick(g, g.col(ftJSONB), fmt.Sprintf("(%s -> 'b')", g.col(ftJSONB)), `'[1, 2, [3]]'::jsonb`))
		case 5:
			return fmt.Sprintf("CASE WHEN %s THEN %s ELSE %s END", g.expr(ftBool, d), g.expr(ftInt, d), g.col(ftInt))
		case 6:
			return fmt.Sprintf("coalesce(%s, %s, 0)", g.col(ftInt), g.col(ftInt))
		case 7:
			return fmt.Sprintf("array_position(%s, %s)", g.col(ftIntArray), pick(g, "1", "3", "NULL::int4"))
		case 8:
			return fmt.Sprintf("((%s ->> %s))::int4", g.col(ftJSONB), pick(g, "'a'", "0"))
		case 9:
			return fmt.Sprintf("round(%s)::int4", g.expr(ftFloat, d))
		default:
			return fmt.Sprintf("(%s)::int4", g.expr(ftText, d))
		}
	case ftNumeric:
		switch g.n(10) {
		case 0:
			return fmt.Sprintf("CASE WHEN %s THEN %s ELSE %s END", g.expr(ftBool, d), g.expr(ftInt, d), g.expr(ftNumeric, d))
		case 1:
			return fmt.Sprintf("coalesce(%s, %s)", g.expr(ftInt, d), g.expr(ftNumeric, d))
		case 2:
			return fmt.Sprintf("(%s)::numeric", pick(g, "'1.50'", "' 2.5e1 '", "'NaN'", "'-0.0'", "'abc'", "'1e-3'"))
		case 3:
			return fmt.Sprintf("round(%s, %d)", g.expr(pick(g, ftNumeric, ftInt), d), g.n(5)-2)
		case 4:
			return fmt.Sprintf("round((%s)::numeric, %d)", g.expr(ftFloat, d), g.n(3))
		case 5:
			return fmt.Sprintf("(%s %% %s)", g.expr(ftNumeric, d), pick(g, "-2", "1.5", "(-0.3)"))
		case 6:
			return fmt.Sprintf("(%s)::numeric(%s)", g.expr(pick(g, ftNumeric, ftFloat, ftInt), d), pick(g, "6,3", "4,0", "3,1"))
		case 7:
			return fmt.Sprintf("((%s ->> %s))::numeric", g.col(ftJSONB), pick(g, "'a'", "2", "'b'"))
		case 8:
			return fmt.Sprintf("greatest(%s, %s)", g.expr(ftInt, d), g.expr(ftNumeric, d))
		default:
			return fmt.Sprintf("(%s)::numeric", g.expr(ftText, d))
		}
	case ftFloat:
		switch g.n(7) {
		case 0:
			return fmt.Sprintf("CASE WHEN %s THEN %s ELSE %s END", g.expr(ftBool, d), g.expr(pick(g, ftInt, ftNumeric), d), g.expr(ftFloat, d))
		case 1:
			return fmt.Sprintf("(%s)::float8", pick(g, "'1e-5'", "'inf'", "'-0'", "' 3.25 '", "'x'", "'1e400'"))
		case 2:
			return fmt.Sprintf("round(%s)", g.expr(ftFloat, d))
		case 3:
			return fmt.Sprintf("coalesce(%s, %s)", g.expr(ftFloat, d), g.expr(pick(g, ftInt, ftNumeric), d))
		case 4:
			return fmt.Sprintf("power(%s, %s)", g.expr(ftFloat, d), pick(g, "2", "0.5", "-1"))
		case 5:
			return fmt.Sprintf("(%s)::real", g.expr(pick(g, ftFloat, ftNumeric), d))
		default:
			return fmt.Sprintf("(%s)::float8", g.expr(ftText, d))
		}
	case ftText:
		switch g.n(16) {
		case 0:
			return fmt.Sprintf("format(%s, %s, %s)", pick(g, "'%s|%s'", "'%L-%s'", "'%I:%s'", "'[%2$s %1$s]'"), g.expr(pick(g, ftText, ftInt, ftNumeric), d), g.expr(pick(g, ftText, ftBool, ftFloat), d))
		case 1:
			return fmt.Sprintf("%s(%s)", pick(g, "quote_literal", "quote_ident", "quote_nullable"), g.expr(ftText, d))
		case 2:
			return fmt.Sprintf("chr(%d)", pick(g, 65, 97, 233, 8364, 48))
		case 3:
			return fmt.Sprintf("to_hex(%s)", g.expr(ftInt, d))
		case 4:
			return fmt.Sprintf("substring(%s from %d for %d)", g.expr(ftText, d), g.n(4), g.n(4))
		case 5:
			return fmt.Sprintf("substring(%s from %s)", g.expr(ftText, d), pick(g, "'l+'", "'[0-9]+'", "'^(.)'", "'b(.)'"))
		case 6:
			return fmt.Sprintf("(%s #>> %s)", g.col(ftJSONB), pick(g, "'{b,0}'", "'{a}'", "'{}'", "'{1}'"))
		case 7:
			return fmt.Sprintf("jsonb_typeof(%s)", pick(g, g.col(ftJSONB), fmt.Sprintf("(%s -> 'a')", g.col(ftJSONB))))
		case 8:
			return fmt.Sprintf("CASE WHEN %s THEN %s ELSE %s END", g.expr(ftBool, d), g.col(ftText), g.expr(pick(g, ftText, ftText, ftInt), d))
		case 9:
			return fmt.Sprintf("(%s)::text", g.expr(pick(g, ftNumeric, ftFloat, ftJSONB, ftTextArray, ftBool), d))
		case 10:
			return fmt.Sprintf("to_char(%s, %s)", g.expr(pick(g, ftInt, ftNumeric, ftFloat), d), pick(g, "'FM999G999D00'", "'9.99EEEE'", "'MI999'", "'999PR'", "'RN'", "'FM0000'", "'PL99.9'"))
		case 11:
			return fmt.Sprintf("array_to_string(%s, %s, '*')", g.expr(pick(g, ftTextArray, ftIntArray), d), pick(g, "','", "''"))
		case 12:
			return fmt.Sprintf("(%s || %s)", g.expr(ftText, d), g.expr(pick(g, ftBool, ftFloat, ftDate, ftInterval), d))
		case 13:
			return fmt.Sprintf("trim(%s %s from %s)", pick(g, "leading", "trailing", "both"), pick(g, "'a'", "'lo'", "' '"), g.expr(ftText, d))
		case 14:
			return fmt.Sprintf("nullif(%s, '')", g.expr(ftText, d))
		default:
			return fmt.Sprintf("(%s)::varchar(%d)", g.expr(pick(g, ftInt, ftNumeric, ftText), d), 1+g.n(4))
		}
	case ftBool:
		switch g.n(9) {
		case 0:
			return fmt.Sprintf("(%s %s %s)", g.col(ftJSONB), pick(g, "?|", "?&"), pick(g, "ARRAY['a', 'c']", "ARRAY['b']", "'{}'::text[]"))
		case 1:
			return fmt.Sprintf("(%s %s %s)", g.col(ftJSONB), pick(g, "@>", "<@", "="), g.lit(ftJSONB))
		case 2:
			return fmt.Sprintf("(%s SIMILAR TO %s)", g.expr(ftText, d), pick(g, "'%b%'", "'(a|H)%'", "'[a-c]+'"))
		case 3:
			return fmt.Sprintf("isfinite(%s)", g.expr(pick(g, ftDate, ftTimestamp), d))
		case 4:
			return fmt.Sprintf("((%s)::text %s %s)", g.expr(pick(g, ftInt, ftNumeric, ftFloat), d), pick(g, "=", "<", ">="), pick(g, "'0'", "'1.5'", "'100'"))
		case 5:
			return fmt.Sprintf("((%s & 1) = %s)", g.expr(ftInt, d), pick(g, "0", "1"))
		case 6:
			return fmt.Sprintf("(%s)::bool", pick(g, "'yes'", "'f'", "' t '", "'on'", "'0'", "'maybe'"))
		case 7:
			return fmt.Sprintf("(%s %s %s)", g.expr(pick(g, ftInt, ftNumeric), d), pick(g, "=", "<", ">"), g.expr(pick(g, ftFloat, ftNumeric, ftInt), d))
		default:
			return fmt.Sprintf("(%s = %s)", g.col(ftTextArray), g.lit(ftTextArray))
		}
	case ftJSONB:
		switch g.n(8) {
		case 0:
			return fmt.Sprintf("(%s #> %s)", g.col(ftJSONB), pick(g, "'{b}'", "'{b,1}'", "'{a}'", "'{0}'"))
		case 1:
			return fmt.Sprintf("(%s - %s)", g.col(ftJSONB), pick(g, "'a'", "'b'", "0", "-1"))
		case 2:
			return fmt.Sprintf("(%s || %s)", g.col(ftJSONB), g.lit(ftJSONB))
		case 3:
			return fmt.Sprintf("jsonb_build_object('k', %s, 'v', %s)", g.expr(pick(g, ftInt, ftText, ftNumeric), d), g.expr(pick(g, ftBool, ftFloat, ftDate), d))
		case 4:
			return fmt.Sprintf("to_jsonb(%s)", g.expr(pick(g, ftInt, ftText, ftNumeric, ftBool, ftIntArray, ftTimestamp), d))
		case 5:
			return fmt.Sprintf("jsonb_build_array(%s, %s)", g.expr(pick(g, ftInt, ftText), d), g.expr(pick(g, ftNumeric, ftFloat, ftBool), d))
		case 6:
			return fmt.Sprintf("jsonb_strip_nulls(%s)", g.col(ftJSONB))
		default:
			return fmt.Sprintf("(%s -> %s -> %s)", g.col(ftJSONB), pick(g, "'b'", "'a'"), pick(g, "0", "'x'", "-1"))
		}
	case ftIntArray:
		switch g.n(4) {
		case 0:
			return fmt.Sprintf("array_remove(%s, %s)", g.col(ftIntArray), pick(g, "3", "NULL::int4", "1"))
		case 1:
			return fmt.Sprintf("array_prepend(%s, %s)", pick(g, "0", "NULL::int4", "7"), g.col(ftIntArray))
		case 2:
			return fmt.Sprintf("string_to_array(%s, ',')::int4[]", pick(g, "'1,2,3'", "'4'", "''", "'1,,2'"))
		default:
			return fmt.Sprintf("%s[%d:%d]", g.col(ftIntArray), 1+g.n(2), 1+g.n(3))
		}
	case ftTextArray:
		switch g.n(3) {
		case 0:
			return fmt.Sprintf("string_to_array(%s, %s)", g.expr(ftText, d), pick(g, "'l'", "' '", "''", "NULL"))
		case 1:
			return fmt.Sprintf("regexp_split_to_array(%s, %s)", g.expr(ftText, d), pick(g, "'l+'", "'\\s'", "''"))
		default:
			return fmt.Sprintf("array_remove(%s, %s)", g.col(ftTextArray), pick(g, "'a'", "NULL", "''"))
		}
	case ftInterval:
		switch g.n(3) {
		case 0:
			return fmt.Sprintf("(%s / %s)", g.expr(ftInterval, d), pick(g, "2", "3", "0.5", "-4"))
		case 1:
			return fmt.Sprintf("make_interval(days => %s)", g.expr(ftInt, d))
		default:
			return fmt.Sprintf("(-%s)", g.expr(ftInterval, d))
		}
	case ftDate:
		switch g.n(2) {
		case 0:
			return fmt.Sprintf("to_date(%s, 'YYYY-MM-DD')", pick(g, "'2024-03-01'", "'2023-02-29'", "'1999-12-31'"))
		default:
			return fmt.Sprintf("(date_trunc(%s, %s))::date", pick(g, "'month'", "'year'", "'week'"), g.expr(ftDate, d))
		}
	}
	return ""
}

// moreGroupQuery is a GROUP BY whose aggregates are the ones groupQuery
// does not write.
func (g *fuzzGen) moreGroupQuery() string {
	key := g.expr(pick(g, ftInt, ftText, ftBool, ftNumeric), 1)
	items := []string{key + " AS c1"}
	for i := 0; i < 1+g.n(3); i++ {
		var a string
		switch g.n(8) {
		case 0:
			a = fmt.Sprintf("%s(%s)", pick(g, "bit_and", "bit_or", "bit_xor"), g.expr(ftInt, 1))
		case 1:
			e := g.expr(pick(g, ftInt, ftText, ftNumeric, ftBool), 1)
			a = fmt.Sprintf("jsonb_agg(%s ORDER BY %s)", e, e)
		case 2:
			a = fmt.Sprintf("%s(DISTINCT %s)", pick(g, "sum", "avg", "count"), g.expr(pick(g, ftInt, ftNumeric), 2))
		case 3:
			e := g.expr(ftText, 1)
			a = fmt.Sprintf("string_agg(DISTINCT %s, ',' ORDER BY %s)", e, e)
		case 4:
			a = fmt.Sprintf("%s(%s)", pick(g, "sum", "avg", "min", "max"), g.expr(pick(g, ftInt, ftNumeric, ftFloat), 2))
		case 5:
			a = fmt.Sprintf("round(avg(%s), %d)", g.expr(pick(g, ftInt, ftNumeric), 1), g.n(4))
		case 6:
			a = fmt.Sprintf("count(*) FILTER (WHERE %s)", g.expr(ftBool, 2))
		default:
			a = fmt.Sprintf("jsonb_object_agg(%s, %s ORDER BY a.id)", g.col(ftInt)+"::text", g.expr(pick(g, ftInt, ftText), 1))
		}
		items = append(items, fmt.Sprintf("%s AS c%d", a, i+2))
	}
	return "SELECT " + strings.Join(items, ", ") + " FROM n25fz_t a" + g.where() + " GROUP BY 1" + g.orderBy(len(items)) + g.limit()
}
