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
// node's CPU under pgbench's simple protocol. Bounded: emptied when full;
// long texts are not kept.
var lexMemo struct {
	sync.Mutex
	m map[string]*lexed
}

const (
	lexMemoEntries = 128
	lexMemoMaxText = 2 << 10 // at most ~10 MB of tokens kept
)

// lexedOf is the lexing of sql, from lexMemo when it is there.
func lexedOf(sql string) *lexed {
	if len(sql) > lexMemoMaxText {
		return lexStatement(sql)
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
