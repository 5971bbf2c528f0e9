package pgdialect

import (
	"strconv"
	"strings"
)

// Cursors: DECLARE name [NO] SCROLL CURSOR [WITH|WITHOUT HOLD] FOR query,
// FETCH and MOVE [direction] [FROM|IN] name, CLOSE {name | ALL}.
//
// Cursors belong to the session (sqlexec/cursor.go); nothing of them
// enters the log. This file only parses them: the query of DECLARE is kept
// as PostgreSQL text and translated by the session like any statement, so
// it is translated exactly once; FETCH and MOVE become a Direction.

// CursorSpec is the parsed form of DECLARE, FETCH, MOVE and CLOSE (the
// statement's Name is the cursor's name, folded as an identifier).
type CursorSpec struct {
	// DECLARE
	Query    string // the cursor's query, PostgreSQL text
	Scroll   bool   // SCROLL given
	NoScroll bool   // NO SCROLL given
	Hold     bool   // WITH HOLD
	// Insensitive: INSENSITIVE given (every cursor here is; PostgreSQL
	// refuses it with a row-locking clause).
	Insensitive bool

	// FETCH / MOVE
	Move bool // MOVE: position only, no rows
	Dir  Direction

	// CLOSE
	All bool // CLOSE ALL
}

// DirKind is how a FETCH or MOVE moves.
type DirKind uint8

const (
	DirForward  DirKind = iota // Count rows forward (NEXT, n, FORWARD [n], ALL); Count < 0: backward
	DirBackward                // Count rows backward (PRIOR, BACKWARD [n]); Count < 0: forward
	DirAbsolute                // to row Count (FIRST = 1, LAST = -1; negative from the end)
	DirRelative                // to the row Count away from the current one
)

// Direction of a FETCH or MOVE. Count is -1 with All set for ALL.
type Direction struct {
	Kind  DirKind
	Count int64
	All   bool
}

// cursorStatement parses DECLARE, FETCH, MOVE and CLOSE; ok is false for
// any other statement.
func (x *tx) cursorStatement() (st *Stmt, ok bool, err error) {
	switch {
	case x.kw(0, "DECLARE"):
		st, err = x.declareCursor()
	case x.kw(0, "FETCH"), x.kw(0, "MOVE"):
		st, err = x.fetchCursor()
	case x.kw(0, "CLOSE"):
		st, err = x.closeCursor()
	default:
		return nil, false, nil
	}
	return st, true, err
}

func (x *tx) declareCursor() (*Stmt, error) {
	name, err := x.prepName(1)
	if err != nil {
		return nil, err
	}
	spec := &CursorSpec{}
	i := 2
	for ; i < x.n(); i++ {
		switch {
		case x.kw(i, "BINARY"):
			return nil, unsupported("binary cursors are not supported")
		case x.kw(i, "ASENSITIVE"):
		case x.kw(i, "INSENSITIVE"):
			spec.Insensitive = true
		case x.kw(i, "NO", "SCROLL"):
			spec.NoScroll = true
			i++
		case x.kw(i, "SCROLL"):
			spec.Scroll = true
		default:
			goto cursorKw
		}
	}
cursorKw:
	if spec.Scroll && spec.NoScroll {
		return nil, &Error{Code: "42P11", Message: "cannot specify both SCROLL and NO SCROLL"}
	}
	if !x.kw(i, "CURSOR") {
		return nil, x.syntaxErrAt(i)
	}
	i++
	switch {
	case x.kw(i, "WITH", "HOLD"):
		spec.Hold = true
		i += 2
	case x.kw(i, "WITHOUT", "HOLD"):
		i += 2
	}
	if !x.kw(i, "FOR") {
		return nil, x.syntaxErrAt(i)
	}
	i++
	switch x.T(i).upper() {
	case "SELECT", "VALUES", "TABLE", "WITH", "(":
	default:
		return nil, x.syntaxErrAt(i)
	}
	spec.Query = strings.TrimSpace(x.src[x.T(i).pos:])
	return &Stmt{Kind: KindDeclare, Name: name, Tag: "DECLARE CURSOR", Cursor: spec, ReadOnly: true}, nil
}

// fetchCursor parses PostgreSQL's fetch_args:
//
//	FETCH|MOVE [ NEXT | PRIOR | FIRST | LAST | ABSOLUTE n | RELATIVE n | n |
//	             ALL | FORWARD [n | ALL] | BACKWARD [n | ALL] ] [FROM | IN] name
func (x *tx) fetchCursor() (*Stmt, error) {
	spec := &CursorSpec{Move: x.kw(0, "MOVE"), Dir: Direction{Kind: DirForward, Count: 1}}
	i := 1
	num := func(j int) (int64, bool) {
		sign := int64(1)
		if x.isP(j, "-") || x.isP(j, "+") {
			if x.isP(j, "-") {
				sign = -1
			}
			j++
		}
		t := x.T(j)
		if t.typ != tNumber {
			return 0, false
		}
		n, err := strconv.ParseInt(t.text, 10, 64)
		if err != nil {
			return 0, false
		}
		return sign * n, true
	}
	width := func(j int) int { // tokens of the signed number at j
		if x.isP(j, "-") || x.isP(j, "+") {
			return 2
		}
		return 1
	}
	switch {
	case x.kw(i, "NEXT"):
		i++
	case x.kw(i, "PRIOR"):
		spec.Dir = Direction{Kind: DirBackward, Count: 1}
		i++
	case x.kw(i, "FIRST"):
		spec.Dir = Direction{Kind: DirAbsolute, Count: 1}
		i++
	case x.kw(i, "LAST"):
		spec.Dir = Direction{Kind: DirAbsolute, Count: -1}
		i++
	case x.kw(i, "ABSOLUTE"), x.kw(i, "RELATIVE"):
		k := DirAbsolute
		if x.kw(i, "RELATIVE") {
			k = DirRelative
		}
		n, ok := num(i + 1)
		if !ok {
			return nil, x.syntaxErrAt(i + 1)
		}
		spec.Dir = Direction{Kind: k, Count: n}
		i += 1 + width(i+1)
	case x.kw(i, "ALL"):
		spec.Dir = Direction{Kind: DirForward, Count: -1, All: true}
		i++
	case x.kw(i, "FORWARD"), x.kw(i, "BACKWARD"):
		k := DirForward
		if x.kw(i, "BACKWARD") {
			k = DirBackward
		}
		spec.Dir = Direction{Kind: k, Count: 1}
		i++
		if x.kw(i, "ALL") {
			spec.Dir = Direction{Kind: k, Count: -1, All: true}
			i++
		} else if n, ok := num(i); ok {
			spec.Dir.Count = n
			i += width(i)
		}
	default:
		if n, ok := num(i); ok {
			spec.Dir.Count = n
			i += width(i)
		}
	}
	if x.kw(i, "FROM") || x.kw(i, "IN") {
		i++
	}
	name, err := x.prepName(i)
	if err != nil {
		return nil, err
	}
	if i+1 < x.n() {
		return nil, x.syntaxErrAt(i + 1)
	}
	tag := "FETCH"
	if spec.Move {
		tag = "MOVE"
	}
	return &Stmt{Kind: KindFetch, Name: name, Tag: tag, Cursor: spec, ReadOnly: true}, nil
}

func (x *tx) closeCursor() (*Stmt, error) {
	if x.kw(1, "ALL") && x.n() == 2 {
		return &Stmt{Kind: KindClose, Tag: "CLOSE CURSOR ALL", Cursor: &CursorSpec{All: true}, ReadOnly: true}, nil
	}
	name, err := x.prepName(1)
	if err != nil {
		return nil, err
	}
	if x.n() > 2 {
		return nil, x.syntaxErrAt(2)
	}
	return &Stmt{Kind: KindClose, Name: name, Tag: "CLOSE CURSOR", Cursor: &CursorSpec{}, ReadOnly: true}, nil
}
