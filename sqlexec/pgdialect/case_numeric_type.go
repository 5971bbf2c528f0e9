package pgdialect

// case_numeric_type.go: the type of a CASE whose first branch is a number.
//
// exprOID types a CASE by its first branch that shows a type, which for
// a number is only right when no other branch is of a wider one:
// PostgreSQL's CASE is of its branches' common type (select_common_type),
// so CASE WHEN c THEN 1 ELSE i8 END over an int8 column is int8, and
// CASE ... END + i4 of -9000000000 is -9000000007. Typed int4 by its
// first branch, the sum was checked as int4's: 22003 integer out of
// range where PostgreSQL answers (the differential fuzz tester, seed
// 820088). A CASE with a branch the translation cannot type (a column)
// is left of run-time type, as a CASE whose first branch is the column
// is: its arithmetic reads the branches' declared types at run time
// (setoptypes.go's pg_setop_type).

// caseNumericType is the type of the CASE a..b-1 whose first typed
// branch is of numeric type first: the branches' common type when the
// statement shows every one, 0 when one is seen only at run time.
func (x *tx) caseNumericType(a, b int, first uint32) uint32 {
	brs, end := x.caseBranches(a)
	if end != b {
		return first
	}
	for _, br := range brs {
		if br.kind == branchOpaque {
			return 0
		}
	}
	if o, err := commonType(brs, "CASE"); err == nil && o != 0 {
		return o
	}
	return first
}
