package pgdialect

// money.go: PostgreSQL's money type, as PostgreSQL 15 has it with
// lc_monetary C (the reference's setting): a 64-bit count of cents,
// printed $1,234.56 / -$1,234.56.
//
// A money value is stored as that output text, the canonical form
// pg_in_money returns (the same choice as numeric's: every path that
// reads the value as text, COPY TO, ::text, ||, row_to_json, prints what
// PostgreSQL prints, where a bare count of cents would print 123456).
// The text is exact (cents, no float) and the collation pg_money orders
// it by value, so ORDER BY, comparisons, min/max, DISTINCT and unique
// indexes on a money column follow PostgreSQL's cash_cmp. The text
// always starts with $ or -$, so a money value is never a number to
// SQLite's NUMERIC affinity.
//
// Arithmetic (arith.go's operators, typed "money"): money +/- money,
// money * and / a number (an integer multiplies or divides exactly, the
// quotient truncated as cash_div_int8; a numeric or float operand goes
// by float8 and rounds half to even as cash_mul_flt8's rint), money /
// money is float8; every other operator with a money operand is 42883 as
// in PostgreSQL. sum(money) is money (sum_float4.go's typedSum), avg is
// 42883 (PostgreSQL has no avg(money)).

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// MoneyCollation is the collation of money columns and money results.
const MoneyCollation = "pg_money"

func moneyRange(s string) error {
	return pgErr("22003", "value \"%s\" is out of range for type money", s)
}

func moneyOutOfRange() error { return pgErr("22003", "money out of range") }

func isCSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// parseMoney is PostgreSQL's cash_in with lc_monetary C: blanks, a
// currency symbol $, a sign (- or a parenthesis: negative; +), digits
// with , as thousands separators, a . and two decimals (a third decimal
// of 5 or more rounds away from zero, further digits are ignored),
// trailing blanks, ), a sign or $. The value is built negative, as
// cash_in builds it, so the most negative value is in range.
func parseMoney(in string) (int64, error) {
	s, i := in, 0
	skip := func() {
		for i < len(s) && isCSpace(s[i]) {
			i++
		}
	}
	symbol := func() {
		skip()
		if i < len(s) && s[i] == '$' {
			i++
		}
		skip()
	}
	symbol()
	sgn := 1
	switch {
	case i < len(s) && s[i] == '-':
		sgn, i = -1, i+1
	case i < len(s) && s[i] == '(':
		sgn, i = -1, i+1
	case i < len(s) && s[i] == '+':
		i++
	}
	symbol()
	var value int64
	dec, seenDot := 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9' && (!seenDot || dec < 2):
			d := int64(c - '0')
			if value < math.MinInt64/10 || value*10 < math.MinInt64+d {
				return 0, moneyRange(in)
			}
			value = value*10 - d
			if seenDot {
				dec++
			}
			continue
		case c == '.' && !seenDot:
			seenDot = true
			continue
		case c == ',':
			continue
		}
		break
	}
	if i < len(s) && s[i] >= '5' && s[i] <= '9' {
		if value == math.MinInt64 {
			return 0, moneyRange(in)
		}
		value--
	}
	for ; dec < 2; dec++ {
		if value < math.MinInt64/10 {
			return 0, moneyRange(in)
		}
		value *= 10
	}
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	for i < len(s) {
		switch c := s[i]; {
		case isCSpace(c) || c == ')' || c == '+' || c == '$':
		case c == '-':
			sgn = -1
		default:
			return 0, invalidInput("money", in)
		}
		i++
	}
	if sgn > 0 {
		if value == math.MinInt64 {
			return 0, moneyRange(in)
		}
		return -value, nil
	}
	return value, nil
}

// formatMoney is cash_out with lc_monetary C: -$1,234.56.
func formatMoney(c int64) string {
	u := uint64(c)
	if c < 0 {
		u = ^u + 1
	}
	digits := strconv.FormatUint(u, 10)
	for len(digits) < 3 {
		digits = "0" + digits
	}
	ip, frac := digits[:len(digits)-2], digits[len(digits)-2:]
	var b strings.Builder
	if c < 0 {
		b.WriteByte('-')
	}
	b.WriteByte('$')
	for k := 0; k < len(ip); k++ {
		if k > 0 && (len(ip)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(ip[k])
	}
	b.WriteByte('.')
	b.WriteString(frac)
	return b.String()
}

// moneyCents reads a value in money's stored form (formatMoney's text)
// as cents; ok=false for anything else.
func moneyCents(v driver.Value) (int64, bool) {
	s, ok := v.(string)
	if !ok || len(s) < 5 {
		return 0, false
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	if len(s) < 5 || s[0] != '$' || s[len(s)-3] != '.' {
		return 0, false
	}
	var u uint64
	n := 0
	for k := 1; k < len(s); k++ {
		c := s[k]
		switch {
		case c >= '0' && c <= '9':
			if u > (math.MaxUint64-9)/10 {
				return 0, false
			}
			u = u*10 + uint64(c-'0')
			n++
		case c == ',' && k < len(s)-3, c == '.' && k == len(s)-3:
		default:
			return 0, false
		}
	}
	switch {
	case n < 3:
		return 0, false
	case neg && u <= 1<<63:
		return int64(-u), true
	case !neg && u < 1<<63:
		return int64(u), true
	}
	return 0, false
}

// isMoney reports whether v is a value in money's stored form.
func isMoney(v driver.Value) bool {
	_, ok := moneyCents(v)
	return ok
}

// fnInMoney is pg_in_money(value, typmod), money's input function (and,
// with one argument, pg_cast_money(value), the cast to money): text as
// cash_in reads it; an integer as int8_cash (times 100, 22003 bigint out
// of range); a real, which is how SQLite holds a numeric constant, by its
// shortest decimal text, as numeric_cash rounds it (half away from zero).
func fnInMoney(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case int64:
		if v > math.MaxInt64/100 || v < math.MinInt64/100 {
			return nil, pgErr("22003", "bigint out of range")
		}
		return formatMoney(v * 100), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, invalidInput("money", v)
		}
		c, err := parseMoney(strconv.FormatFloat(v, 'f', -1, 64))
		if err != nil {
			return nil, pgErr("22003", "bigint out of range")
		}
		return formatMoney(c), nil
	case []byte:
		return nil, pgErr("42846", "cannot cast type bytea to money")
	}
	c, err := parseMoney(str(a[0]))
	if err != nil {
		return nil, err
	}
	return formatMoney(c), nil
}

// fnMoneyNumeric is pg_money_numeric(value, type): a money value as
// numeric (cash_numeric: the cents with two decimals) when type, the
// operand's declared type, is money; any other value unchanged (the
// cast to numeric that follows reads it).
func fnMoneyNumeric(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if !strings.EqualFold(str(a[1]), "money") {
		return a[0], nil
	}
	c, ok := moneyCents(a[0])
	if !ok {
		return a[0], nil
	}
	return centsNumeric(c), nil
}

// centsNumeric is a count of cents as numeric text with two decimals.
func centsNumeric(c int64) string {
	s := formatMoney(c)
	s = strings.ReplaceAll(strings.Replace(s, "$", "", 1), ",", "")
	return s
}

// compareMoneyText is the pg_money collation: money values by their
// cents; text in no money form after every value, among such texts as
// text (a total order, as an index needs). A string literal compared
// with a money column that no input path converted (m BETWEEN '$1' AND
// '100', m IN ('5', '7')) is read as cash_in reads it, as PostgreSQL
// types it money.
func compareMoneyText(a, b string) int {
	if a == b {
		return 0
	}
	x, okA := collatedCents(a)
	y, okB := collatedCents(b)
	switch {
	case okA && okB:
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case okA:
		return -1
	case okB:
		return 1
	}
	return strings.Compare(a, b)
}

// moneyArithResult is arithResult for an operator with a money operand:
// the result type, or "!op l r" where PostgreSQL has no such operator
// (noOperator).
func moneyArithResult(op, l, r string) string {
	num := func(t string) bool { return t != "money" && t != "oid" && operandTypeNames[t] != "" }
	switch {
	case l == "money" && r == "money" && (op == "+" || op == "-"):
		return "money"
	case l == "money" && r == "money" && op == "/":
		return "float8"
	case op == "*" && (l == "money" && num(r) || num(l) && r == "money"):
		return "money"
	case op == "/" && l == "money" && num(r):
		return "money"
	}
	return "!" + op + " " + l + " " + r
}

// moneyArith is a op b where hint, the static or run-time result type,
// says a money operator applies (moneyArithResult): money +/- money,
// money * number, number * money, money / number, money / money.
func moneyArith(op byte, a, b driver.Value, hint string) (driver.Value, error) {
	if strings.HasPrefix(hint, "!") {
		return nil, noOperator(hint)
	}
	if a == nil || b == nil {
		return nil, nil
	}
	x, xm := moneyCents(a)
	y, ym := moneyCents(b)
	switch {
	case xm && ym:
		switch op {
		case '+':
			r := x + y
			if (r > x) != (y > 0) {
				return nil, moneyOutOfRange()
			}
			return formatMoney(r), nil
		case '-':
			r := x - y
			if (r < x) != (y > 0) {
				return nil, moneyOutOfRange()
			}
			return formatMoney(r), nil
		case '/':
			if y == 0 {
				return nil, divByZero()
			}
			return float64(x) / float64(y), nil
		}
	case xm || ym && op == '*':
		c, other := x, b
		if !xm {
			c, other = y, a
		}
		n, err := classify(other)
		if err != nil {
			return nil, err
		}
		if n.class == clInt {
			switch op {
			case '*':
				r := c * n.i
				if c != 0 && (r/c != n.i || c == -1 && n.i == math.MinInt64 || n.i == -1 && c == math.MinInt64) {
					return nil, moneyOutOfRange()
				}
				return formatMoney(r), nil
			case '/':
				if n.i == 0 {
					return nil, divByZero()
				}
				if n.i == -1 {
					if c == math.MinInt64 {
						return nil, moneyOutOfRange()
					}
					return formatMoney(-c), nil
				}
				return formatMoney(c / n.i), nil
			}
			break
		}
		f := n.toFloat()
		var r float64
		switch op {
		case '*':
			r = math.RoundToEven(float64(c) * f)
		case '/':
			if f == 0 {
				return nil, divByZero()
			}
			r = math.RoundToEven(float64(c) / f)
		default:
			return nil, noOperator("!" + string(op) + " money numeric")
		}
		if math.IsNaN(r) || r < -(1<<63) || r >= 1<<63 {
			return nil, moneyOutOfRange()
		}
		return formatMoney(int64(r)), nil
	}
	return nil, pgErr("42883", "operator does not exist: money %c money", op)
}

// stepMoney adds (sign 1) or removes (sign -1) the text v when the sum
// is a money sum or v starts one (numSum tells money from numbers by the
// stored text, as interval_sum.go tells intervals); done is false when v
// is for the numeric sum. avg(money) is 42883: PostgreSQL has none.
func (s *numSum) stepMoney(v string, sign int) (done bool, err error) {
	if !s.money {
		if s.mode != sumInt || s.i != 0 || s.n != 1 || s.hasSmall || s.ivs || !isMoney(v) {
			return false, nil // numbers came first, or no money
		}
		if s.avg {
			return true, pgErr("42883", "function avg(money) does not exist")
		}
		s.money = true
	}
	c, ok := moneyCents(v)
	if !ok {
		return true, invalidInput("money", v)
	}
	if sign < 0 {
		if c == math.MinInt64 {
			return true, moneyOutOfRange()
		}
		c = -c
	}
	r := s.cents + c
	if (r > s.cents) != (c > 0) {
		return true, moneyOutOfRange()
	}
	s.cents = r
	return true, nil
}

// stepMoneyMore adds or removes a value of a money sum.
func (s *numSum) stepMoneyMore(v any, sign int) error {
	t, ok := v.(string)
	if !ok {
		return invalidInput("money", v)
	}
	_, err := s.stepMoney(t, sign)
	return err
}

// moneyCastErr is PostgreSQL's 42846 for a cast of an operand s..i-1
// that the statement shows to be money to a type money has no cast to
// (money casts to itself, numeric and the string types only), and for a
// cast to money of an operand of a type with no cast to it (real,
// double precision, smallint ...).
func (x *tx) moneyCastErr(s, i int, tt *pgType) error {
	if tt.oid == pgoid.Money {
		// to money: from numeric, int4, int8 and the string types only
		switch src := x.exprOID(s, i); src {
		case 0, pgoid.Unknown, pgoid.Money, pgoid.Numeric, pgoid.Int4, pgoid.Int8, pgoid.Text, pgoid.Varchar, pgoid.Bpchar, pgoid.Name:
		default:
			return &Error{Code: "42846", Message: "cannot cast type " + FormatType(src, -1) + " to money", Position: x.T(i).pos + 1}
		}
		return nil
	}
	switch tt.oid {
	case pgoid.Money, pgoid.Numeric, pgoid.Text, pgoid.Varchar, pgoid.Bpchar, pgoid.Name:
		return nil
	}
	if x.exprOID(s, i) != pgoid.Money {
		return nil
	}
	return &Error{Code: "42846", Message: "cannot cast type money to " + FormatType(tt.oid, -1), Position: x.T(i).pos + 1}
}

// moneyNumericWrap wraps the operand s..i-1 of a cast to numeric in
// pg_money_numeric when it is money (cash_numeric: '$1,234.50'::money::
// numeric is 1234.50): statically, or at run time for a column whose
// declared type is read then; "" when the operand is neither.
func (x *tx) moneyNumericWrap(s, i int) (pre, suf string) {
	if x.exprOID(s, i) == pgoid.Money {
		return "pg_money_numeric(", ", 'money')"
	}
	if n, j := x.name(s); n != "" && j == i && !(x.T(s).typ == tIdent && reservedWord(x.T(s).upper())) {
		qual := ""
		if j-s >= 3 {
			qual = x.T(j - 3).identName()
		}
		// a derived table's or CTE's column first: its name is no
		// table's, so columnTypeExpr found no type and a.m::numeric of
		// WITH a AS (SELECT m ...) read the text '$12.50' (22P02)
		if typ := x.derivedColumnType(s, i); typ != "" {
			return "pg_money_numeric(", ", " + typ + ")"
		}
		if typ := x.columnTypeExpr(qual, n); typ != "NULL" {
			return "pg_money_numeric(", ", " + typ + ")"
		}
	}
	return "", ""
}

// collatedCents is the cents of a money value in the stored form, else
// of a text cash_in reads; ok=false for text that is no money.
func collatedCents(s string) (int64, bool) {
	if c, ok := moneyCents(s); ok {
		return c, true
	}
	c, err := parseMoney(s)
	return c, err == nil
}

// moneyNumberDefault converts a number literal DEFAULT at d of a money
// column (DEFAULT 0, DEFAULT -1.5) to money's stored form at CREATE, as
// canonicalDefault converts a string literal: PostgreSQL's assignment
// cast of the int4 or numeric constant.
func (x *tx) moneyNumberDefault(d, hi int, decl string) error {
	if name, _ := inSpec(decl); name != "pg_in_money" {
		return nil
	}
	e := d + 1
	if x.T(d).typ == tOp {
		e++
	}
	if e > hi || e < hi && !(x.T(e).typ == tIdent && colConstraintKw[x.T(e).upper()]) {
		return nil
	}
	lit := x.literalDigits(d, e)
	if lit == "" {
		return nil
	}
	v, _, err := canonicalDefault(lit, decl)
	if err != nil {
		return err
	}
	x.blank(d, e)
	x.T(d).set(v)
	return nil
}

// moneyFuncNames are the numeric functions PostgreSQL has no money form
// of, by their names in the statement and (with lite) in the SQLite text
// the translator writes for them: the PostgreSQL name.
var moneyFuncNames = map[string]string{"abs": "abs", "round": "round", "trunc": "trunc",
	"ceil": "ceil", "ceiling": "ceiling", "floor": "floor", "sign": "sign", "sqrt": "sqrt",
	"cbrt": "cbrt", "exp": "exp", "ln": "ln", "log": "log", "log10": "log10", "degrees": "degrees",
	"radians": "radians", "stddev": "stddev", "stddev_samp": "stddev_samp", "stddev_pop": "stddev_pop",
	"variance": "variance", "var_samp": "var_samp", "var_pop": "var_pop", "mod": "mod", "power": "power",
	"pow": "pow"}

// liteMoneyFuncNames: the translator's names for moneyFuncNames' functions.
var liteMoneyFuncNames = map[string]string{"pg_round_typed": "round", "pg_numsign": "sign",
	"pg_sqrt": "sqrt", "pg_numsqrt": "sqrt", "pg_cbrt": "cbrt", "pg_ln": "ln", "pg_numln": "ln",
	"pg_numexp": "exp", "pg_log": "log", "pg_log10": "log10"}

// moneyFuncCall is PostgreSQL's 42883 for the call at k of a numeric
// function whose first argument is money (abs(money), round(money,
// integer)): the arguments' types as jsonOperand reads them, each known;
// the translator's trailing type arguments (pg_col_numtype(pg_rel_sql(...),
// ...), colTypeQuery) are not the statement's.
func (x *tx) moneyFuncCall(k int, ty jsonTyping) *jsonRefused {
	name := strings.ToLower(x.T(k).text)
	pg, ok := moneyFuncNames[name]
	renamed := false
	if !ok && ty.col != nil {
		pg, ok = liteMoneyFuncNames[name]
		renamed = true
	}
	m := x.match(k + 1)
	if !ok || m < 0 {
		return nil
	}
	args := x.splitTop(k+2, m)
	for len(args) > 1 && (x.isSubquery(args[len(args)-1][0]) || x.colTypeRead(args[len(args)-1][0])) {
		args = args[:len(args)-1]
	}
	var types []string
	for i, a := range args {
		a = x.floatRefusedArg(a) // floatcalls.go
		end, typ, ok := x.jsonOperand(a[0], ty)
		if !ok || end != a[1] || typ == "" || i == 0 && typ != "money" {
			return nil
		}
		types = append(types, typ)
	}
	if len(types) == 0 {
		return nil
	}
	if renamed {
		k = -1 // the translator's name: no place in the client's text
	}
	return &jsonRefused{tok: k, message: "function " + pg + "(" + strings.Join(types, ", ") + ") does not exist", hint: jsonFunctionHint}
}
