package pgdialect

// catalog_vector_any.go: x = ANY(i.indkey) over the catalog's vector
// columns. GORM's index query (a.attnum = ANY(i.indkey)), psql's and
// migration tools' constraint queries (= ANY(c.conkey)) read them so; in
// a catalog query ANY is otherwise left as it is (the catalog's arrays
// are no stored arrays), and it was 42883 "function ANY does not exist".
// The catalog keeps an int2vector as its text ("1 2", pg_index.indkey)
// and an int2[] as its array text ("{1,2}", pg_constraint.conkey); both
// become the JSON array of their numbers.

// catalogVectorCols are the catalog's vector and array columns of
// numbers.
var catalogVectorCols = map[string]bool{"indkey": true, "indclass": true, "indcollation": true, "indoption": true,
	"conkey": true, "confkey": true, "conpfeqop": true, "conppeqop": true, "conffeqop": true, "conexclop": true,
	"proargtypes": true, "stxkeys": true}

// catalogVectorAny rewrites x = ANY (col) at i (the keyword) when col is
// one of them, and reports whether it did.
func (x *tx) catalogVectorAny(i int) bool {
	if !x.isP(i-1, "=") || x.T(i).kw("ALL") || !x.isP(i+1, "(") {
		return false
	}
	e := x.match(i + 1)
	q, col, ok := x.bareColumn(i+2, e)
	if !ok || !catalogVectorCols[col] {
		return false
	}
	ref := quoteIdent(col)
	if q != "" {
		ref = quoteIdent(q) + "." + ref
	}
	x.T(i - 1).set(" IN ")
	x.T(i).set("(SELECT value FROM json_each('[' || replace(trim(replace(replace(" + ref + ", '{', ''), '}', '')), ' ', ',') || ']'))")
	x.blank(i+1, e+1)
	return true
}
