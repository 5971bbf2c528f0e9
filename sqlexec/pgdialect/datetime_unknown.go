package pgdialect

// datetime_unknown.go: a quoted literal beside a date/time operand of +
// or -. PostgreSQL gives the literal (of type unknown) the type its
// operator resolution chooses: the other operand's type where that
// operator exists (d - '2024-01-01' is date - date, ts - '2024-01-01'
// timestamp - timestamp, '1 day' - iv interval - interval), else the one
// candidate (ts + '1 day', '1 hour' + tm: an interval); date + unknown has
// several (integer, interval, time) and is 42725 `operator is not unique`,
// even for '1' and on an empty table. The translation read the literal's
// type from its text instead: d + '1' answered the date unchanged (one
// second added, then cut back to a date), date '2024-01-01' + 'x' was an
// interval's 22007, '2024-01-01' + interval '1 day' a timestamp where
// PostgreSQL reads the literal as an interval (22007).

import (
	"database/sql/driver"
	"time"
)

// unknownLitType is the type PostgreSQL gives a quoted literal operand of
// op beside an operand of type other (dtBinaryResult's names), the
// literal on the left when litLeft; "" when other is no date/time type
// (the literal's text decides, as before). notUnique is PostgreSQL's
// 42725 message where no one operator is chosen.
func unknownLitType(op, other string, litLeft bool) (typ, notUnique string) {
	switch other {
	case "date":
		if op == "-" {
			return "date", ""
		}
		if litLeft {
			return "", "operator is not unique: unknown + date"
		}
		return "", "operator is not unique: date + unknown"
	case "timestamp", "timestamptz", "time", "timetz", "interval":
		if op == "-" {
			return other, ""
		}
		return "interval", ""
	}
	return "", ""
}

// plainStringOperand reports whether a..b-1 is a quoted literal with no
// type of its own ('1 day', not interval '1 day' or '1'::int).
func (x *tx) plainStringOperand(a, b int) bool {
	t := x.T(a)
	return b == a+1 && t.typ == tString && t.text[0] == '\'' && !t.ed && !x.typedLiteral(a) && x.T(b).typ != tCast
}

// unknownOperandTypes are the static types lt and rt of the operands
// ls..i-1 and i+1..re-1 of the + or - at i with a quoted literal's
// replaced by the type PostgreSQL gives it beside the other's date/time
// type (unknownLitType); the error is PostgreSQL's 42725 for date +
// unknown.
func (x *tx) unknownOperandTypes(ls, i, re int, lt, rt string) (string, string, error) {
	op := x.T(i).text
	if op != "+" && op != "-" {
		return lt, rt, nil
	}
	msg := ""
	switch {
	case isDTName(lt) && rt == "" && x.plainStringOperand(i+1, re):
		rt, msg = unknownLitType(op, lt, false)
	case isDTName(rt) && lt == "" && x.plainStringOperand(ls, i):
		lt, msg = unknownLitType(op, rt, true)
	}
	if msg != "" {
		return "", "", &Error{Code: "42725", Message: msg, Position: x.T(i).pos + 1}
	}
	return lt, rt, nil
}

// unknownOperandIn wraps pg_dt_add or pg_dt_sub (f, of operator op): a
// type argument 'unknown' marks a quoted literal operand whose type
// follows from the other operand's, known only at run time (d + '1' of a
// column d, datetime_columns.go). The types are resolved before the
// values are read, so a NULL operand does not hide the 42725.
func unknownOperandIn(op string, f func([]driver.Value, *time.Location) (driver.Value, error)) func([]driver.Value, *time.Location) (driver.Value, error) {
	return func(a []driver.Value, zone *time.Location) (driver.Value, error) {
		for lit := 1; lit <= 3; lit += 2 {
			if str(a[lit]) != unknownType {
				continue
			}
			oi := 4 - lit // the other operand's type argument
			other := str(a[oi])
			if other == "" && a[oi-1] != nil {
				other = guessDTType(a[oi-1])
			}
			t, msg := unknownLitType(op, other, lit == 1)
			if msg != "" {
				return nil, pgErr("42725", "%s", msg)
			}
			a = append([]driver.Value(nil), a...)
			a[lit] = t
		}
		return f(a, zone)
	}
}

// unknownType is the type argument of pg_dt_add and pg_dt_sub for a
// quoted literal operand (unknownOperandIn).
const unknownType = "unknown"

// castComparedLiteral: a quoted literal compared (ls..re-1, the operator
// at i) with a value of a static date/time type lt or rt is of that type
// in PostgreSQL, so it becomes that type's stored form; as text it
// compared by its spelling (g > '2024-01-01' of a timestamp series was
// true at midnight '2024-01-01 00:00:00').
func (x *tx) castComparedLiteral(ls, i, re int, lt, rt string) {
	wrap := func(a, b int, ty string) {
		x.T(a).pre = "pg_cast_" + ty + "(" + x.T(a).pre
		x.T(b - 1).suf += ")"
	}
	// a value whose date/time type is read at run time (date_trunc('day',
	// col), a sum over columns): the literal goes through that type's
	// input, as PostgreSQL reads it as the value's type (date_trunc('day',
	// ts) = '2024-10-27' compared '2024-10-27 00:00:00' with the spelling
	// and never held; of a timestamptz it was UTC text against local)
	runtime := func(a, b, va, vb int) {
		if te := x.dtTypeExpr(va, vb); runtimeTypeExpr(te) {
			x.T(a).pre = "pg_in_decl(" + x.T(a).pre
			x.T(b - 1).suf += ", " + te + ")"
		}
	}
	switch {
	case isDTName(lt) && lt != "interval" && rt == "" && x.plainStringOperand(i+1, re):
		wrap(i+1, re, lt)
	case isDTName(rt) && rt != "interval" && lt == "" && x.plainStringOperand(ls, i):
		wrap(ls, i, rt)
	case lt == "?" && rt == "" && x.plainStringOperand(i+1, re):
		runtime(i+1, re, ls, i)
	case rt == "?" && lt == "" && x.plainStringOperand(ls, i):
		runtime(ls, i, i+1, re)
	}
}
