package pgdialect

// An upsert's EXCLUDED row is seen by its DO UPDATE SET and WHERE only:
// PostgreSQL's RETURNING excluded.a is 42P01 "invalid reference to
// FROM-clause entry for table "excluded"" with a hint. SQLite reported
// an unknown column (42703).

// excludedReturningCheck returns PostgreSQL's error for the first
// excluded.col of the RETURNING list of an INSERT ... ON CONFLICT ... DO
// UPDATE, or nil.
func (x *tx) excludedReturningCheck() error {
	if !x.T(0).kw("INSERT") {
		return nil
	}
	do, r := -1, -1
	for k := 0; k < x.n(); k++ {
		if x.depth[k] != 0 {
			continue
		}
		if x.kw(k, "DO", "UPDATE") {
			do = k
		}
		if x.T(k).kw("RETURNING") && do >= 0 {
			r = k
		}
	}
	if r < 0 {
		return nil
	}
	for k := r + 1; k+1 < x.n(); k++ {
		t := x.T(k)
		if t.typ == tIdent && t.kw("EXCLUDED") && x.isP(k+1, ".") && !x.isP(k-1, ".") {
			return &Error{Code: "42P01", Message: `invalid reference to FROM-clause entry for table "excluded"`,
				Hint: `There is an entry for table "excluded", but it cannot be referenced from this part of the query.`, Position: x.charPos(k)}
		}
	}
	return nil
}
