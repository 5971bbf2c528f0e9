package pgdialect

// The rows of a VALUES list nested in a statement (a FROM item, a CTE's
// body, a subquery) resolved to one type per column, as PostgreSQL
// resolves every VALUES list (select_common_type), not only the
// statement's own (resolveSetOps): (VALUES (0.1), (0.2), (0.3)) v(x) is a
// numeric column, its constants kept exact (sum is 0.6, not SQLite's
// 0.6000000000000001), its integers widened to numeric and its quoted
// literals read by numeric's input function ('NaN', 'Infinity'), so that
// the column sorts, groups and aggregates by numeric value. derivedcols.go
// types the references to such a column from the same resolution.

// resolveNestedValues resolves the columns of every parenthesised VALUES
// list of the statement; the error is PostgreSQL's for a literal that is
// not valid input for its column's type, or for types that cannot be
// matched (42804).
func (x *tx) resolveNestedValues() error {
	if !x.castsChecked() {
		return nil
	}
	for k := 1; k < x.n(); k++ {
		if !x.T(k).kw("VALUES") || !x.isP(k-1, "(") {
			continue
		}
		m := x.match(k - 1)
		if m < 0 {
			continue
		}
		rows := x.valuesRows(k, m) // derivedcols.go
		if len(rows) == 0 {
			continue
		}
		for c := range rows[0] {
			brs := make([]branch, len(rows))
			for i, r := range rows {
				brs[i] = x.classify(r[c][0], r[c][1])
			}
			o, err := commonType(brs, "VALUES")
			if err != nil {
				return err
			}
			if o == 0 {
				continue
			}
			if err := x.resolveBranches(brs, o); err != nil {
				return err
			}
		}
	}
	return nil
}
