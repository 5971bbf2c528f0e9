package pgdialect

import (
	"encoding/hex"
	"encoding/json"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// Data-modifying statements in WITH (WITH d AS (DELETE ... RETURNING *)
// INSERT INTO t SELECT * FROM d).
//
// SQLite has no counterpart, so such a statement is translated into a
// plan (WithDML) that the state machine carries out at apply, as one
// statement of one log entry (sqlexec/dmlcte.go): each data-modifying CTE
// runs in the order of the WITH list, its RETURNING rows kept in a
// temporary table, then the main statement runs with each such CTE
// reading its table. PostgreSQL runs every part on the snapshot taken
// before the statement; running them in order gives the same answer
// exactly when no part reads or writes a table an earlier part wrote,
// which the state machine checks on what SQLite compiled before running
// anything (refusing the rest with 0A000).
//
// The plan travels in the log as the first data-modifying part's own SQL
// (so the write checks and SQLite's read-only test see a real write)
// followed by a comment carrying the whole plan.

// WithDML is the plan of a statement with data-modifying CTEs.
type WithDML struct {
	Recursive bool
	Items     []WithItem
	// Main: the statement after the WITH list, translated.
	Main string
}

// WithItem is one item of the WITH list.
type WithItem struct {
	// Name: the CTE's name (unquoted, or lower-cased); Cols its column
	// names (nil: no list).
	Name string
	Cols []string
	// Head: name [(cols)] AS [[NOT] MATERIALIZED] "(" of a query item.
	Head string
	// Query: a query item's translated query; DML: a data-modifying
	// item's translated statement (one of the two is set).
	Query, DML string
	// Returning: the data-modifying statement has a RETURNING clause
	// (without one it cannot be referenced, and has no table).
	Returning bool
	// OIDs: the types the translation shows of the RETURNING columns
	// (Stmt.ColumnOIDs; 0 = unknown), for those SQLite declares none.
	OIDs []uint32 `json:",omitempty"`
	// Pos: the 1-based character position of its name in the statement
	// (errors about the item point there, as PostgreSQL's do).
	Pos int `json:",omitempty"`
}

const withDMLMark = "/* raftsql:with-dml "

// ParseWithDML recognises the statement a WITH list with data-modifying
// CTEs was translated into.
func ParseWithDML(sqlText string) (WithDML, bool) {
	return decodePlan(sqlText, withDMLMark, func(w *WithDML) bool { return w.Main != "" })
}

// decodePlan is the plan of type T a translation carried in the trailing
// comment that starts with mark, when there is one and valid accepts it.
// The value is declared only past the cheap test: Unmarshal moves it to
// the heap, which a statement without a plan must not pay.
func decodePlan[T any](sqlText, mark string, valid func(*T) bool) (T, bool) {
	var zero T
	b, ok := markedPlan(sqlText, mark)
	if !ok {
		return zero, false
	}
	p := new(T)
	if json.Unmarshal(b, p) != nil || !valid(p) {
		return zero, false
	}
	return *p, true
}

// markedPlan is the JSON of the plan a translation carried in the
// trailing comment that starts with mark (data-modifying CTEs, MERGE),
// false when sqlText ends in no such comment.
func markedPlan(sqlText, mark string) ([]byte, bool) {
	if !strings.HasSuffix(sqlText, " */") {
		return nil, false
	}
	k := strings.LastIndex(sqlText, mark)
	if k < 0 {
		return nil, false
	}
	b, err := hex.DecodeString(sqlText[k+len(mark) : len(sqlText)-len(" */")])
	return b, err == nil
}

// CTETable is the temporary table that holds the RETURNING rows of the
// data-modifying item k while its statement runs.
func CTETable(k int) string { return `temp."pgdialect_cte_` + itoa(k) + `"` }

func itoa(k int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + k%10)
		k /= 10
		if k == 0 {
			return string(b[i:])
		}
	}
}

// Part is the SQL of the data-modifying item k as it runs: its statement
// after the WITH list of the items before it. cols gives the column
// names of an earlier data-modifying item j (the names its CTE shows).
func (w WithDML) Part(k int, cols func(j int) []string) string {
	return w.prefix(k, cols) + w.Items[k].DML
}

// MainSQL is the main statement as it runs, after the whole WITH list.
func (w WithDML) MainSQL(cols func(j int) []string) string {
	return w.prefix(len(w.Items), cols) + w.Main
}

// prefix is the WITH list of items 0..k-1 in SQLite: query items as
// translated, each data-modifying item with RETURNING a read of its
// table under the names cols gives.
func (w WithDML) prefix(k int, cols func(j int) []string) string {
	var b strings.Builder
	for j, it := range w.Items[:k] {
		switch {
		case it.DML == "":
			sep(&b, w.Recursive)
			b.WriteString(it.Head)
			b.WriteString(it.Query)
			b.WriteString(")")
		case it.Returning:
			sep(&b, w.Recursive)
			b.WriteString(quoteIdent(it.Name))
			b.WriteString("(")
			for i, c := range cols(j) {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(quoteIdent(c))
			}
			b.WriteString(") AS (SELECT * FROM ")
			b.WriteString(CTETable(j))
			b.WriteString(")")
		}
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	return b.String()
}

func sep(b *strings.Builder, recursive bool) {
	switch {
	case b.Len() > 0:
		b.WriteString(", ")
	case recursive:
		b.WriteString("WITH RECURSIVE ")
	default:
		b.WriteString("WITH ")
	}
}

// dataModifying reports whether the WITH item's query is a
// data-modifying statement, and which.
func (x *tx) dataModifying(c cte) (string, bool) {
	switch v := x.T(c.lo).upper(); v {
	case "INSERT", "UPDATE", "DELETE", "MERGE":
		return v, true
	}
	return "", false
}

// checkWritableCTEs refuses what PostgreSQL refuses of data-modifying
// CTEs: MERGE in WITH, and a data-modifying CTE in a WITH list that is not
// the statement's own (in a subquery, in a CTE's query, in an INSERT's
// SELECT). It reports whether the statement's leading WITH list has one.
func (x *tx) checkWritableCTEs() (top bool, err error) {
	for w, c := range x.withItems() {
		v, dml := x.dataModifying(c)
		if !dml {
			continue
		}
		if v == "MERGE" {
			e := unsupported("MERGE not supported in WITH query")
			e.Position = x.charPos(c.lo - 1 - headLen(c))
			return false, e
		}
		if w != 0 && x.T(0).kw("EXPLAIN") {
			return false, unsupported("EXPLAIN of data-modifying statements in WITH")
		}
		if w != 0 {
			e := unsupported("WITH clause containing a data-modifying statement must be at the top level")
			e.Position = x.charPos(c.lo - 1 - headLen(c))
			return false, e
		}
		top = true
	}
	return top, nil
}

// headLen is the number of significant tokens of c's head before its "(".
func headLen(c cte) int { return len(newTx(c.head).sig) - 1 }

// withDMLCTE translates a statement whose leading WITH list has
// data-modifying items into its plan (see the comment at the top).
func (x *tx) withDMLCTE() (*Stmt, error) {
	items, end, recursive, _ := x.withList(0)
	switch x.T(end).upper() {
	case "SELECT", "VALUES", "TABLE", "INSERT", "UPDATE", "DELETE", "(":
	default:
		return nil, unsupported("data-modifying statements in WITH before %s", x.T(end).upper())
	}
	main, err := x.translatePart(end, x.n())
	if err != nil {
		return nil, err
	}
	if main.Kind != KindQuery || len(main.Exec) != 1 {
		return nil, unsupported("data-modifying statements in WITH before this statement")
	}
	plan := WithDML{Recursive: recursive, Main: main.Exec[0]}
	first := -1
	for k, c := range items {
		h := newTx(c.head)
		it := WithItem{Name: h.T(0).identName(), Head: c.head, Pos: x.charPos(c.lo - 1 - headLen(c))}
		if h.isP(1, "(") {
			for _, p := range h.splitTop(2, h.match(1)) {
				it.Cols = append(it.Cols, h.T(p[0]).identName())
			}
		}
		q, err := x.translatePart(c.lo, c.hi)
		if err != nil {
			return nil, err
		}
		if q.Kind != KindQuery || len(q.Exec) != 1 {
			return nil, unsupported("WITH query %s is not supported", c.head)
		}
		if _, dml := x.dataModifying(c); dml {
			it.DML = q.Exec[0]
			it.OIDs = q.ColumnOIDs
			for i := c.lo; i < c.hi; i++ {
				if x.depth[i] == x.depth[c.lo] && x.T(i).kw("RETURNING") {
					it.Returning = true
				}
			}
			if !it.Returning {
				if err := x.refuseReference(it, c.hi, x.n()); err != nil {
					return nil, err
				}
			}
			if first < 0 {
				first = k
			}
		} else {
			it.Query = q.Exec[0]
		}
		plan.Items = append(plan.Items, it)
		mergeParams(main, q)
	}
	b, _ := json.Marshal(plan)
	// The carrier: the first data-modifying item as it runs (no
	// data-modifying item precedes it, so it reads no table of one).
	carrier := plan.Part(first, func(int) []string { return nil })
	main.Exec = []string{carrier + "\n" + withDMLMark + hex.EncodeToString(b) + " */"}
	main.ReadOnly = false
	return main, nil
}

// refuseReference is PostgreSQL's error for a reference to the
// data-modifying item it (without RETURNING) in tokens lo..hi-1: a table
// reference by its name after FROM, JOIN or a comma of a FROM list.
func (x *tx) refuseReference(it WithItem, lo, hi int) error {
	name := it.Name
	for i := lo; i < hi; i++ {
		t := x.T(i)
		if (t.typ != tIdent && t.typ != tQIdent) || t.identName() != name || x.isP(i+1, ".") || x.isP(i-1, ".") {
			continue
		}
		if x.T(i-1).kw("FROM") || x.T(i-1).kw("JOIN") || x.isP(i-1, ",") && x.inFromList(i-1) {
			e := unsupported("WITH query %q does not have a RETURNING clause", name)
			e.Position = x.charPos(i)
			return e
		}
	}
	return nil
}

// inFromList reports whether the comma at i separates items of a FROM
// list: the nearest FROM before it at its depth comes after any SELECT
// keyword there.
func (x *tx) inFromList(i int) bool {
	d := x.depth[i]
	for j := i - 1; j >= 0 && x.depth[j] >= d; j-- {
		if x.depth[j] != d {
			continue
		}
		switch x.T(j).upper() {
		case "FROM", "JOIN":
			return true
		case "SELECT", "WHERE", "SET", "RETURNING", "VALUES", "ON", "GROUP", "ORDER", "HAVING":
			return false
		}
	}
	return false
}

// MapDataModifying is sql with the text of each data-modifying item of
// its leading WITH list replaced by f's answer: the session completes an
// item from the local schema (column lists, identity checks: defaults.go)
// as it completes a statement of its own. sql is returned as it is when it
// has none.
func MapDataModifying(sql string, f func(part string) (string, error)) (string, error) {
	x := newTx(sql)
	if !x.T(0).kw("WITH") {
		return sql, nil
	}
	items, _, _, ok := x.withList(0)
	if !ok {
		return sql, nil
	}
	var b strings.Builder
	at := 0
	for _, c := range items {
		if _, dml := x.dataModifying(c); !dml || c.lo >= c.hi {
			continue
		}
		lo, last := x.T(c.lo).pos, x.T(c.hi-1)
		hi := last.pos + len(last.text)
		part, err := f(sql[lo:hi])
		if err != nil {
			return "", err
		}
		b.WriteString(sql[at:lo])
		b.WriteString(part)
		at = hi
	}
	if at == 0 {
		return sql, nil
	}
	b.WriteString(sql[at:])
	return b.String(), nil
}

// ColumnDecl is the declaration (type and collation) of a column that
// holds values of type oid as the statements compute them, as CREATE
// TABLE declares one, so that DeclTypeOID reads oid back and comparisons
// go by value: "" for a type without one.
func ColumnDecl(oid uint32) string {
	if oid == pgoid.Numeric {
		return NumericDeclType + " COLLATE " + NumericCollation
	}
	name := TypeName(oid)
	if name == "" {
		return ""
	}
	if o, _ := DeclTypeOID(name); o != oid {
		return ""
	}
	return name + typeCollation(name)
}
