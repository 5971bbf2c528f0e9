package pgdialect

import (
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MERGE (PostgreSQL 15).
//
// SQLite has no MERGE, so the statement is translated into a plan (Merge)
// that the state machine carries out at apply as one statement of one log
// entry (sqlexec/merge.go), all of it in one savepoint:
//
//  1. the join is evaluated once, before anything changes: Match gives a
//     row for each (source row, matching target row) pair, NoMatch one for
//     each source row no target row matches (put in their places among
//     Match's rows, in the source's order); each row carries the target
//     row's rowid, the number of the WHEN clause that applies to it (the
//     first whose condition holds, evaluated in order; 0 for none or DO
//     NOTHING) and the source row's values. The rows that act are kept in
//     a temporary table (MergeTable) whose columns have the source
//     columns' names and types.
//  2. a target row that more than one acting source row joins is
//     PostgreSQL's 21000 (MERGE command cannot affect row a second time).
//  3. each action runs as the ordinary statement it is (Steps), on each
//     run of consecutive rows of its clause in the join's order (Ordered):
//     UPDATE ... FROM the kept rows, DELETE of their target rows, INSERT
//     ... SELECT from them, so every check the INSERT and UPDATE paths make
//     (assignment types, NOT NULL, CHECK, keys, numeric scale, DEFAULT)
//     applies unchanged. The source's alias names the kept rows there, so
//     the expressions read as the user wrote them.
//
// A WITH list before MERGE starts every part (mergeText); a joined source
// keeps a table of rows per relation (mergesource.go).
//
// A WHEN NOT MATCHED clause sees only the source: NoMatch evaluates its
// conditions where the target is not in scope, and its INSERT reads the
// kept rows alone; a qualified reference to the target there is
// PostgreSQL's 42P01 (mergeTargetRef).
//
// The plan travels in the log as a statement that compiles to a write of
// the target without changing it (so the write checks see the join's
// expressions and SQLite's read-only test a write), followed by a comment
// carrying the whole plan, as data-modifying CTEs do (dmlcte.go).

// Merge is the plan of a MERGE statement.
type Merge struct {
	// Target: the target table's name (as the translation names it).
	Target string
	// Match and NoMatch: the translated queries of the join's rows
	// (MergeTID, MergeAct, then the source's columns). Match always runs
	// (without WHEN MATCHED clauses it reads no row, and reports the
	// join's errors, an ambiguous column, as PostgreSQL's join does);
	// NoMatch is "" without WHEN NOT MATCHED clauses. With clauses of
	// both kinds Match is the source LEFT JOIN the target, in the
	// source's order, its rows no target row matches marked
	// MergeUnmatched: NoMatch's rows (the same source rows, in the same
	// order) take their places, so the rows act in the source's order, as
	// PostgreSQL's plan over the source gives them.
	Match, NoMatch string
	// OIDs: the types the translation shows of their columns (0 unknown).
	OIDs []uint32 `json:",omitempty"`
	// Acting: the WHEN MATCHED clauses that update or delete (a target
	// row acted on twice is 21000).
	Acting []int `json:",omitempty"`
	// Steps: the actions (deletes, updates, inserts).
	Steps []MergeStep
	// Ordered: the steps act on the join's rows in its order, each run
	// of rows of one clause at a time (sqlexec's runMergeSteps); plans
	// logged before it existed run each step once over all its rows, in
	// order, and still apply so.
	Ordered bool `json:",omitempty"`
	// Rels: the number of relations of a joined source (0 for another),
	// whose kept rows are split at MergeRelMark columns (mergesource.go).
	Rels int `json:",omitempty"`
	// RelOIDs: for a joined source, the types the translation shows of
	// each relation's columns (nil: unknown), in place of OIDs.
	RelOIDs [][]uint32 `json:",omitempty"`
}

// MergeStep is one action of a MERGE plan.
type MergeStep struct {
	Clause int    // the WHEN clause (1-based) whose rows it acts on
	Verb   string // INSERT, UPDATE or DELETE
	SQL    string // the translated statement
	// Each: the statement inserts one row of defaults and runs once per
	// kept row of its clause (INSERT DEFAULT VALUES).
	Each bool `json:",omitempty"`
}

// The columns MERGE's join rows carry before the source's, and the
// temporary table that keeps them (names no user table or column is
// expected to have).
const (
	MergeTID   = "pgdialect_merge_tid"
	MergeAct   = "pgdialect_merge_act"
	MergeTable = `temp."` + mergeTableName + `"`
	mergeMark  = "/* raftsql:merge "
	// mergeTableName: MergeTable's name in the temporary schema.
	mergeTableName = "pgdialect_merge"
	// mergeRowid names the target's rowid (also when a column is named
	// rowid).
	mergeRowid = "_rowid_"
	// MergeUnmatched is the MergeAct of a Match row no target row
	// matches: NoMatch's next row takes its place.
	MergeUnmatched = -1
)

// ParseMerge recognises the statement a MERGE was translated into.
func ParseMerge(sqlText string) (Merge, bool) {
	return decodePlan(sqlText, mergeMark, func(m *Merge) bool { return m.Target != "" }) // dmlcte.go
}

// mergeVolatile are the functions whose every call gives another value
// (or changes state): a source that calls one cannot be evaluated twice.
var mergeVolatile = map[string]bool{"random": true, "nextval": true, "setval": true, "gen_random_uuid": true,
	"uuid_generate_v4": true, "clock_timestamp": true, "timeofday": true, "set_config": true}

// mergeVolatileSource refuses a source (tokens lo..hi-1) that calls a
// volatile function when the statement has WHEN MATCHED and WHEN NOT
// MATCHED clauses: Match and NoMatch each evaluate the source, and two
// evaluations of such a source could both match and not match one row.
func (x *tx) mergeVolatileSource(lo, hi int) error {
	for i := lo; i < hi; i++ {
		if t := x.T(i); t.typ == tIdent && x.isP(i+1, "(") && mergeVolatile[strings.ToLower(t.text)] {
			e := unsupported("MERGE with WHEN MATCHED and WHEN NOT MATCHED clauses over a data source that calls %s() is not supported", strings.ToLower(t.text))
			e.Hint = "Compute the source into a table first."
			e.Position = x.charPos(i)
			return e
		}
	}
	return nil
}

// mergeReadsTarget refuses, in a plan of several actions, a SET list or
// INSERT values whose subquery reads the target table: the actions run one
// after another, so it would see the earlier actions' changes, where
// PostgreSQL's sees the rows as they were before the statement.
func (x *tx) mergeReadsTarget(clauses []mergeClause, target string, m0 int) error {
	// the names a subquery reads the target by: the table's, and those of
	// the CTEs before MERGE that read it (each part evaluates them anew)
	reads := map[string]bool{target: true}
	if m0 > 0 {
		items, _, _, _ := x.withList(0)
		for _, c := range items {
			if x.mentions(c.lo, c.hi, target) {
				reads[c.name] = true
			}
		}
	}
	for _, c := range clauses {
		if c.verb != "UPDATE" && c.verb != "INSERT" || !strings.Contains(strings.ToUpper(x.orig(c.body[0], c.body[1])), "SELECT") {
			continue
		}
		for i := c.body[0]; i < c.body[1]; i++ {
			if t := x.T(i); (t.typ == tIdent || t.typ == tQIdent) && reads[t.identName()] && !x.isP(i+1, ".") && !x.isP(i-1, ".") {
				e := unsupported("MERGE with several actions whose %s reads its target table in a subquery is not supported", c.verb)
				e.Hint = "Compute the value into the source, or run the actions as statements of their own."
				e.Position = x.charPos(i)
				return e
			}
		}
	}
	return nil
}

// mentions reports whether tokens lo..hi-1 name the table name (not as a
// column's qualifier or a qualified name's last part).
func (x *tx) mentions(lo, hi int, name string) bool {
	for i := lo; i < hi; i++ {
		if t := x.T(i); (t.typ == tIdent || t.typ == tQIdent) && t.identName() == name && !x.isP(i+1, ".") && !x.isP(i-1, ".") {
			return true
		}
	}
	return false
}

// mergeCTENames are the names of the CTEs of the WITH list before the
// MERGE at m0.
func (x *tx) mergeCTENames(m0 int) []string {
	var out []string
	if m0 > 0 {
		items, _, _, _ := x.withList(0)
		for _, c := range items {
			out = append(out, c.name)
		}
	}
	return out
}

// mergeBodiesName reports whether a SET list or INSERT values of clauses
// names one of names (a subquery reading a CTE, evaluated by its action).
func (x *tx) mergeBodiesName(clauses []mergeClause, names []string) bool {
	for _, c := range clauses {
		for _, n := range names {
			if c.body[0] < c.body[1] && x.mentions(c.body[0], c.body[1], n) {
				return true
			}
		}
	}
	return false
}

// mergeAmbiguousTarget is PostgreSQL's 42P09 for a joined source with a
// relation of the target's name, at the first reference to it from the
// MERGE's ON at on; without one PostgreSQL runs the statement, which the
// plan (that names the target's rowid) cannot.
func (x *tx) mergeAmbiguousTarget(ref string, on int) error {
	for i := on; i < x.n(); i++ {
		if t := x.T(i); (t.typ == tIdent || t.typ == tQIdent) && t.identName() == ref && x.isP(i+1, ".") && !x.isP(i-1, ".") {
			return &Error{Code: "42P09", Message: "table reference \"" + ref + "\" is ambiguous", Position: x.charPos(i)}
		}
	}
	return unsupported("MERGE with a data source that joins a relation named %s, as its target is, is not supported (give one an alias)", ref)
}

// mergeClause is one WHEN clause: its condition's tokens (cond[0] ==
// cond[1]: none) and its action's.
type mergeClause struct {
	matched bool
	cond    [2]int
	verb    string // UPDATE, DELETE, INSERT, NOTHING
	body    [2]int // UPDATE: the SET list; INSERT: after INSERT
}

// mergeStart is the index of a MERGE statement's MERGE: 0, the token
// after a leading WITH list (WITH ... MERGE), or -1 for another statement.
func (x *tx) mergeStart() int {
	m := x.dmlStart() // withdml.go
	if !x.kw(m, "MERGE") {
		return -1
	}
	return m
}

// refuseWithMerge refuses WITH RECURSIVE before MERGE, as PostgreSQL
// 15 does, and a data-modifying CTE before MERGE: the plan runs its parts
// one after another, each with the WITH list, so the CTE's change would be
// made more than once.
func (x *tx) refuseWithMerge() error {
	m := x.mergeStart()
	if m <= 0 {
		return nil
	}
	items, _, recursive, _ := x.withList(0)
	if recursive {
		return syntaxErr(0, "WITH RECURSIVE is not supported for MERGE statement")
	}
	for _, c := range items {
		if v, dml := x.dataModifying(c); dml { // dmlcte.go
			e := unsupported("WITH query %s before MERGE is not supported", v)
			e.Position = x.charPos(c.lo)
			return e
		}
	}
	return nil
}

// merge translates MERGE into its plan (see the comment at the top).
func (x *tx) merge() (*Stmt, error) {
	m0 := x.mergeStart()
	i := m0 + 1
	if !x.kw(i, "INTO") {
		return nil, x.syntaxErrAt(i)
	}
	i++
	if x.kw(i, "ONLY") {
		return nil, unsupported("MERGE INTO ONLY is not supported")
	}
	tLo := i
	target, j := x.name(i)
	if target == "" {
		return nil, x.syntaxErrAt(i)
	}
	if x.isP(j, "*") {
		return nil, unsupported("MERGE INTO a table with * is not supported")
	}
	tName := x.orig(tLo, j)
	ref, alias := target, "" // ref: the name the target's rows go by
	if x.kw(j, "AS") {
		j++
	}
	if t := x.T(j); (t.typ == tIdent && !t.kw("USING")) || t.typ == tQIdent {
		ref, alias = t.identName(), x.orig(j, j+1)
		j++
	}
	if !x.kw(j, "USING") {
		return nil, x.syntaxErrAt(j)
	}
	sLo, src, sHi, err := x.mergeSource(j + 1)
	if err != nil {
		return nil, err
	}
	if len(src.wraps) > 0 {
		return TranslateFor(x.mergeWrapped(src.wraps), x.src) // positions in this statement
	}
	for _, r := range src.rels {
		if r == ref && len(src.rels) == 1 {
			return nil, &Error{Code: "42712", Message: "name \"" + r + "\" specified more than once",
				Detail: "The name is used both as MERGE target table and data source."}
		}
		if r == ref {
			return nil, x.mergeAmbiguousTarget(ref, sHi)
		}
	}
	on := sHi + 1
	clauses, onHi, err := x.mergeClauses(on)
	if err != nil {
		return nil, err
	}
	if onHi <= on {
		return nil, x.syntaxErrAt(onHi)
	}
	if len(clauses) == 0 {
		return nil, x.syntaxErrAt(x.n())
	}
	if err := x.mergeCalls(on+1, onHi, clauses); err != nil { // mergecalls.go
		return nil, err
	}
	targetAs := tName
	if alias != "" {
		targetAs += " AS " + alias
	}
	p := Merge{Target: target, Ordered: true}
	if len(src.rels) > 1 {
		p.Rels = len(src.rels)
	}
	st := &Stmt{Kind: KindQuery, Tag: "MERGE"}
	// the join's rows: the clause whose condition holds first
	anyMatched, anyNot := false, false
	for _, c := range clauses {
		anyMatched = anyMatched || c.matched
		anyNot = anyNot || !c.matched
	}
	// both kinds: Match reads every source row in the source's order
	// (source LEFT JOIN target: SQLite keeps a LEFT JOIN's left side the
	// outer loop), a row no target row matches marked MergeUnmatched,
	// where NoMatch's row of it goes (sqlexec's mergeJoin)
	interleave := anyMatched && anyNot
	caseOf := func(b *mergeText, matched bool) {
		b.lit("CASE")
		if matched && interleave {
			b.lit(" WHEN " + quoteIdent(ref) + "." + mergeRowid + " IS NULL THEN " + strconv.Itoa(MergeUnmatched))
		}
		n := 0
		for k, c := range clauses {
			if c.matched != matched {
				continue
			}
			act := strconv.Itoa(k + 1)
			if c.verb == "NOTHING" {
				act = "0"
			}
			b.lit(" WHEN ")
			if c.cond[0] < c.cond[1] {
				b.lit("(")
				b.user(c.cond[0], c.cond[1])
				b.lit(")")
			} else {
				b.lit("true")
			}
			b.lit(" THEN " + act)
			n++
		}
		if n == 0 {
			b.lit(" WHEN false THEN 0")
		}
		b.lit(" ELSE 0 END AS " + MergeAct + ", ")
	}
	match := x.mergeText()
	match.lit("SELECT " + quoteIdent(ref) + "." + mergeRowid + " AS " + MergeTID + ", ")
	caseOf(match, true)
	match.lit(src.columns() + " FROM ")
	match.user(sLo, sHi)
	if interleave {
		match.lit(" LEFT")
	}
	match.lit(" JOIN " + targetAs + " ON ")
	match.user(on, onHi)
	if !anyMatched {
		// reads no row: run for the join's errors (an ambiguous column)
		match.lit(" WHERE false")
	}
	q, err := match.translate()
	if err != nil {
		return nil, err
	}
	p.Match = q.Exec[0]
	mergeParams(st, q)
	// the source's column types as a query of it shows them (derived
	// columns: VALUES, subqueries), which the kept rows' columns take
	types := x.mergeText()
	// (the translation types a derived table's *, not its r.*)
	types.lit("SELECT * FROM ")
	types.user(sLo, sHi)
	if q, err := types.translate(); err == nil && len(q.ColumnOIDs) > 0 && len(src.rels) == 1 {
		p.OIDs = append([]uint32{0, 0}, q.ColumnOIDs...)
	}
	if len(src.rels) > 1 {
		// each relation's on its own, lined up with its columns at apply
		p.RelOIDs = make([][]uint32, len(src.rels))
		for k, sp := range src.spans {
			t := x.mergeText()
			t.lit("SELECT * FROM ")
			t.user(sp[0], sp[1])
			if q, err := t.translate(); err == nil {
				p.RelOIDs[k] = q.ColumnOIDs
			}
		}
	}
	carrier := "SELECT " + MergeTID + " FROM (" + p.Match + ")"
	if anyNot && anyMatched {
		if err := x.mergeVolatileSource(sLo, sHi); err != nil {
			return nil, err
		}
	}
	if m0 > 0 && (anyNot && anyMatched || x.mergeBodiesName(clauses, x.mergeCTENames(m0))) {
		// the WITH list is evaluated by each part that reads it
		if err := x.mergeVolatileSource(0, m0); err != nil {
			return nil, err
		}
	}
	if anyNot {
		for _, c := range clauses {
			if !c.matched {
				if err := x.mergeTargetRef(ref, c); err != nil {
					return nil, err
				}
			}
		}
		nm := x.mergeText()
		nm.lit("SELECT NULL AS " + MergeTID + ", ")
		caseOf(nm, false)
		nm.lit(src.columns() + " FROM ")
		nm.user(sLo, sHi)
		nm.lit(" WHERE NOT EXISTS (SELECT 1 FROM " + targetAs + " WHERE ")
		nm.user(on, onHi)
		nm.lit(")")
		q, err := nm.translate()
		if err != nil {
			return nil, err
		}
		p.NoMatch = q.Exec[0]
		mergeParams(st, q)
		carrier += " UNION ALL SELECT " + MergeTID + " FROM (" + p.NoMatch + ")"
	}
	// the actions (a plan of an earlier version ran them in this order,
	// over all their rows; an Ordered one runs each on its clause's runs
	// of rows, in the join's order)
	for _, verb := range []string{"DELETE", "UPDATE", "INSERT"} {
		for k, c := range clauses {
			if c.verb != verb {
				continue
			}
			s, err := x.mergeStep(k+1, c, tName, targetAs, ref, src)
			if err != nil {
				return nil, err
			}
			p.Steps = append(p.Steps, s.step)
			if s.st != nil {
				mergeParams(st, s.st)
			}
			if verb != "INSERT" {
				p.Acting = append(p.Acting, k+1)
			}
		}
	}
	if len(p.Steps) > 1 {
		if err := x.mergeReadsTarget(clauses, target, m0); err != nil {
			return nil, err
		}
	}
	st.ParamCols = x.mergeParamCols(clauses, tName, alias, st.ParamCount)
	b, _ := json.Marshal(p)
	st.Exec = []string{"DELETE FROM " + quoteIdent(target) + " WHERE false AND " + mergeRowid + " IN (" + carrier + ")\n" +
		mergeMark + hex.EncodeToString(b) + " */"}
	return st, nil
}

// mergeClauses reads the WHEN clauses after the ON at on, and returns
// them with the index of the first WHEN (the end of the join condition).
func (x *tx) mergeClauses(on int) ([]mergeClause, int, error) {
	// the clause WHENs: at depth 0, outside CASE ... END
	var whens []int
	cases := 0
	for i := on + 1; i < x.n(); i++ {
		if x.depth[i] != 0 {
			continue
		}
		if x.outsideCase(i, &cases) && x.kw(i, "WHEN") && (x.kw(i+1, "MATCHED") || x.kw(i+1, "NOT", "MATCHED")) {
			whens = append(whens, i)
		}
	}
	first := x.n()
	if len(whens) > 0 {
		first = whens[0]
	}
	var out []mergeClause
	uncond := map[bool]bool{}
	for k, w := range whens {
		end := x.n()
		if k+1 < len(whens) {
			end = whens[k+1]
		}
		c := mergeClause{matched: x.kw(w+1, "MATCHED")}
		i := w + 2
		if !c.matched {
			i++
		}
		c.cond = [2]int{i, i}
		if x.kw(i, "AND") {
			then := -1
			cases := 0
			for j := i + 1; j < end; j++ {
				if x.depth[j] != 0 {
					continue
				}
				if x.outsideCase(j, &cases) && x.kw(j, "THEN") {
					then = j
					break
				}
			}
			if then < 0 {
				return nil, 0, x.syntaxErrAt(end)
			}
			c.cond = [2]int{i + 1, then}
			i = then
		}
		if !x.kw(i, "THEN") {
			return nil, 0, x.syntaxErrAt(i)
		}
		if uncond[c.matched] {
			return nil, 0, syntaxErr(0, "unreachable WHEN clause specified after unconditional WHEN clause")
		}
		if c.cond[0] == c.cond[1] {
			uncond[c.matched] = true
		}
		i++
		switch {
		case x.kw(i, "DO", "NOTHING"):
			c.verb = "NOTHING"
			i += 2
		case x.kw(i, "DELETE") && c.matched:
			c.verb = "DELETE"
			i++
		case x.kw(i, "UPDATE", "SET") && c.matched:
			c.verb = "UPDATE"
			c.body = [2]int{i + 2, end}
			for k := i + 2; k < end; k++ {
				// PostgreSQL 15's grammar: a SET list only (no RETURNING)
				if x.depth[k] == 0 && (x.kw(k, "RETURNING") || x.kw(k, "FROM") || x.kw(k, "WHERE")) {
					return nil, 0, x.syntaxErrAt(k)
				}
			}
			i = end
		case x.kw(i, "INSERT") && !c.matched:
			c.verb = "INSERT"
			c.body = [2]int{i + 1, end}
			i = end
		default:
			return nil, 0, x.syntaxErrAt(i)
		}
		if i != end {
			return nil, 0, x.syntaxErrAt(i)
		}
		out = append(out, c)
	}
	return out, first, nil
}

// mergeTargetRef is PostgreSQL's 42P01 for a reference to the target
// (ref.) in a WHEN NOT MATCHED clause, which sees only the source.
func (x *tx) mergeTargetRef(ref string, c mergeClause) error {
	for _, r := range [][2]int{c.cond, c.body} {
		for i := r[0]; i < r[1]; i++ {
			t := x.T(i)
			if (t.typ == tIdent || t.typ == tQIdent) && t.identName() == ref && x.isP(i+1, ".") && !x.isP(i-1, ".") {
				return &Error{Code: "42P01", Message: "invalid reference to FROM-clause entry for table \"" + ref + "\"",
					Hint:     "There is an entry for table \"" + ref + "\", but it cannot be referenced from this part of the query.",
					Position: x.charPos(i)}
			}
		}
	}
	return nil
}

// mergeStepStmt is a translated action with its statement (for its
// parameters; nil when none).
type mergeStepStmt struct {
	step MergeStep
	st   *Stmt
}

// mergeStep translates the action of clause k (1-based).
// tName is the target table as the statement names it, targetAs with its
// alias: an INSERT, which reads no target row, names the table alone, as
// PostgreSQL's errors about its columns do.
func (x *tx) mergeStep(k int, c mergeClause, tName, targetAs, ref string, src mergeSource) (mergeStepStmt, error) {
	kept := src.kept
	if kept == "" {
		kept = MergeTable + " AS " + quoteIdent(src.rels[0])
	}
	first := quoteIdent(src.rels[0])
	ofClause := " " + first + "." + MergeAct + " = " + strconv.Itoa(k)
	step := MergeStep{Clause: k, Verb: c.verb}
	b := x.mergeText()
	switch c.verb {
	case "DELETE":
		b.lit("DELETE FROM " + targetAs + " WHERE " + mergeRowid + " IN (SELECT " + MergeTID + " FROM " + MergeTable +
			" WHERE " + MergeAct + " = " + strconv.Itoa(k) + ")")
	case "UPDATE":
		for i := c.body[0]; i < c.body[1]; i++ {
			if x.kw(i, "DEFAULT") && (x.isP(i-1, "=") || x.isP(i-1, ",") || x.isP(i-1, "(")) &&
				(i+1 == c.body[1] || x.isP(i+1, ",") || x.isP(i+1, ")")) {
				// the session fills in the column's default (fillMergeDefaults)
				return mergeStepStmt{}, unsupported("UPDATE ... SET column = DEFAULT is not supported here")
			}
		}
		b.lit("UPDATE " + targetAs + " SET ")
		b.user(c.body[0], c.body[1])
		b.lit(" FROM " + kept + " WHERE " + quoteIdent(ref) + "." + mergeRowid + " = " + first + "." + MergeTID + " AND" + ofClause)
	case "INSERT":
		if err := x.mergeInsert(b, c, tName, kept, ofClause, &step); err != nil {
			return mergeStepStmt{}, err
		}
	}
	st, err := b.translate()
	if err != nil {
		return mergeStepStmt{}, err
	}
	if st.Kind != KindQuery || len(st.Exec) != 1 {
		return mergeStepStmt{}, unsupported("MERGE action %s is not supported here", c.verb)
	}
	step.SQL = st.Exec[0]
	return mergeStepStmt{step, st}, nil
}

// mergeInsert writes the INSERT of clause c into b: INSERT [(cols)]
// VALUES (...) becomes INSERT INTO target [(cols)] SELECT ... FROM the
// kept rows, its DEFAULT items left to the columns' defaults (dropped
// from the lists); DEFAULT VALUES (or only DEFAULT items) inserts one
// row of defaults per kept row.
func (x *tx) mergeInsert(b *mergeText, c mergeClause, target, kept, ofClause string, step *MergeStep) error {
	i, end := c.body[0], c.body[1]
	var cols [][2]int
	if x.isP(i, "(") {
		e := x.match(i)
		cols = x.splitTop(i+1, e)
		i = e + 1
	}
	overriding, userValue := "", false
	switch {
	case x.kw(i, "OVERRIDING", "SYSTEM", "VALUE"):
		// the session let the identity columns' values through
		// (MergeActions keeps the clause); the INSERT ... SELECT drops it
		overriding = x.orig(i, i+3) + " "
		i += 3
		if !x.kw(i, "VALUES") {
			return x.syntaxErrAt(i) // PostgreSQL's grammar: VALUES only
		}
	case x.kw(i, "OVERRIDING", "USER", "VALUE"):
		// the session gave the identity columns DEFAULT and dropped the
		// clause (mergeuservalue.go); left here, it had no column list or
		// one of another length (PostgreSQL's errors first)
		userValue = true
		i += 3
		if !x.kw(i, "VALUES") {
			return x.syntaxErrAt(i) // PostgreSQL's grammar: VALUES only
		}
	}
	if x.kw(i, "DEFAULT", "VALUES") {
		if i+2 != end {
			return x.syntaxErrAt(i + 2)
		}
		b.lit("INSERT INTO " + target + " DEFAULT VALUES")
		step.Each = true
		return nil
	}
	if !x.kw(i, "VALUES") || !x.isP(i+1, "(") {
		return x.syntaxErrAt(i)
	}
	e := x.match(i + 1)
	if e+1 != end {
		return x.syntaxErrAt(e + 1)
	}
	vals := x.splitTop(i+2, e)
	if cols != nil && len(vals) > len(cols) {
		return &Error{Code: "42601", Message: "INSERT has more expressions than target columns", Position: x.charPos(vals[len(cols)][0])}
	}
	if cols != nil && len(vals) < len(cols) {
		return &Error{Code: "42601", Message: "INSERT has more target columns than expressions", Position: x.charPos(cols[len(vals)][0])}
	}
	if userValue {
		return unsupported("INSERT ... OVERRIDING USER VALUE is not supported here")
	}
	var keep []int
	for k, v := range vals {
		if v[1] == v[0]+1 && x.kw(v[0], "DEFAULT") {
			if cols == nil {
				// the session names the columns (MergeAddColumns)
				return unsupported("DEFAULT in a MERGE INSERT without a column list is not supported here")
			}
			continue
		}
		keep = append(keep, k)
	}
	if len(keep) == 0 {
		b.lit("INSERT INTO " + target + " DEFAULT VALUES")
		step.Each = true
		return nil
	}
	b.lit("INSERT INTO " + target + " ")
	if cols != nil {
		b.lit("(")
		for n, k := range keep {
			if n > 0 {
				b.lit(", ")
			}
			b.user(cols[k][0], cols[k][1])
		}
		b.lit(") ")
	}
	b.lit(overriding + "SELECT ")
	for n, k := range keep {
		if n > 0 {
			b.lit(", ")
		}
		b.user(vals[k][0], vals[k][1])
	}
	b.lit(" FROM " + kept + " WHERE" + ofClause)
	return nil
}

// mergeText builds the PostgreSQL text of one part of a MERGE from
// generated text and pieces of the statement, so that an error the
// translation of the part reports points into the client's statement.
type mergeText struct {
	x    *tx
	b    strings.Builder
	segs []mergeSeg
}

// mergeSeg is a piece of the statement: its byte offset in the part, in
// the statement, and its length.
type mergeSeg struct{ at, from, n int }

// mergeText starts a part with the statement's WITH list (WITH ...
// MERGE), which every part reads under the same names.
func (x *tx) mergeText() *mergeText {
	m := &mergeText{x: x}
	if m0 := x.mergeStart(); m0 > 0 {
		m.user(0, m0)
		m.lit(" ")
	}
	return m
}

func (m *mergeText) lit(s string) { m.b.WriteString(s) }

// user copies the statement's tokens lo..hi-1.
func (m *mergeText) user(lo, hi int) {
	s := m.x.orig(lo, hi)
	m.segs = append(m.segs, mergeSeg{m.b.Len(), m.x.T(lo).pos, len(s)})
	m.b.WriteString(s)
}

// translate translates the part, an error's position mapped to the
// statement's (none when it points at generated text).
func (m *mergeText) translate() (*Stmt, error) {
	sql := m.b.String()
	st, err := Translate(sql)
	if e, ok := err.(*Error); ok && e.Position > 0 {
		e.Position = m.statementPos(sql, e.Position)
	}
	return st, err
}

func (m *mergeText) statementPos(sql string, pos int) int {
	at := 0
	for n := 1; n < pos && at < len(sql); n++ {
		_, w := utf8.DecodeRuneInString(sql[at:])
		at += w
	}
	for _, s := range m.segs {
		if at >= s.at && at < s.at+s.n {
			return utf8.RuneCountInString(m.x.src[:s.from+at-s.at]) + 1
		}
	}
	return 0
}

// mergeClausesOf reads a MERGE statement's target table and WHEN
// clauses (ok false when x is none it can read).
func (x *tx) mergeClausesOf() (table string, clauses []mergeClause, ok bool) {
	m0 := x.mergeStart()
	if m0 < 0 || !x.kw(m0+1, "INTO") {
		return "", nil, false
	}
	table, j := x.name(m0 + 2)
	if table == "" {
		return "", nil, false
	}
	for j < x.n() && !x.kw(j, "USING") {
		j++
	}
	_, _, on, err := x.mergeSource(j + 1)
	if err != nil {
		return "", nil, false
	}
	clauses, _, err = x.mergeClauses(on)
	return table, clauses, err == nil
}

// MergeTarget is the target table of a MERGE ("" for another statement).
func MergeTarget(sql string) string {
	x := newTx(sql)
	m0 := x.mergeStart()
	if m0 < 0 || !x.kw(m0+1, "INTO") {
		return ""
	}
	table, _ := x.name(m0 + 2)
	return table
}

// MergeColumnless reports a MERGE with an INSERT VALUES action without a
// column list, and its target table: the session names the leading
// columns the values fill (MergeAddColumns), as PostgreSQL fills the rest
// with their defaults, so that the action is an INSERT with a column list
// (its DEFAULT items left out).
func MergeColumnless(sql string) (table string, ok bool) {
	x := newTx(sql)
	table, clauses, ok := x.mergeClausesOf()
	if !ok {
		return "", false
	}
	for _, c := range clauses {
		if c.verb == "INSERT" && x.kw(x.mergeValuesAt(c), "VALUES") {
			return table, true
		}
	}
	return "", false
}

// mergeValuesAt is where the INSERT clause c has its VALUES or DEFAULT
// VALUES when it has no column list: after INSERT [OVERRIDING ... VALUE].
func (x *tx) mergeValuesAt(c mergeClause) int {
	i := c.body[0]
	if x.kw(i, "OVERRIDING") {
		i += 3
	}
	return i
}

// MergeAddColumns gives each columnless INSERT VALUES action of the MERGE
// sql the column list of the first target columns (names, in order) its
// values fill; one with more values than columns is left as it is.
func MergeAddColumns(sql string, names []string) string {
	x := newTx(sql)
	_, clauses, ok := x.mergeClausesOf()
	if !ok {
		return sql
	}
	for k := len(clauses) - 1; k >= 0; k-- {
		c := clauses[k]
		i := x.mergeValuesAt(c)
		if c.verb != "INSERT" || !x.kw(i, "VALUES") || !x.isP(i+1, "(") {
			continue
		}
		n := len(x.splitTop(i+2, x.match(i+1)))
		if n > len(names) {
			continue
		}
		cols := make([]string, n)
		for j := range cols {
			cols[j] = quoteIdent(names[j])
		}
		at := x.T(c.body[0]).pos // before OVERRIDING
		sql = sql[:at] + "(" + strings.Join(cols, ", ") + ") " + sql[at:]
	}
	return sql
}

// fillMergeDefaults is FillDefaults for MERGE: each DEFAULT of an UPDATE
// SET item (c = DEFAULT, (c1, c2) = (e, DEFAULT)) becomes its column's
// stored default expression (NULL for none), as in UPDATE
// (fillUpdateDefaults).
func fillMergeDefaults(x *tx, columns func(table string) (names, defaults []string, err error)) (string, bool) {
	table, clauses, ok := x.mergeClausesOf()
	if !ok {
		return "", false
	}
	byName, ok := defaultsByName(columns, table) // defaults.go
	if !ok {
		return "", false
	}
	sql := x.src
	for k := len(clauses) - 1; k >= 0; k-- {
		c := clauses[k]
		if c.verb != "UPDATE" {
			continue
		}
		// the DEFAULT tokens of the list, each with its column: c =
		// DEFAULT, and (c1, c2) = (e, DEFAULT)
		var at []int
		var cols []string
		for _, p := range x.splitTop(c.body[0], c.body[1]) {
			if p[1] == p[0]+3 && x.isP(p[0]+1, "=") && x.kw(p[0]+2, "DEFAULT") {
				at, cols = append(at, p[0]+2), append(cols, x.T(p[0]).identName())
				continue
			}
			if !x.isP(p[0], "(") || !x.isP(x.match(p[0])+1, "=") || !x.isP(x.match(p[0])+2, "(") || x.match(x.match(p[0])+2)+1 != p[1] {
				continue
			}
			names := x.splitTop(p[0]+1, x.match(p[0]))
			vals := x.splitTop(x.match(p[0])+3, p[1]-1)
			for k, v := range vals {
				if k < len(names) && v[1] == v[0]+1 && x.kw(v[0], "DEFAULT") {
					at, cols = append(at, v[0]), append(cols, x.T(names[k][0]).identName())
				}
			}
		}
		for n := len(at) - 1; n >= 0; n-- {
			d, known := byName[strings.ToLower(cols[n])]
			if !known {
				return "", false // the translation names the unknown column
			}
			expr := "NULL"
			if d != "" {
				expr = "(" + d + ")"
			}
			t := x.T(at[n])
			sql = sql[:t.pos] + expr + sql[t.pos+len(t.text):]
		}
	}
	return sql, sql != x.src
}

// mergeParamCols types the parameters that stand for a target column's
// value (SET c = $1, INSERT (c) VALUES ($1), a comparison with a column)
// as paramColumns types them in the INSERT and UPDATE the actions are.
func (x *tx) mergeParamCols(clauses []mergeClause, tName, alias string, count int) []ParamCol {
	if count == 0 {
		return nil
	}
	var out []ParamCol
	add := func(text string) {
		for i, c := range newTx(text).paramColumns(count) {
			if out == nil {
				out = make([]ParamCol, count)
			}
			if out[i].Column == "" {
				out[i] = c
			}
		}
	}
	for _, a := range x.mergeActionTexts(clauses, tName, alias) {
		add(a)
	}
	add(x.orig(0, x.n()))
	return out
}

// mergeActionTexts are the actions of clauses as the PostgreSQL INSERT
// and UPDATE statements they stand for (without the source), for the
// checks made on those statements' text.
func (x *tx) mergeActionTexts(clauses []mergeClause, tName, alias string) []string {
	targetAs := tName
	if alias != "" {
		targetAs += " AS " + alias
	}
	var out []string
	for _, c := range clauses {
		switch {
		case c.verb == "UPDATE":
			out = append(out, "UPDATE "+targetAs+" SET "+x.orig(c.body[0], c.body[1]))
		case c.verb == "INSERT" && !x.kw(c.body[0], "DEFAULT"):
			out = append(out, "INSERT INTO "+tName+" "+x.orig(c.body[0], c.body[1]))
		}
	}
	return out
}

// MergeActions are the actions of the MERGE sql as the PostgreSQL INSERT
// and UPDATE statements they stand for (the session checks their
// identity columns as it checks those statements'); nil for another
// statement.
func MergeActions(sql string) []string {
	x := newTx(sql)
	_, clauses, ok := x.mergeClausesOf()
	if !ok {
		return nil
	}
	alias := ""
	m0 := x.mergeStart()
	_, j := x.name(m0 + 2)
	tName := x.orig(m0+2, j)
	if x.kw(j, "AS") {
		j++
	}
	if t := x.T(j); t.typ == tQIdent || t.typ == tIdent && !t.kw("USING") {
		alias = x.orig(j, j+1)
	}
	return x.mergeActionTexts(clauses, tName, alias)
}

// MergeTypingText is, for a MERGE, a query that shows the expressions of
// its join condition, WHEN conditions, SET lists and INSERT values over
// its source joined to its target, so that the parameters among their
// operands are typed as in a query (ParamOperands); sql itself for
// another statement.
func MergeTypingText(sql string) string {
	x := newTx(sql)
	_, clauses, ok := x.mergeClausesOf()
	if !ok {
		return sql
	}
	m0 := x.mergeStart()
	tLo := m0 + 2
	_, j := x.name(tLo)
	for j < x.n() && !x.kw(j, "USING") {
		j++
	}
	sLo, src, on, err := x.mergeSource(j + 1)
	if err != nil {
		return sql
	}
	if len(src.wraps) > 0 {
		return MergeTypingText(x.mergeWrapped(src.wraps))
	}
	_, onHi, _ := x.mergeClauses(on)
	var items, conds []string
	bare := func(p [2]int) bool { return p[1] == p[0]+1 && x.T(p[0]).typ == tParam }
	for _, c := range clauses {
		if c.cond[0] < c.cond[1] {
			conds = append(conds, "("+x.orig(c.cond[0], c.cond[1])+")")
		}
		switch c.verb {
		case "UPDATE":
			for _, p := range x.splitTop(c.body[0], c.body[1]) {
				if e := x.findEq(p); e > 0 && !bare([2]int{e + 1, p[1]}) {
					items = append(items, x.orig(e+1, p[1]))
				}
			}
		case "INSERT":
			v := x.findKw(c.body[0], c.body[1], 0, "VALUES")
			if v < 0 || !x.isP(v+1, "(") {
				continue
			}
			for _, p := range x.splitTop(v+2, x.match(v+1)) {
				if !bare(p) && !(p[1] == p[0]+1 && x.kw(p[0], "DEFAULT")) {
					items = append(items, x.orig(p[0], p[1]))
				}
			}
		}
	}
	if len(items) == 0 {
		items = []string{"1"}
	}
	q := "SELECT " + strings.Join(items, ", ") + " FROM " + x.orig(sLo, on) + " JOIN " + x.orig(tLo, j) + " ON " + x.orig(on+1, onHi)
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	if m0 > 0 {
		q = x.orig(0, m0) + " " + q
	}
	return q
}

// findEq is the index of the = of a SET item p (c = e, (c1, c2) = (...)),
// 0 when none.
func (x *tx) findEq(p [2]int) int {
	for i := p[0]; i < p[1]; i++ {
		if x.depth[i] == x.depth[p[0]] && x.isP(i, "=") {
			return i
		}
	}
	return 0
}

// mergeWrapped is the statement with each aliased parenthesised join of
// its source (wraps, mergeSource) read as the subquery SELECT * FROM it.
func (x *tx) mergeWrapped(wraps []int) string {
	sql := x.src
	for k := len(wraps) - 1; k >= 0; k-- {
		at := x.T(wraps[k]).pos + 1
		sql = sql[:at] + "SELECT * FROM " + sql[at:]
	}
	return sql
}
