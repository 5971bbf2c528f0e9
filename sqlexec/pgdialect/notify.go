package pgdialect

import (
	"fmt"
	"strconv"
	"strings"
)

// LISTEN / UNLISTEN / NOTIFY: parsed here, carried out by the session
// (sqlexec/notify.go). Channel names are identifiers (a bare name folds to
// lower case, a quoted one keeps its case); the payload is a string
// literal, as PostgreSQL's grammar requires.

// notify parses LISTEN channel, UNLISTEN {channel | *} and
// NOTIFY channel [, 'payload'].
func (x *tx) notify(first string) (*Stmt, error) {
	chanAt := func(i int) (string, error) {
		t := x.T(i)
		if t.typ != tIdent && t.typ != tQIdent {
			return "", syntaxErr(x.T(i).pos+1, "syntax error: %s needs a channel name", first)
		}
		return t.identName(), nil
	}
	switch first {
	case "UNLISTEN":
		if x.isP(1, "*") && x.n() == 2 {
			return &Stmt{Kind: KindUnlisten, Name: "*", Tag: "UNLISTEN", ReadOnly: true}, nil
		}
		fallthrough
	case "LISTEN":
		name, err := chanAt(1)
		if err != nil {
			return nil, err
		}
		if x.n() != 2 {
			return nil, syntaxErr(x.T(2).pos+1, "syntax error at or near %q", x.T(2).text)
		}
		k := KindListen
		if first == "UNLISTEN" {
			k = KindUnlisten
		}
		return &Stmt{Kind: k, Name: name, Tag: first, ReadOnly: true}, nil
	}
	name, err := chanAt(1)
	if err != nil {
		return nil, err
	}
	st := &Stmt{Kind: KindNotify, Name: name, Tag: "NOTIFY"}
	switch {
	case x.n() == 2:
		return st, nil
	case x.n() == 4 && x.isP(2, ","):
		p, ok := x.T(3).plainString()
		if !ok && x.T(3).typ == tString {
			return nil, unsupported("NOTIFY payload %s: only standard string literals ('...') are supported", x.T(3).text)
		}
		if !ok {
			return nil, syntaxErr(x.T(3).pos+1, "syntax error: the NOTIFY payload must be a string literal")
		}
		st.Value = p
		return st, nil
	}
	return nil, syntaxErr(x.T(2).pos+1, "syntax error at or near %q", x.T(2).text)
}

// plainString returns the value of a standard string literal ('...', or
// E'...' without backslash escapes).
func (t *token) plainString() (string, bool) {
	if t.typ != tString {
		return "", false
	}
	s := t.text
	if len(s) > 2 && (s[0] == 'E' || s[0] == 'e') && !strings.Contains(s, `\`) {
		s = s[1:]
	}
	if len(s) < 2 || s[0] != '\'' || s[len(s)-1] != '\'' {
		return "", false
	}
	return strings.ReplaceAll(s[1:len(s)-1], "''", "'"), true
}

// NotifyCall is pg_notify in the one form this dialect runs it, a
// statement of its own:
//
//	SELECT pg_notify(channel, payload) [[AS] name]
//
// with string literals, NULL or parameters as arguments. The session
// carries it out like NOTIFY (the function acts on the session's
// transaction, not on data, so it cannot be an SQLite function); any
// other use of pg_notify is refused with 0A000.
type NotifyCall struct {
	Channel, Payload NotifyArg
	Column           string // result column name
}

// NotifyArg is a string literal, NULL (Null) or parameter $Param.
type NotifyArg struct {
	Param int
	Value string
	Null  bool
}

// ParseNotifyCall recognizes a pg_notify call in the PostgreSQL statement
// sql; nil, nil when the statement calls no pg_notify.
func ParseNotifyCall(sql string) (*NotifyCall, error) {
	if !MentionsFold(sql, "pg_notify") {
		return nil, nil
	}
	x := newTx(sql)
	fn := -1
	for i := 0; i < x.n(); i++ {
		if t := x.T(i); t.typ == tIdent && t.identName() == "pg_notify" && x.isP(i+1, "(") {
			fn = i
			break
		}
	}
	if fn < 0 {
		return nil, nil
	}
	start := 1
	if x.kw(1, "PG_CATALOG") && x.isP(2, ".") {
		start = 3
	}
	end := x.match(fn + 1)
	ok := x.T(0).kw("SELECT") && fn == start && end < x.n()
	call := &NotifyCall{Column: "pg_notify"}
	if ok && end+1 < x.n() {
		switch {
		case x.kw(end+1, "AS") && end+3 == x.n():
			call.Column = x.T(end + 2).identName()
		case end+2 == x.n() && (x.T(end+1).typ == tIdent || x.T(end+1).typ == tQIdent):
			call.Column = x.T(end + 1).identName()
		default:
			ok = false
		}
	}
	if ok {
		parts := x.splitTop(fn+2, end)
		if len(parts) != 2 {
			return nil, &Error{Code: "42883", Message: fmt.Sprintf("function pg_notify(%s) does not exist", strings.TrimSuffix(strings.Repeat("unknown, ", len(parts)), ", "))}
		}
		var good [2]bool
		call.Channel, good[0] = x.notifyArg(parts[0][0], parts[0][1])
		call.Payload, good[1] = x.notifyArg(parts[1][0], parts[1][1])
		ok = good[0] && good[1]
	}
	if !ok {
		return nil, &Error{Code: "0A000", Message: "pg_notify is supported only as a statement of its own: SELECT pg_notify(channel, payload)",
			Hint: "Pass the channel and payload as string literals or parameters, or use NOTIFY."}
	}
	return call, nil
}

func (x *tx) notifyArg(lo, hi int) (NotifyArg, bool) {
	if hi-lo != 1 {
		return NotifyArg{}, false
	}
	t := x.T(lo)
	switch {
	case t.typ == tParam && strings.HasPrefix(t.text, "$"):
		n, err := strconv.Atoi(t.text[1:])
		return NotifyArg{Param: n}, err == nil && n > 0
	case t.kw("NULL"):
		return NotifyArg{Null: true}, true
	}
	v, ok := t.plainString()
	return NotifyArg{Value: v}, ok
}

// MentionsFold reports whether s contains sub,
// ignoring ASCII case, without allocating: the cheap test every
// statement passes through.
func MentionsFold(s, sub string) bool {
	if sub == "" {
		return true
	}
	// |0x20 folds both sides' first byte (sub may be a quoted name such
	// as "Rb Q"); EqualFold then decides
	first := sub[0] | 0x20
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == first && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// ParseListeningCall recognizes pg_listening_channels() in the PostgreSQL
// statement sql, in the forms this dialect answers (the session's own
// channels, session.go):
//
//	SELECT pg_listening_channels() [[AS] name]
//	SELECT * FROM pg_listening_channels() [[AS] alias [(name)]]
//
// It returns the result column's name; "" when the statement does not
// call it, 0A000 for any other use (the function reads session state, so
// it cannot be an SQLite function).
func ParseListeningCall(sql string) (string, error) {
	if !MentionsFold(sql, "pg_listening_channels") {
		return "", nil
	}
	x := newTx(sql)
	fn := -1
	for i := 0; i < x.n(); i++ {
		if t := x.T(i); t.typ == tIdent && t.identName() == "pg_listening_channels" && x.isP(i+1, "(") {
			fn = i
			break
		}
	}
	if fn < 0 {
		return "", nil
	}
	refuse := &Error{Code: "0A000", Message: "pg_listening_channels() is supported only as SELECT pg_listening_channels() or SELECT * FROM pg_listening_channels()"}
	start := 1
	fromForm := x.isP(1, "*") && x.kw(2, "FROM")
	if fromForm {
		start = 3
	}
	if x.kw(start, "PG_CATALOG") && x.isP(start+1, ".") {
		start += 2
	}
	if !x.T(0).kw("SELECT") || fn != start || !x.isP(fn+2, ")") {
		return "", refuse
	}
	col := "pg_listening_channels"
	k := fn + 3
	if x.kw(k, "AS") {
		k++
	}
	if k < x.n() && (x.T(k).typ == tIdent || x.T(k).typ == tQIdent) {
		col = x.T(k).identName()
		k++
		if fromForm && x.isP(k, "(") && x.isP(k+2, ")") && (x.T(k+1).typ == tIdent || x.T(k+1).typ == tQIdent) {
			col = x.T(k + 1).identName()
			k += 3
		}
	}
	if k != x.n() {
		return "", refuse
	}
	return col, nil
}
