package pgdialect

import "strings"

// SQL-level prepared statements: PREPARE name [(type, ...)] AS statement,
// EXECUTE name [(arg, ...)], DEALLOCATE [PREPARE] {name | ALL}.
//
// They belong to the session (sqlexec/sqlprepare.go), so this file only
// parses them: the body of PREPARE is kept as PostgreSQL text (the
// session translates it like any statement, and a write made by EXECUTE
// enters the log as that statement with its parameters bound), the
// parameter types and EXECUTE's argument expressions are kept as
// PostgreSQL text too. Parsing happens before any rewriting of the
// statement so that the body is translated exactly once.

// PrepareSpec is the parsed form of PREPARE, EXECUTE and DEALLOCATE (the
// statement's Name is the prepared statement's name, folded as an
// identifier).
type PrepareSpec struct {
	Types []string // PREPARE: declared parameter types, PostgreSQL text
	Body  string   // PREPARE: the statement, PostgreSQL text
	Args  []string // EXECUTE: argument expressions, PostgreSQL text
	All   bool     // DEALLOCATE ALL
}

// preparableVerbs are the statements PostgreSQL's PREPARE accepts
// (PreparableStmt: SELECT, INSERT, UPDATE, DELETE, MERGE; VALUES, TABLE
// and WITH are SELECTs).
var preparableVerbs = map[string]bool{"SELECT": true, "INSERT": true, "UPDATE": true,
	"DELETE": true, "VALUES": true, "TABLE": true, "WITH": true, "(": true, "MERGE": true}

// sqlPrepare parses PREPARE, EXECUTE and DEALLOCATE; ok is false for
// any other statement.
func (x *tx) sqlPrepare() (st *Stmt, ok bool, err error) {
	switch {
	case x.kw(0, "PREPARE"):
		if x.kw(1, "TRANSACTION") {
			return nil, true, unsupported("PREPARE TRANSACTION is not supported")
		}
		st, err = x.prepareStmt()
	case x.kw(0, "EXECUTE"):
		st, err = x.executeStmt()
	case x.kw(0, "DEALLOCATE"):
		st, err = x.deallocateStmt()
	default:
		return nil, false, nil
	}
	return st, true, err
}

func (x *tx) prepName(i int) (string, error) {
	t := x.T(i)
	if t.typ != tIdent && t.typ != tQIdent {
		return "", x.syntaxErrAt(i)
	}
	return t.identName(), nil
}

// nameAndList reads "PREPARE|EXECUTE name [(item, ...)]": the name, the
// items (original text) and the index after them.
func (x *tx) nameAndList() (string, []string, int, error) {
	name, err := x.prepName(1)
	if err != nil || !x.isP(2, "(") {
		return name, nil, 2, err
	}
	items, i, err := x.parenItems(2)
	return name, items, i, err
}

func (x *tx) prepareStmt() (*Stmt, error) {
	name, types, i, err := x.nameAndList()
	if err != nil {
		return nil, err
	}
	spec := &PrepareSpec{Types: types}
	if !x.kw(i, "AS") {
		return nil, x.syntaxErrAt(i)
	}
	i++
	if !preparableVerbs[x.T(i).upper()] {
		return nil, x.syntaxErrAt(i)
	}
	spec.Body = strings.TrimSpace(x.src[x.T(i).pos:])
	return &Stmt{Kind: KindPrepare, Name: name, Tag: "PREPARE", Prepare: spec}, nil
}

func (x *tx) executeStmt() (*Stmt, error) {
	name, args, i, err := x.nameAndList()
	if err != nil {
		return nil, err
	}
	for j := 3; j < i; j++ {
		if x.kw(j, "SELECT") || x.kw(j, "VALUES") {
			return nil, unsupported("cannot use subquery in EXECUTE parameter")
		}
	}
	spec := &PrepareSpec{Args: args}
	if i < x.n() {
		return nil, x.syntaxErrAt(i)
	}
	return &Stmt{Kind: KindExecute, Name: name, Tag: "EXECUTE", Prepare: spec}, nil
}

// parenItems reads the non-empty comma-separated list in the parentheses
// at i (original text of each item) and returns the index after them.
func (x *tx) parenItems(i int) ([]string, int, error) {
	end := x.match(i)
	if end >= x.n() || end == i+1 {
		return nil, i, x.syntaxErrAt(end)
	}
	var items []string
	for _, p := range x.splitTop(i+1, end) {
		if p[0] >= p[1] {
			return nil, i, x.syntaxErrAt(p[1])
		}
		items = append(items, x.orig(p[0], p[1]))
	}
	return items, end + 1, nil
}

func (x *tx) deallocateStmt() (*Stmt, error) {
	i := 1
	if x.kw(i, "PREPARE") {
		i++
	}
	st := &Stmt{Kind: KindDeallocate, Tag: "DEALLOCATE", Prepare: &PrepareSpec{}}
	if x.kw(i, "ALL") {
		st.Tag, st.Prepare.All = "DEALLOCATE ALL", true
	} else {
		name, err := x.prepName(i)
		if err != nil {
			return nil, err
		}
		st.Name = name
	}
	if i+1 < x.n() {
		return nil, x.syntaxErrAt(i + 1)
	}
	return st, nil
}
