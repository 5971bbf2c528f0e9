package pgdialect

// conflict_refs.go: PostgreSQL's ON CONFLICT DO UPDATE sees two rows, the
// target's and the one proposed for insertion (excluded), each with every
// column of the table, so an unqualified column in its SET values or its
// WHERE is ambiguous: 42702 column reference "b" is ambiguous, when the
// statement is parsed, whatever the rows. SQLite reads the name as the
// target's column, and the upsert ran. The translator has no schema: it
// lists the unqualified names there (Stmt.ConflictRefs), and the session
// refuses the statement when the target has a column of one of them
// (sqlexec/conflictrefs.go); a name the table does not have stays
// SQLite's error, 42703 as PostgreSQL's.

// ConflictRefs are the unqualified names of an INSERT's ON CONFLICT DO
// UPDATE (its SET values and WHERE, outside nested queries), in the
// statement's order, and the INSERT's target.
type ConflictRefs struct {
	Table string
	Names []ConflictName
}

// ConflictName is one unqualified name and its 1-based character
// position in the client's statement.
type ConflictName struct {
	Name string
	Pos  int
}

// conflictKeywords are the words of an expression that read as
// identifiers here and are never a column (a column of such a name is
// written quoted).
var conflictKeywords = map[string]bool{
	"AND": true, "OR": true, "NOT": true, "IS": true, "ISNULL": true, "NOTNULL": true,
	"CASE": true, "WHEN": true, "THEN": true, "ELSE": true, "END": true,
	"IN": true, "LIKE": true, "ILIKE": true, "SIMILAR": true, "TO": true, "ESCAPE": true,
	"BETWEEN": true, "SYMMETRIC": true, "ASYMMETRIC": true, "DISTINCT": true, "FROM": true,
	"ARRAY": true, "AT": true, "TIME": true, "ZONE": true, "DEFAULT": true, "ALL": true,
	"ANY": true, "SOME": true, "EXISTS": true, "UNKNOWN": true, "OVERLAPS": true,
	"COLLATE": true, "LEADING": true, "TRAILING": true, "BOTH": true, "PLACING": true, "FOR": true,
}

// conflictRefs reads the ON CONFLICT DO UPDATE of an INSERT (nil when it
// has none, or no unqualified name there).
func (x *tx) conflictRefs() *ConflictRefs {
	if !x.kw(0, "INSERT", "INTO") || !x.balanced() {
		return nil
	}
	tbl, _ := x.name(2)
	if tbl == "" {
		return nil
	}
	set := -1
	for k := 3; k < x.n(); k++ {
		if x.depth[k] == 0 && x.kw(k, "DO", "UPDATE", "SET") {
			set = k + 2
			break
		}
	}
	if set < 0 {
		return nil
	}
	setEnd, end := x.n(), x.n()
	for k := set + 1; k < x.n(); k++ {
		if x.depth[k] != 0 {
			continue
		}
		if x.T(k).kw("WHERE") && setEnd == x.n() {
			setEnd = k
		}
		if x.T(k).kw("RETURNING") {
			end = k
			setEnd = min(setEnd, k)
			break
		}
	}
	out := &ConflictRefs{Table: tbl}
	for _, it := range x.splitTop(set+1, setEnd) {
		// c = value, or (c1, c2) = (v1, v2) / (SELECT ...): the targets
		// are the table's own
		eq := it[0] + 1
		if x.isP(it[0], "(") {
			eq = x.match(it[0]) + 1
		}
		for x.isP(eq, "[") || x.isP(eq, ".") { // c[1] = v, c.f = v
			if x.isP(eq, "[") {
				eq = x.match(eq) + 1
			} else {
				eq += 2
			}
		}
		if x.isP(eq, "=") {
			x.conflictNames(eq+1, it[1], out)
		}
	}
	if setEnd < end {
		x.conflictNames(setEnd+1, end, out)
	}
	if len(out.Names) == 0 {
		return nil
	}
	return out
}

// conflictNames adds the unqualified names of a..b-1 (outside nested
// queries) to out.
func (x *tx) conflictNames(a, b int, out *ConflictRefs) {
	for k := a; k < b; k++ {
		t := x.T(k)
		switch {
		case x.isP(k, "(") && (x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES")):
			k = x.match(k) // a nested query has its own scope
			continue
		case t.typ == tCast || t.kw("AS"):
			// the type of x::type or CAST(x AS type), of one word or more
			if e, _, _, _, ok := x.parseType(k + 1); ok {
				k = e - 1
			}
			continue
		case t.typ != tIdent && t.typ != tQIdent:
			continue
		case x.isP(k+1, "(") || x.isP(k+1, ".") || x.isP(k-1, ".") || x.kw(k-1, "COLLATE"):
			continue // a function, a qualifier, a qualified name, a collation
		case x.T(k+1).typ == tString || x.kw(k+1, "FROM"):
			continue // a typed literal (interval '1 day'), extract(year FROM d)
		case t.typ == tIdent && (reservedWord(t.upper()) || conflictKeywords[t.upper()]):
			continue
		}
		out.Names = append(out.Names, ConflictName{Name: t.identName(), Pos: x.clientPos(k)})
	}
}
