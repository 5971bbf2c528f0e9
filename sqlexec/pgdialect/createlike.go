package pgdialect

import "strings"

// CREATE TABLE t (LIKE s [{INCLUDING | EXCLUDING} option ...], ...):
// PostgreSQL copies s's column names, types and NOT NULL, and with the
// options its defaults, identity, CHECK constraints, indexes (primary
// key and UNIQUE constraints too) and comments. What s has is a property
// of the schema, which the lexical translation does not see, so the
// translation only parses the statement into Stmt.Like; the session,
// which reads the schema the statement runs on, writes the definition
// out in PostgreSQL's own terms (sqlexec/createlike.go) and translates
// that. A statement whose Like is set has nothing to run until then.

// Like options (LikeElement.Options bits).
const (
	LikeComments = 1 << iota
	LikeCompression
	LikeConstraints
	LikeDefaults
	LikeGenerated
	LikeIdentity
	LikeIndexes
	LikeStatistics
	LikeStorage
	LikeAll = 1<<iota - 1
)

var likeOptions = map[string]int{
	"COMMENTS": LikeComments, "COMPRESSION": LikeCompression, "CONSTRAINTS": LikeConstraints,
	"DEFAULTS": LikeDefaults, "GENERATED": LikeGenerated, "IDENTITY": LikeIdentity,
	"INDEXES": LikeIndexes, "STATISTICS": LikeStatistics, "STORAGE": LikeStorage, "ALL": LikeAll,
}

// CreateLike is a CREATE TABLE with LIKE elements.
type CreateLike struct {
	Table       string // the new table
	IfNotExists bool
	Elements    []LikeElement // the table elements, in order
}

// LikeElement is one element of the CREATE TABLE's list: a LIKE (Source
// set) or any other element, as written (Text).
type LikeElement struct {
	Source  string // LIKE's table
	Options int    // Like* bits, INCLUDING/EXCLUDING applied in order
	Text    string
	Column  string // the column Text defines ("" for a table constraint)
}

// createLike parses CREATE TABLE (the TABLE keyword at i) when its
// element list has a LIKE; ok is false when it has none.
func (x *tx) createLike(i int) (st *Stmt, ok bool, err error) {
	k := i + 1
	cl := &CreateLike{}
	if x.kw(k, "IF", "NOT", "EXISTS") {
		cl.IfNotExists = true
		k += 3
	}
	cl.Table, k = x.name(k)
	if cl.Table == "" || !x.isP(k, "(") {
		return nil, false, nil
	}
	end := x.match(k)
	parts := x.splitTop(k+1, end)
	found := false
	for _, p := range parts {
		if x.kw(p[0], "LIKE") {
			found = true
		}
	}
	if !found {
		return nil, false, nil
	}
	if x.temp {
		return nil, true, unsupported("CREATE TEMP TABLE ... (LIKE ...) is not supported")
	}
	if end+1 < x.n() {
		return nil, true, unsupported("CREATE TABLE ... (LIKE ...) %s is not supported", x.T(end+1).upper())
	}
	for _, p := range parts {
		if !x.kw(p[0], "LIKE") {
			el := LikeElement{Text: x.orig(p[0], p[1])}
			switch t := x.T(p[0]); {
			case t.kw("CONSTRAINT"), t.kw("PRIMARY"), t.kw("UNIQUE"), t.kw("CHECK"), t.kw("FOREIGN"), t.kw("EXCLUDE"):
			default:
				el.Column, _ = x.name(p[0])
			}
			cl.Elements = append(cl.Elements, el)
			continue
		}
		src, j := x.name(p[0] + 1)
		if src == "" {
			return nil, true, x.syntaxErrAt(p[0] + 1)
		}
		el := LikeElement{Source: src}
		for j < p[1] {
			incl := x.kw(j, "INCLUDING")
			if !incl && !x.kw(j, "EXCLUDING") {
				return nil, true, x.syntaxErrAt(j)
			}
			bit, known := likeOptions[x.T(j+1).upper()]
			if !known || x.T(j+1).typ != tIdent {
				return nil, true, x.syntaxErrAt(j + 1)
			}
			if incl {
				el.Options |= bit
			} else {
				el.Options &^= bit
			}
			j += 2
		}
		cl.Elements = append(cl.Elements, el)
	}
	return &Stmt{Kind: KindQuery, Tag: "CREATE TABLE", NoRows: true, Like: cl}, true, nil
}

// LikeIndexName is the name PostgreSQL chooses for an index of table
// copied by LIKE ... INCLUDING INDEXES that is no constraint's: table,
// the key columns' names ("expr" for an expression) and "idx", joined by
// "_" (ChooseIndexName; the collision counter it appends is not done).
func LikeIndexName(table string, cols []string) string {
	return strings.Join(append(append([]string{table}, cols...), "idx"), "_")
}

// IndexKeyNames names the key columns of an index definition's key list
// "(a, lower(b), c DESC) ..." as PostgreSQL's ChooseIndexColumnNames
// does: a column by its name, an expression "expr".
func IndexKeyNames(keys string) []string {
	x := newTx(keys)
	if !x.isP(0, "(") {
		return nil
	}
	var out []string
	for _, p := range x.splitTop(1, x.match(0)) {
		n, j := x.name(p[0])
		if n == "" || (j < p[1] && !x.kw(j, "ASC") && !x.kw(j, "DESC") && !x.kw(j, "NULLS") && !x.kw(j, "COLLATE")) {
			n = "expr"
		}
		out = append(out, n)
	}
	return out
}
