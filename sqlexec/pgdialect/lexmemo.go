package pgdialect

import "sync"

// lexed is one statement's lexing as newTx starts from it. Shared between
// the passes over the same text, and between sessions: never modified
// (newTx copies toks, which passes edit; sig and depth are only read).
type lexed struct {
	toks  []token
	sig   []int
	depth []int
}

// lexMemo keeps the lexing of recent statement texts. A statement is
// translated and then checked by a dozen passes (CheckTypedColumns,
// CheckGrouping, AssignSites, the MERGE and CTE parsers, ...), each
// starting a tx over the same text; lexing it each time was 11% of a
// node's CPU under pgbench's simple protocol. Bounded: emptied when full.
// A long text (a multi-row INSERT of a bulk load, a migration) is kept
// alone in long, the last one lexed: its passes follow one another, and
// lexing a 1 MB VALUES list once per pass was a third of its INSERT's
// time, yet a map of such texts would hold megabytes per entry.
var lexMemo struct {
	sync.Mutex
	m    map[string]*lexed
	long struct {
		sql string
		l   *lexed
	}
}

const (
	lexMemoEntries = 128
	lexMemoMaxText = 2 << 10  // at most ~10 MB of tokens kept in m
	lexMemoMaxLong = 16 << 20 // the longest text kept in long
)

// lexedOf is the lexing of sql, from lexMemo when it is there.
func lexedOf(sql string) *lexed {
	if len(sql) > lexMemoMaxText {
		return lexedLong(sql)
	}
	lexMemo.Lock()
	l := lexMemo.m[sql]
	lexMemo.Unlock()
	if l != nil {
		return l
	}
	l = lexStatement(sql)
	lexMemo.Lock()
	if lexMemo.m == nil || len(lexMemo.m) >= lexMemoEntries {
		lexMemo.m = make(map[string]*lexed, lexMemoEntries)
	}
	lexMemo.m[sql] = l
	lexMemo.Unlock()
	return l
}

// lexedLong is the lexing of a text too long for lexMemo.m, from its long
// slot when sql is the text there.
func lexedLong(sql string) *lexed {
	if len(sql) > lexMemoMaxLong {
		return lexStatement(sql)
	}
	lexMemo.Lock()
	long := lexMemo.long
	lexMemo.Unlock()
	if long.l != nil && long.sql == sql {
		return long.l
	}
	l := lexStatement(sql)
	lexMemo.Lock()
	lexMemo.long.sql, lexMemo.long.l = sql, l
	lexMemo.Unlock()
	return l
}
