package integration

// The random query generator of the differential fuzz tester
// (difffuzz_test.go): a seeded math/rand/v2 source drives a small
// grammar of typed expressions over the fuzz schema, so every query it
// writes is valid-ish SQL whose answer does not depend on the order rows
// are read in (every output column is an ORDER BY key, aggregates that
// concatenate name their order, window functions order by the key too) or
// on the clock (no now(), random() or current_date).

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// fuzzType is an expression's PostgreSQL type, as the generator knows it.
type fuzzType int

const (
	ftInt fuzzType = iota // int2, int4 or int8
	ftNumeric
	ftFloat
	ftText
	ftBool
	ftDate
	ftTimestamp
	ftTimestamptz
	ftInterval
	ftJSONB
	ftUUID
	ftIntArray
	ftTextArray
	numFuzzTypes
)

// fuzzSchema creates the fuzz tables, on raftsql and on PostgreSQL alike:
// typed columns, NULLs and edge values (zeros, extremes, halves, empty
// and non-ASCII strings, a leap day, infinite dates, mixed-sign
// intervals).
var fuzzSchema = []string{
	`CREATE TABLE n25fz_t (id int4 PRIMARY KEY, i2 int2, i4 int4, i8 int8, n numeric, n2 numeric(10,2), f8 float8, f4 real, t text, vc varchar(10), b bool, d date, ts timestamp, tz timestamptz, iv interval, j jsonb, u uuid, ia int4[], ta text[])`,
	`INSERT INTO n25fz_t VALUES
 (1, 0, 0, 0, 0, 0.00, 0, 0, '', '', false, '2024-02-29', '2024-02-29 12:00:00', '2024-02-29 12:00:00+00', '1 mon -1 day', '{"a": 1, "b": [1, 2]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{1,2,3}', '{a,b}'),
 (2, -1, -7, -9000000000, -2.5, -2.50, -0.5, -1.5, 'Hello', 'hello', true, '2000-01-01', '2000-01-01 00:00:00', '2000-01-01 00:00:00+00', '-2 hours', '{"a": "x", "c": null}', '00000000-0000-0000-0000-000000000000', '{}', '{}'),
 (3, 32767, 2147483647, 9223372036854775807, 12345.678, 99999999.99, 1e300, 3.4e38, 'héllo wörld', 'ünï', true, 'infinity', 'infinity', 'infinity', '1 year 2 mons 3 days 04:05:06', '[1, "two", 3.5]', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '{NULL,5}', '{NULL,"x y"}'),
 (4, -32768, -2147483648, -9223372036854775808, 0.5, 0.50, 2.5, 0.5, 'a%b_c', 'A', false, '-infinity', '-infinity', '-infinity', '00:00:00', '{}', '12345678-1234-5678-1234-567812345678', '{-1,0,1}', '{"",z}'),
 (5, 7, 7, 7, 1.5, 1.50, 1.5, 2.5, '42', '7', NULL, '1999-12-31', '1999-12-31 23:59:59.5', '1999-12-31 23:59:59.5+00', '-1 mon 1 day', 'null', NULL, NULL, NULL),
 (6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (7, 3, 3, 3, -0.5, -0.50, -0.0, -2.5, 'abc', 'abc', true, '2023-03-31', '2023-03-31 10:30:00', '2023-03-31 10:30:00+00', '36 hours', '{"a": 2, "b": [3]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{3,3}', '{abc}'),
 (8, 3, 10, 100, 100, 100.00, 100, 100, 'ABC', 'ABC', false, '2024-01-31', '2024-01-31 00:00:00', '2024-01-31 23:00:00+00', '1 day', '"str"', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{10}', '{abc,ABC}')`,
	`CREATE TABLE n25fz_u (id int4 PRIMARY KEY, k int4, s text, v numeric)`,
	`INSERT INTO n25fz_u VALUES (1, 0, 'abc', 1.5), (2, 3, 'ABC', 2), (3, 7, NULL, NULL), (4, NULL, 'x', -1), (5, 3, 'abc', 0.25), (6, 10, '', 100)`,
}

// fuzzColumns: the fuzz table's columns by type.
var fuzzColumns = map[fuzzType][]string{
	ftInt:         {"id", "i2", "i4", "i8"},
	ftNumeric:     {"n", "n2"},
	ftFloat:       {"f8", "f4"},
	ftText:        {"t", "vc"},
	ftBool:        {"b"},
	ftDate:        {"d"},
	ftTimestamp:   {"ts"},
	ftTimestamptz: {"tz"},
	ftInterval:    {"iv"},
	ftJSONB:       {"j"},
	ftUUID:        {"u"},
	ftIntArray:    {"ia"},
	ftTextArray:   {"ta"},
}

// fuzzGen writes queries from one seeded source.
type fuzzGen struct {
	r *rand.Rand
	// alias: the table alias expressions' columns are qualified with
	alias string
	// lits: expressions are constants (a VALUES row reads no table)
	lits bool
	// ext: expressions also take difffuzz_shapes_test.go's forms
	ext bool
	// more: expressions also take difffuzz_more_test.go's forms
	more bool
}

func newFuzzGen(seed uint64) *fuzzGen {
	return &fuzzGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), alias: "a"}
}

func (g *fuzzGen) n(k int) int           { return g.r.IntN(k) }
func (g *fuzzGen) chance(p float64) bool { return g.r.Float64() < p }

func pick[T any](g *fuzzGen, xs ...T) T { return xs[g.r.IntN(len(xs))] }

// col is a column of type ty, qualified with the current alias.
func (g *fuzzGen) col(ty fuzzType) string {
	return g.alias + "." + pick(g, fuzzColumns[ty]...)
}

// lit is a constant of type ty.
func (g *fuzzGen) lit(ty fuzzType) string {
	switch ty {
	case ftInt:
		return pick(g, "0", "1", "2", "3", "-1", "7", "10", "100", "2147483647", "-2147483648", "32767", "9223372036854775807")
	case ftNumeric:
		return pick(g, "0.5", "1.5", "2.5", "-0.5", "-1.5", "0.0", "1.25", "10.005", "12345.678", "0.1", "3.00")
	case ftFloat:
		return pick(g, "0.5::float8", "1.5::float8", "-2.5::float8", "1e10::float8", "'NaN'::float8", "'Infinity'::float8", "0.1::float8", "2::real", "1.5::real")
	case ftText:
		return pick(g, "''", "'a'", "'abc'", "'ABC'", "'Hello'", "'héllo'", "'%b%'", "'a_c'", "' x '", "'42'", "'ünï'")
	case ftBool:
		return pick(g, "true", "false", "NULL::bool")
	case ftDate:
		return pick(g, "DATE '2024-02-29'", "DATE '2000-01-01'", "DATE '1999-12-31'", "DATE 'infinity'", "DATE '2023-03-31'")
	case ftTimestamp:
		return pick(g, "TIMESTAMP '2024-02-29 12:00:00'", "TIMESTAMP '2000-01-01 00:00:00'", "TIMESTAMP '2023-03-31 10:30:00.25'")
	case ftTimestamptz:
		return pick(g, "TIMESTAMPTZ '2024-02-29 12:00:00+00'", "TIMESTAMPTZ '2000-01-01 05:00:00+02'")
	case ftInterval:
		return pick(g, "INTERVAL '1 day'", "INTERVAL '1 mon'", "INTERVAL '-1 mon 1 day'", "INTERVAL '2 hours 30 minutes'", "INTERVAL '1 year'", "INTERVAL '0'", "INTERVAL '36 hours'")
	case ftJSONB:
		return pick(g, `'{"a": 1}'::jsonb`, `'[1, 2]'::jsonb`, `'{"b": [1, 2]}'::jsonb`, `'"str"'::jsonb`, `'null'::jsonb`, `'{}'::jsonb`)
	case ftUUID:
		return pick(g, "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", "'00000000-0000-0000-0000-000000000000'::uuid")
	case ftIntArray:
		return pick(g, "ARRAY[1, 2]", "ARRAY[3]", "'{}'::int4[]", "ARRAY[NULL, 5]::int4[]", "'{10,3}'::int4[]")
	case ftTextArray:
		return pick(g, "ARRAY['a', 'b']", "ARRAY['abc']", "'{}'::text[]", "ARRAY['', 'z']")
	}
	panic(fmt.Sprintf("lit: type %d", ty))
}

// expr is an expression of type ty, depth levels deep at most.
func (g *fuzzGen) expr(ty fuzzType, depth int) string {
	if depth <= 0 || g.chance(0.3) {
		if g.chance(0.7) {
			return g.col(ty)
		}
		return g.lit(ty)
	}
	d := depth - 1
	if g.more && g.chance(0.4) {
		if e := g.moreExpr(ty, d); e != "" {
			return e
		}
	}
	if g.ext && g.chance(0.35) {
		if e := g.extExpr(ty, d); e != "" {
			return e
		}
	}
	if g.chance(0.12) {
		return g.generic(ty, d)
	}
	switch ty {
	case ftInt:
		return g.intExpr(d)
	case ftNumeric:
		return g.numericExpr(d)
	case ftFloat:
		return g.floatExpr(d)
	case ftText:
		return g.textExpr(d)
	case ftBool:
		return g.boolExpr(d)
	case ftDate:
		return g.dateExpr(d)
	case ftTimestamp:
		return g.timestampExpr(d)
	case ftInterval:
		return g.intervalExpr(d)
	case ftJSONB:
		return pick(g, g.col(ftJSONB), fmt.Sprintf("(%s -> %s)", g.col(ftJSONB), pick(g, "'a'", "'b'", "0", "1")))
	case ftIntArray:
		return pick(g, g.col(ftIntArray), fmt.Sprintf("(%s || %s)", g.col(ftIntArray), g.lit(ftIntArray)), fmt.Sprintf("array_append(%s, %s)", g.col(ftIntArray), pick(g, "1", "NULL::int4")))
	case ftTextArray:
		return pick(g, g.col(ftTextArray), fmt.Sprintf("(%s || %s)", g.col(ftTextArray), g.lit(ftTextArray)))
	}
	return g.col(ty)
}

// generic: the constructs of every type (CASE, coalesce, nullif,
// greatest, least).
func (g *fuzzGen) generic(ty fuzzType, d int) string {
	switch g.n(5) {
	case 0:
		return fmt.Sprintf("CASE WHEN %s THEN %s ELSE %s END", g.expr(ftBool, d), g.expr(ty, d), g.expr(ty, d))
	case 1:
		return fmt.Sprintf("coalesce(%s, %s)", g.expr(ty, d), g.expr(ty, d))
	case 2:
		if ty == ftJSONB || ty == ftIntArray || ty == ftTextArray {
			return g.col(ty)
		}
		return fmt.Sprintf("nullif(%s, %s)", g.expr(ty, d), g.expr(ty, d))
	case 3:
		if ty == ftJSONB || ty == ftBool {
			return g.col(ty)
		}
		return fmt.Sprintf("greatest(%s, %s)", g.expr(ty, d), g.expr(ty, d))
	default:
		if ty == ftJSONB || ty == ftBool {
			return g.col(ty)
		}
		return fmt.Sprintf("least(%s, %s)", g.expr(ty, d), g.expr(ty, d))
	}
}

func (g *fuzzGen) intExpr(d int) string {
	switch g.n(12) {
	case 0, 1:
		return fmt.Sprintf("(%s %s %s)", g.expr(ftInt, d), pick(g, "+", "-", "*"), g.expr(ftInt, d))
	case 2:
		return fmt.Sprintf("(%s %s %s)", g.expr(ftInt, d), pick(g, "/", "%"), g.expr(ftInt, d))
	case 3:
		return fmt.Sprintf("abs(%s)", g.expr(ftInt, d))
	case 4:
		return fmt.Sprintf("mod(%s, %s)", g.expr(ftInt, d), g.expr(ftInt, d))
	case 5:
		return fmt.Sprintf("length(%s)", g.expr(ftText, d))
	case 6:
		return fmt.Sprintf("position(%s IN %s)", g.lit(ftText), g.expr(ftText, d))
	case 7:
		return fmt.Sprintf("(%s)::%s", g.expr(pick(g, ftNumeric, ftFloat, ftInt), d), pick(g, "int2", "int4", "int8"))
	case 8:
		return fmt.Sprintf("(%s - %s)", g.expr(ftDate, d), g.expr(ftDate, d))
	case 9:
		return fmt.Sprintf("cardinality(%s)", g.expr(ftIntArray, d))
	case 10:
		return fmt.Sprintf("(-%s)", g.expr(ftInt, d))
	default:
		return fmt.Sprintf("array_length(%s, 1)", g.expr(pick(g, ftIntArray, ftTextArray), d))
	}
}

func (g *fuzzGen) numericExpr(d int) string {
	switch g.n(9) {
	case 0, 1:
		return fmt.Sprintf("(%s %s %s)", g.expr(pick(g, ftNumeric, ftInt), d), pick(g, "+", "-", "*"), g.expr(ftNumeric, d))
	case 2:
		return fmt.Sprintf("(%s / %s)", g.expr(ftNumeric, d), g.expr(pick(g, ftNumeric, ftInt), d))
	case 3:
		return fmt.Sprintf("round(%s, %d)", g.expr(ftNumeric, d), g.n(4)-1)
	case 4:
		return fmt.Sprintf("trunc(%s, %d)", g.expr(ftNumeric, d), g.n(3))
	case 5:
		return fmt.Sprintf("abs(%s)", g.expr(ftNumeric, d))
	case 6:
		return fmt.Sprintf("mod(%s, %s)", g.expr(ftNumeric, d), g.expr(ftNumeric, d))
	case 7:
		return fmt.Sprintf("(%s)::numeric%s", g.expr(pick(g, ftInt, ftFloat, ftNumeric), d), pick(g, "", "(10,2)", "(5,1)"))
	default:
		return fmt.Sprintf("round(%s)", g.expr(ftNumeric, d))
	}
}

func (g *fuzzGen) floatExpr(d int) string {
	switch g.n(6) {
	case 0, 1:
		return fmt.Sprintf("(%s %s %s)", g.expr(ftFloat, d), pick(g, "+", "-", "*"), g.expr(pick(g, ftFloat, ftInt), d))
	case 2:
		return fmt.Sprintf("(%s / %s)", g.expr(ftFloat, d), g.expr(ftFloat, d))
	case 3:
		return fmt.Sprintf("abs(%s)", g.expr(ftFloat, d))
	case 4:
		return fmt.Sprintf("(%s)::%s", g.expr(pick(g, ftInt, ftNumeric), d), pick(g, "float8", "real"))
	default:
		return fmt.Sprintf("trunc(%s)", g.expr(ftFloat, d))
	}
}

func (g *fuzzGen) textExpr(d int) string {
	switch g.n(13) {
	case 0:
		return fmt.Sprintf("upper(%s)", g.expr(ftText, d))
	case 1:
		return fmt.Sprintf("lower(%s)", g.expr(ftText, d))
	case 2:
		return fmt.Sprintf("substr(%s, %d, %d)", g.expr(ftText, d), g.n(5)-1, g.n(4))
	case 3:
		return fmt.Sprintf("replace(%s, %s, %s)", g.expr(ftText, d), g.lit(ftText), g.lit(ftText))
	case 4:
		return fmt.Sprintf("concat(%s, %s)", g.expr(pick(g, ftText, ftInt, ftNumeric, ftBool), d), g.expr(pick(g, ftText, ftInt, ftDate), d))
	case 5:
		return fmt.Sprintf("(%s || %s)", g.expr(ftText, d), g.expr(pick(g, ftText, ftInt, ftNumeric), d))
	case 6:
		return fmt.Sprintf("(%s)::text", g.expr(pick(g, ftInt, ftNumeric, ftFloat, ftBool, ftDate, ftTimestamp, ftInterval, ftUUID, ftIntArray), d))
	case 7:
		return fmt.Sprintf("(%s ->> %s)", g.col(ftJSONB), pick(g, "'a'", "'b'", "'c'", "0", "2"))
	case 8:
		return fmt.Sprintf("to_char(%s, %s)", g.expr(ftTimestamp, d), pick(g, "'YYYY-MM-DD'", "'HH24:MI:SS'", "'Mon DD YYYY'", "'DD/MM/YY'"))
	case 9:
		return fmt.Sprintf("trim(%s)", g.expr(ftText, d))
	case 10:
		return fmt.Sprintf("left(%s, %d)", g.expr(ftText, d), g.n(5)-1)
	case 11:
		return fmt.Sprintf("(%s)::varchar(3)", g.expr(ftText, d))
	default:
		return fmt.Sprintf("array_to_string(%s, ',')", g.expr(ftTextArray, d))
	}
}

func (g *fuzzGen) boolExpr(d int) string {
	switch g.n(14) {
	case 0:
		ty := pick(g, ftInt, ftNumeric, ftFloat, ftText, ftDate, ftTimestamp, ftInterval, ftUUID, ftInt, ftNumeric)
		return fmt.Sprintf("(%s %s %s)", g.expr(ty, d), pick(g, "=", "<>", "<", "<=", ">", ">="), g.expr(ty, d))
	case 1:
		ty := pick(g, ftInt, ftNumeric, ftInt, ftFloat)
		return fmt.Sprintf("(%s %s %s)", g.expr(ty, d), pick(g, "=", "<", ">="), g.expr(pick(g, ftInt, ftNumeric, ftFloat), d))
	case 2:
		return fmt.Sprintf("(%s %s %s)", g.expr(ftBool, d), pick(g, "AND", "OR"), g.expr(ftBool, d))
	case 3:
		return fmt.Sprintf("(NOT %s)", g.expr(ftBool, d))
	case 4:
		ty := pick(g, ftInt, ftText, ftNumeric)
		return fmt.Sprintf("(%s %sIN (%s, %s, %s))", g.expr(ty, d), pick(g, "", "NOT "), g.lit(ty), g.lit(ty), g.expr(ty, d))
	case 5:
		ty := pick(g, ftInt, ftNumeric, ftDate, ftText)
		return fmt.Sprintf("(%s %sBETWEEN %s AND %s)", g.expr(ty, d), pick(g, "", "NOT "), g.lit(ty), g.lit(ty))
	case 6:
		return fmt.Sprintf("(%s %s %s)", g.expr(ftText, d), pick(g, "LIKE", "NOT LIKE", "ILIKE"), pick(g, "'a%'", "'%b%'", "'_'", "'%'", "'A_C'", "'h%'"))
	case 7:
		ty := pick(g, ftInt, ftText, ftNumeric, ftBool, ftDate)
		return fmt.Sprintf("(%s IS %sDISTINCT FROM %s)", g.expr(ty, d), pick(g, "", "NOT "), g.expr(ty, d))
	case 8:
		return fmt.Sprintf("(%s IS %sNULL)", g.expr(pick(g, ftInt, ftText, ftNumeric, ftJSONB, ftIntArray), d), pick(g, "", "NOT "))
	case 9:
		return fmt.Sprintf("(%s @> %s)", g.col(ftJSONB), pick(g, `'{"a": 1}'`, `'{"b": [1]}'`, `'[1]'`, `'{}'`))
	case 10:
		return fmt.Sprintf("(%s ? %s)", g.col(ftJSONB), pick(g, "'a'", "'b'", "'c'", "'two'"))
	case 11:
		return fmt.Sprintf("(%s %s %s)", g.col(ftIntArray), pick(g, "@>", "<@", "&&", "="), g.lit(ftIntArray))
	case 12:
		return fmt.Sprintf("(%s = ANY(%s))", g.expr(ftInt, d), g.col(ftIntArray))
	default:
		return fmt.Sprintf("(%s IS %s)", g.expr(ftBool, d), pick(g, "TRUE", "NOT TRUE", "FALSE", "UNKNOWN"))
	}
}

func (g *fuzzGen) dateExpr(d int) string {
	switch g.n(3) {
	case 0:
		return fmt.Sprintf("(%s %s %s)", g.expr(ftDate, d), pick(g, "+", "-"), pick(g, "1", "30", "365", "-1"))
	case 1:
		return fmt.Sprintf("(%s)::date", g.expr(ftTimestamp, d))
	default:
		return pick(g, "'2024-03-01'::date", "'2020-02-29'::date")
	}
}

func (g *fuzzGen) timestampExpr(d int) string {
	switch g.n(4) {
	case 0:
		return fmt.Sprintf("(%s %s %s)", g.expr(ftTimestamp, d), pick(g, "+", "-"), g.expr(ftInterval, d))
	case 1:
		return fmt.Sprintf("date_trunc(%s, %s)", pick(g, "'year'", "'month'", "'day'", "'hour'", "'week'", "'quarter'"), g.expr(ftTimestamp, d))
	case 2:
		return fmt.Sprintf("(%s + %s)", g.expr(ftDate, d), g.expr(ftInterval, d))
	default:
		return fmt.Sprintf("(%s)::timestamp", g.expr(ftDate, d))
	}
}

func (g *fuzzGen) intervalExpr(d int) string {
	switch g.n(5) {
	case 0:
		return fmt.Sprintf("(%s %s %s)", g.expr(ftInterval, d), pick(g, "+", "-"), g.expr(ftInterval, d))
	case 1:
		return fmt.Sprintf("(%s * %s)", g.expr(ftInterval, d), pick(g, "2", "-1", "0.5", "3"))
	case 2:
		return fmt.Sprintf("(%s - %s)", g.expr(ftTimestamp, d), g.expr(ftTimestamp, d))
	case 3:
		return fmt.Sprintf("age(%s, %s)", g.expr(ftTimestamp, d), g.expr(ftTimestamp, d))
	default:
		return fmt.Sprintf("justify_interval(%s)", g.expr(ftInterval, d))
	}
}

// scalarType picks an output type; extract and the other
// non-expression forms come in through select items.
func (g *fuzzGen) scalarType() fuzzType {
	return fuzzType(g.n(int(numFuzzTypes)))
}

// item is one select-list item with its type.
func (g *fuzzGen) item() string {
	if g.chance(0.1) {
		return fmt.Sprintf("extract(%s FROM %s)", pick(g, "year", "month", "day", "dow", "doy", "hour", "epoch", "quarter"), g.expr(pick(g, ftTimestamp, ftDate), 2))
	}
	return g.expr(g.scalarType(), 3)
}

// where is a WHERE clause, sometimes with a subquery.
func (g *fuzzGen) where() string {
	if !g.chance(0.6) {
		return ""
	}
	var p string
	switch g.n(6) {
	case 0:
		p = fmt.Sprintf("%s %sIN (SELECT k FROM n25fz_u WHERE %s)", g.col(ftInt), pick(g, "", "NOT "), pick(g, "k > 0", "s = 'abc'", "true", "v > 1"))
	case 1:
		p = fmt.Sprintf("%sEXISTS (SELECT 1 FROM n25fz_u x WHERE x.k = %s)", pick(g, "", "NOT "), g.col(ftInt))
	case 2:
		p = fmt.Sprintf("%s %s (SELECT %s(v) FROM n25fz_u)", g.col(pick(g, ftNumeric, ftInt)), pick(g, "<", ">=", "="), pick(g, "max", "min", "avg", "sum"))
	default:
		p = g.expr(ftBool, 3)
	}
	return " WHERE " + p
}

// orderBy orders by output columns 1..n, directions and NULL placement
// at random.
func (g *fuzzGen) orderBy(n int) string {
	keys := make([]string, n)
	for i := range keys {
		k := fmt.Sprint(i + 1)
		if g.chance(0.3) {
			k += " DESC"
		}
		if g.chance(0.3) {
			k += pick(g, " NULLS FIRST", " NULLS LAST")
		}
		keys[i] = k
	}
	for i := range keys { // a random order of the keys
		j := g.n(i + 1)
		keys[i], keys[j] = keys[j], keys[i]
	}
	return " ORDER BY " + strings.Join(keys, ", ")
}

func (g *fuzzGen) limit() string {
	if !g.chance(0.25) {
		return ""
	}
	s := fmt.Sprintf(" LIMIT %d", g.n(5))
	if g.chance(0.5) {
		s += fmt.Sprintf(" OFFSET %d", g.n(4))
	}
	return s
}

// query is one random statement.
func (g *fuzzGen) query() string {
	g.alias = "a"
	switch g.n(10) {
	case 0, 1, 2, 3:
		return g.plainQuery()
	case 4, 5:
		return g.groupQuery()
	case 6:
		return g.joinQuery()
	case 7:
		return g.setOpQuery()
	case 8:
		return g.windowQuery()
	default:
		return g.scalarSubqueryQuery()
	}
}

func (g *fuzzGen) selectList(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf("%s AS c%d", g.item(), i+1)
	}
	return strings.Join(items, ", ")
}

func (g *fuzzGen) plainQuery() string {
	n := 1 + g.n(3)
	distinct := ""
	if g.chance(0.15) {
		distinct = "DISTINCT "
	}
	return "SELECT " + distinct + g.selectList(n) + " FROM n25fz_t a" + g.where() + g.orderBy(n) + g.limit()
}

func (g *fuzzGen) groupQuery() string {
	key := g.expr(pick(g, ftInt, ftText, ftBool, ftNumeric, ftDate), 1)
	var aggs []string
	for i := 0; i < 1+g.n(3); i++ {
		var a string
		switch g.n(9) {
		case 0:
			a = "count(*)"
		case 1:
			a = fmt.Sprintf("count(%s%s)", pick(g, "", "DISTINCT "), g.expr(g.scalarType(), 1))
		case 2:
			a = fmt.Sprintf("sum(%s)", g.expr(pick(g, ftInt, ftNumeric, ftInterval), 2))
		case 3:
			a = fmt.Sprintf("avg(%s)", g.expr(pick(g, ftInt, ftNumeric), 2))
		case 4, 5:
			a = fmt.Sprintf("%s(%s)", pick(g, "min", "max"), g.expr(pick(g, ftInt, ftNumeric, ftFloat, ftText, ftDate, ftTimestamp, ftInterval), 2))
		case 6:
			e := g.expr(ftText, 1)
			a = fmt.Sprintf("string_agg(%s, %s ORDER BY %s)", e, pick(g, "','", "''", "' | '"), e)
		case 7:
			e := g.expr(pick(g, ftInt, ftText, ftNumeric), 1)
			a = fmt.Sprintf("array_agg(%s ORDER BY %s%s)", e, e, pick(g, "", " DESC", " NULLS FIRST"))
		default:
			a = fmt.Sprintf("%s(%s)", pick(g, "bool_and", "bool_or"), g.expr(ftBool, 1))
		}
		aggs = append(aggs, a)
	}
	items := []string{key + " AS c1"}
	for i, a := range aggs {
		items = append(items, fmt.Sprintf("%s AS c%d", a, i+2))
	}
	having := ""
	if g.chance(0.3) {
		having = pick(g, " HAVING count(*) > 1", " HAVING sum(a.i4) > 0", " HAVING max(a.n) >= 1", " HAVING min(a.t) <> ''")
	}
	return "SELECT " + strings.Join(items, ", ") + " FROM n25fz_t a" + g.where() + " GROUP BY 1" + having + g.orderBy(len(items)) + g.limit()
}

func (g *fuzzGen) joinQuery() string {
	n := 1 + g.n(2)
	items := make([]string, 0, n+1)
	for i := 0; i < n; i++ {
		items = append(items, fmt.Sprintf("%s AS c%d", g.item(), i+1))
	}
	items = append(items, fmt.Sprintf("b.%s AS c%d", pick(g, "k", "s", "v", "id"), n+1))
	kind := pick(g, "JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN")
	on := pick(g, "a.i4 = b.k", "a.t = b.s", "a.id = b.id", "a.n = b.v", "a.i2 = b.k AND b.v > 0")
	return "SELECT " + strings.Join(items, ", ") + " FROM n25fz_t a " + kind + " n25fz_u b ON " + on + g.orderBy(n+1) + g.limit()
}

func (g *fuzzGen) setOpQuery() string {
	ty := pick(g, ftInt, ftText, ftNumeric, ftDate, ftBool, ftFloat, ftInterval)
	arm := func() string {
		w := g.where()
		return "SELECT " + g.expr(ty, 2) + " AS c1 FROM n25fz_t a" + w
	}
	op := pick(g, "UNION", "UNION ALL", "INTERSECT", "EXCEPT", "INTERSECT ALL", "EXCEPT ALL")
	return arm() + " " + op + " " + arm() + g.orderBy(1) + g.limit()
}

func (g *fuzzGen) windowQuery() string {
	part := ""
	if g.chance(0.6) {
		part = "PARTITION BY " + g.expr(pick(g, ftInt, ftText, ftBool), 1) + " "
	}
	ord := g.expr(pick(g, ftInt, ftNumeric, ftText, ftDate), 1)
	var w string
	switch g.n(5) {
	case 0:
		w = fmt.Sprintf("row_number() OVER (%sORDER BY %s, a.id)", part, ord)
	case 1:
		w = fmt.Sprintf("%s() OVER (%sORDER BY %s)", pick(g, "rank", "dense_rank"), part, ord)
	case 2:
		w = fmt.Sprintf("sum(%s) OVER (%sORDER BY %s, a.id)", g.expr(pick(g, ftInt, ftNumeric), 1), part, ord)
	case 3:
		w = fmt.Sprintf("count(*) OVER (%s)", strings.TrimSpace(part))
	default:
		w = fmt.Sprintf("%s(%s) OVER (%sORDER BY %s, a.id)", pick(g, "lag", "lead"), g.expr(pick(g, ftInt, ftText), 1), part, ord)
	}
	return "SELECT a.id AS c1, " + w + " AS c2, " + g.item() + " AS c3 FROM n25fz_t a" + g.where() + g.orderBy(3)
}

func (g *fuzzGen) scalarSubqueryQuery() string {
	sub := pick(g,
		"(SELECT max(b.k) FROM n25fz_u b WHERE b.id = a.id)",
		"(SELECT count(*) FROM n25fz_u b WHERE b.k = a.i4)",
		"(SELECT b.s FROM n25fz_u b WHERE b.id = a.id)",
		"(SELECT sum(b.v) FROM n25fz_u b WHERE b.k <= a.i2)",
	)
	return "SELECT a.id AS c1, " + sub + " AS c2, " + g.item() + " AS c3 FROM n25fz_t a" + g.where() + g.orderBy(3) + g.limit()
}
