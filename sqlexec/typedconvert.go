package sqlexec

import "github.com/raftsql/raftsql/sqlexec/pgdialect"

// What a column's declared type decides, the translation cannot tell: it
// has no schema. Once SQLite has compiled the statement, the declared
// types are read (the expressions the translation wrote for them), and
// the statement is converted accordingly (compiledconvert.go runs it):
//
//   - the elements of a numeric[] column, read by a subscript or
//     unnest(), keep their scale and compare by value only as numeric
//     text (pgdialect/numeric_arrays.go);
//   - min/max of a numeric column keep the last of equal values, and a
//     coalesce/CASE of numeric, interval or jsonb columns that is grouped
//     or deduplicated compares by its type's collation
//     (pgdialect/compiled_types.go); a conditional, aggregate, window
//     value call, scalar subquery or cast of date/time type that is
//     sorted or is min/max's argument orders by value
//     (pgdialect/datetime_value_order.go);
//   - a LATERAL subquery's column of run-time type that DISTINCT or a set
//     operation compares gets its type's collation
//     (pgdialect/lateral_collate.go);
//   - a char(n) column compared with a varchar column ignores trailing
//     blanks, as bpchar's comparison (pgdialect/bpchar_compare.go), and
//     LIKE and the regular expressions match a char(n) value padded
//     (pgdialect/bpchar_like.go); a set operation's column or a
//     coalesce/greatest/least of char(n) before varchar is bpchar
//     (pgdialect/bpchar_mixed.go);
//   - date, timestamp and timestamptz columns as elements of an
//     ARRAY[...], arguments of coalesce/greatest/least and CASE results
//     are converted to their common type, whose collation the
//     coalesce or CASE then carries (pgdialect/datetime_common.go);
//   - a char(n) column as an array's element keeps its padding
//     (pgdialect/bpchar_array.go), a boolean one is written t/f
//     (pgdialect/bool_array.go), and a boolean array cast to text[]
//     writes true/false (pgdialect/bool_array_text.go);
//   - a date/time column compared with a column of another date/time
//     type is promoted as PostgreSQL promotes it, in the session zone
//     (pgdialect/datetime_pair_compiled.go).

// typedConversion is sqlText (compiled on c) converted by its columns'
// declared types, "" when nothing in it needs that.
func typedConversion(c *lconn, sqlText string) string {
	// the catalog reads are raftsql's own, outside the user's allow-list
	restore := c.enterAuth(authOff)
	defer restore()
	eval := func(expr string) string {
		vals, err := queryStrings(c, "SELECT CAST("+expr+" AS TEXT)")
		if err != nil || len(vals) != 1 {
			return ""
		}
		return vals[0]
	}
	q := sqlText
	if conv := pgdialect.NumericArrayConversion(q, eval); conv != "" {
		q = conv
	}
	if conv := pgdialect.LateralCollationConversion(q, eval); conv != "" {
		q = conv
	}
	if conv := pgdialect.BpcharCompareConversion(q, eval); conv != "" {
		q = conv
	}
	if conv := pgdialect.BpcharMixedConversion(q, eval); conv != "" {
		q = conv
	}
	if conv := pgdialect.BpcharLikeConversion(q, eval); conv != "" {
		q = conv
	}
	// before the common type: the elements of ARRAY[tz, ts] compared with
	// a date column take the column's type, not timestamptz's
	if conv := pgdialect.DatetimePairConversion(q, eval); conv != "" {
		q = conv
	}
	if conv := pgdialect.DatetimeCommonConversion(q, eval); conv != "" {
		q = conv
	}
	if conv := pgdialect.BpcharArrayConversion(q, eval); conv != "" {
		q = conv
	}
	// before the elements are written t/f: it reads their types
	if conv := pgdialect.BoolArrayTextConversion(q, eval); conv != "" {
		q = conv
	}
	if conv := pgdialect.BoolArrayConversion(q, eval); conv != "" {
		q = conv
	}
	if conv := pgdialect.CompiledTypeConversion(q, func(cond string) bool { return eval("("+cond+") IS 1") == "1" }); conv != "" {
		q = conv
	}
	if q == sqlText {
		return ""
	}
	return q
}
