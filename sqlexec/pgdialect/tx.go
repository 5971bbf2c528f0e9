package pgdialect

import (
	"strings"
)

// tx is a statement being translated: its tokens and the indexes of its
// significant (non-whitespace, non-comment) tokens.
type tx struct {
	src string
	// frameReps: the frame offsets frameChecks evaluated, to be written
	// as their bigint literals (frame_offsets.go)
	frameReps []frameRep
	client    string   // the statement as the client wrote it (Translate's; assign_cast.go)
	runeMark  runeMark // where srcRunes last counted to (runepos.go)
	// clientAlign: client aligned with src when they differ (clientPos)
	clientAlign *tokenAlignment
	toks        []token
	sig         []int
	depth       []int // parenthesis depth before each significant token
	maxParam    int
	nQMark      int
	oids        map[int]uint32
	catalog     bool // references pg_catalog / information_schema objects
	castEnd     map[int]int
	aliases     map[int]string // sig index of last token of a select item -> alias
	colOIDs     []uint32
	madePK      bool
	series      []int
	laterals    []lateralItem // LATERAL subqueries in FROM (lateral.go)
	// the * of alias.* over a LATERAL subquery -> its columns' static
	// types (0: known at run time), for applyAliases (lateral.go)
	starCols map[int][]uint32
	minmax   []int              // greatest/least calls (strsyntax.go)
	ordered  map[int]bool       // ORDER BY lists already given their NULL placement (orderByWithin)
	ties     []fetchTies        // FETCH ... WITH TIES clauses left to withTies (withties.go)
	orderNum map[int]string     // ORDER BY item's first token -> when it sorts as numeric (orderby_numeric.go)
	orderIv  map[int]string     // ORDER BY item's first token -> when it sorts as an interval (orderby_numeric.go)
	orderDT  map[int]string     // ORDER BY item's first token -> when it is a date/time value (datetime_value_order.go)
	orderArr map[int]arrayOrder // ORDER BY item's first token -> how the array it builds sorts (orderby_array.go)
	// orderJSONB: ORDER BY item's first token -> when it sorts as jsonb (jsonb_conditional.go)
	orderJSONB map[int]string
	// jsonbCmps: a comparison's operator -> its jsonb conditional operand (jsonb_conditional.go)
	jsonbCmps map[int]jsonbCompare
	// jsonKnown: start of a rewritten jsonb expression (jsonb_translate.go)
	jsonKnown map[int]bool
	// jsonRuntime: start of a rewritten || decided at run time by a
	// column's type -> that type's expression (jsonb_translate.go)
	jsonRuntime map[int]string
	jsonChained map[int]bool // of jsonRuntime's: itself the second || of a chain
	// minMaxArgs: a min/max argument's first token -> its end and when it is numeric (minmax_conditional.go)
	minMaxArgs map[int]minMaxArg
	// memberTests: BETWEEN/IN over a numeric conditional -> its operand (membership_conditional.go)
	memberTests map[int]memberTest
	// settleErr: an error of a rewrite settled early (settleOperands),
	// returned by its pass
	settleErr error
	// outTextSettled: the concat/format calls and || operators whose
	// operands pg_out_text wraps already (textoperands_settle.go)
	outTextSettled map[int]bool
	// memberSettled: the BETWEEN and IN tests arithMembership has seen
	// already (membership_settle.go)
	memberSettled map[int]bool
	// orderNumItem: ORDER BY n / alias item's first token -> its select item's expression (orderby_numeric.go)
	orderNumItem map[int][2]int
	dtTypes      map[int]string    // start of a rewritten date/time expression -> its type (datetime_translate.go)
	dtCols       map[string]string // generate_series column over date/time values -> its type
	locking      string            // the first row-locking clause removed ("FOR UPDATE", ...)
	noTxBlock    string            // Stmt.NoTxBlock
	onConstr     *OnConstraint     // INSERT ... ON CONFLICT ON CONSTRAINT (onconstraint.go)
	temp         bool              // CREATE TEMP[ORARY] ... (temp.go)
	onCommit     string            // CREATE TEMP TABLE ... ON COMMIT <onCommit>
	// CREATE TABLE [IF NOT EXISTS] table: the sequences of its serial and
	// identity columns (serial.go)
	table       string
	ifNotExists bool
	ownedSeqs   []string
	// names of column types that must exist at apply: enums, citext
	// (typeallow.go), each checked by a pg_type_require after the DDL
	typeRequires []typeRequire
	// start of a rewritten arithmetic expression -> its type (arith.go)
	arithTypes map[int]string
	// start of a rewritten || between columns -> its extent and run-time
	// type (concat_columns.go), for the next || of a chain
	concatOps map[int]concatOperand
	// start of a function call made numeric (numeric_funcargs.go) -> its
	// closing parenthesis: typed like arithmetic, named like a call
	numCalls map[int]int
	// start of a rewritten arithmetic expression of unknown static type ->
	// its run-time type argument (arith_columns.go)
	arithRTypes map[int]string
	// start of a reference to a derived column whose type is known only
	// at run time (a table's column read through a FROM subquery or a
	// CTE) -> its run-time type expression (derivedcols.go)
	colRTypes map[int]runtimeRef
	// start of a reference to a derived column that is an array of an
	// element type the statement does not show (WITH c AS (SELECT
	// ARRAY[id] AS path ...): c.path) -> the reference's end
	// (derived_arrays.go)
	arrayRefs map[int]int
	// assigned value's start -> its type read before the expression
	// pass rewrote its tokens (assign_exprs.go)
	preAssign map[int]runtimeRef
	// start of a sum(x) given x's type -> that type argument (sum_float4.go)
	sumTypes map[int]string
	// casts to numeric whose operand's type is read after the arithmetic
	// rewrite (float4numeric.go)
	numCasts []numCast
	// start of a CASE form of + or - on a column -> its column-type test (datetime_columns.go)
	dtConds map[int]string
	unnests []int              // unnest( calls, rewritten by arrayPass (array_translate.go)
	zips    []int              // zipped FROM items, unnest(a, b) and ROWS FROM (srfzip.go)
	srfZips map[int]*selZip    // SELECT -> its select list's zipped set-returning calls (srfselect.go)
	records map[int]recordItem // json[b]_to_record[set] FROM items (srfrecord.go)
	late    []int              // calls rewritten after the expression passes (typeof.go latePass)
	tail    string             // text after the statement's last token (a FROM item unnestSelect adds)
	// start of a rewritten operator over columns whose date/time type is
	// read at run time -> that type as an SQL expression (d + 1 + 2, (ts -
	// iv) - iv: datetime_nested.go)
	dtRTypes map[int]string
	// start of a rewritten product or quotient of columns -> the date/time
	// type argument of its column factor (datetime_nested.go noteDTFactor)
	dtFactors map[int]string
	// start of a CASE or COALESCE-like call -> its resolved type (typeresolve.go)
	resolved map[int]resolvedExpr
	// types of SELECT * when its FROM items are derived (derivedcols.go)
	starOIDs []uint32
	// byte offsets of the CAST tokens dateCalls wrote for date(x): the
	// column is named date (datetime_local.go)
	dateCallAt map[int]bool
	// infoSchema: references an information_schema view, whose columns
	// are typed by infoSchemaColOID before catalogColOID (infoschema.go)
	infoSchema bool
	// the type modifiers of colOIDs (-1: none)
	colMods []int32
	// outer: the statement is the part of a WITH ... INSERT/UPDATE/DELETE
	// after its WITH list (withdml.go); nil otherwise
	outer *partScope
}

var eofTok = token{typ: tPunct, text: "", pos: -1}

func newTx(sql string) *tx {
	l := lexedOf(sql) // lexmemo.go
	x := &tx{src: sql, toks: make([]token, len(l.toks)), sig: l.sig, depth: l.depth,
		oids: map[int]uint32{}, castEnd: map[int]int{}, aliases: map[int]string{}}
	copy(x.toks, l.toks) // the passes edit their own tokens
	x.regexPrecedence()  // regex_precedence.go
	x.distinctOperator() // distinct_operator.go
	return x
}

// lexStatement lexes sql into its tokens, the indexes of its significant
// ones (trailing semicolons dropped) and their nesting depths.
func lexStatement(sql string) *lexed {
	x := &tx{toks: lex(sql)}
	x.indexTokens()
	return &lexed{toks: x.toks, sig: x.sig, depth: x.depth}
}

// indexTokens sets x's significant tokens from x.toks (trailing
// semicolons dropped) and their nesting depths.
func (x *tx) indexTokens() {
	x.sig = nil
	for i := range x.toks {
		if !x.toks[i].trivia() {
			x.sig = append(x.sig, i)
		}
	}
	for len(x.sig) > 0 {
		t := &x.toks[x.sig[len(x.sig)-1]]
		if t.typ == tPunct && t.text == ";" {
			x.sig = x.sig[:len(x.sig)-1]
			continue
		}
		break
	}
	x.computeDepth()
}

func (x *tx) computeDepth() {
	x.depth = make([]int, len(x.sig))
	d := 0
	for i := range x.sig {
		t := x.T(i)
		// [ ] nest like parentheses: ARRAY[a, b] and subscripts are one
		// operand whose commas do not split a list
		if t.typ == tPunct && (t.text == ")" || t.text == "]") {
			d--
		}
		x.depth[i] = d
		if t.typ == tPunct && (t.text == "(" || t.text == "[") {
			d++
		}
	}
}

// balanced reports whether the statement's parentheses and brackets all
// match. Passes that only add types skip unbalanced (malformed) input:
// SQLite reports its syntax error.
func (x *tx) balanced() bool {
	for i, d := range x.depth {
		if d < 0 {
			return false
		}
		if i == len(x.depth)-1 {
			t := x.T(i)
			open := t.typ == tPunct && (t.text == "(" || t.text == "[")
			return d == 0 && !open
		}
	}
	return true
}

// T returns the i-th significant token (a sentinel past the ends).
func (x *tx) T(i int) *token {
	if i < 0 || i >= len(x.sig) {
		e := eofTok
		return &e
	}
	return &x.toks[x.sig[i]]
}

func (x *tx) n() int { return len(x.sig) }

func (x *tx) isP(i int, p string) bool {
	t := x.T(i)
	return (t.typ == tPunct || t.typ == tOp || t.typ == tCast) && t.text == p
}

func (x *tx) kw(i int, kws ...string) bool {
	for k, w := range kws {
		if !x.T(i + k).kw(w) {
			return false
		}
	}
	return true
}

// text joins significant tokens lo..hi-1 with the trivia between them
// (comments become a space).
func (x *tx) text(lo, hi int) string {
	if lo >= hi || lo >= len(x.sig) {
		return ""
	}
	if hi > len(x.sig) {
		hi = len(x.sig)
	}
	var b strings.Builder
	for k := x.sig[lo]; k <= x.sig[hi-1]; k++ {
		t := &x.toks[k]
		if t.typ == tComment {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(t.str())
	}
	return b.String()
}

// orig returns the original source text of significant tokens lo..hi-1.
func (x *tx) orig(lo, hi int) string {
	if lo >= hi || lo >= len(x.sig) {
		return ""
	}
	if hi > len(x.sig) {
		hi = len(x.sig)
	}
	a := x.T(lo).pos
	e := x.T(hi - 1)
	return x.src[a : e.pos+len(e.text)]
}

func (x *tx) all() string { return strings.TrimSpace(x.text(0, len(x.sig))) + x.tail }

// match returns the index of the parenthesis closing the one at i.
func (x *tx) match(i int) int {
	d := 0
	for j := i; j < len(x.sig); j++ {
		if x.isP(j, "(") {
			d++
		} else if x.isP(j, ")") {
			d--
			if d == 0 {
				return j
			}
		}
	}
	return len(x.sig)
}

// unparen is the operand a..b-1 without the parentheses that enclose it
// whole: ((t.b)) is the column t.b.
func (x *tx) unparen(a, b int) (int, int) {
	for x.isP(a, "(") && x.match(a) == b-1 {
		a, b = a+1, b-1
	}
	return a, b
}

// columnName is the column that the operand a..b-1 is, parenthesised or
// not ((t.b) is t.b), and the column reference's tokens ca..cb-1; "" when
// the operand is no column reference.
func (x *tx) columnName(a, b int) (n string, ca, cb int) {
	ca, cb = x.unparen(a, b)
	n, j := x.name(ca)
	if n == "" || j != cb || x.T(ca).typ == tIdent && reservedWord(x.T(ca).upper()) {
		return "", ca, cb
	}
	return n, ca, cb
}

// matchBack returns the index of the "(" matching the ")" at i.
func (x *tx) matchBack(i int) int {
	d := 0
	for j := i; j >= 0; j-- {
		if x.isP(j, ")") {
			d++
		} else if x.isP(j, "(") {
			d--
			if d == 0 {
				return j
			}
		}
	}
	return -1
}

// blank removes significant tokens lo..hi-1 (and trivia between them).
func (x *tx) blank(lo, hi int) {
	if hi > len(x.sig) {
		hi = len(x.sig)
	}
	if lo < 0 {
		lo = 0
	}
	if lo >= hi {
		return
	}
	for k := x.sig[lo]; k <= x.sig[hi-1] && k < len(x.toks); k++ {
		x.toks[k].set("")
	}
}

// splitTop splits lo..hi-1 at commas of the same depth as lo.
func (x *tx) splitTop(lo, hi int) [][2]int {
	var parts [][2]int
	if lo >= hi {
		return nil
	}
	d0 := x.depth[lo]
	s := lo
	for i := lo; i < hi; i++ {
		if x.depth[i] == d0 && x.isP(i, ",") {
			parts = append(parts, [2]int{s, i})
			s = i + 1
		}
	}
	return append(parts, [2]int{s, hi})
}

// find returns the first index >= from at depth d with keyword k, or -1.
func (x *tx) findKw(from, hi, d int, k string) int {
	for i := from; i < hi; i++ {
		if x.depth[i] == d && x.T(i).kw(k) {
			return i
		}
	}
	return -1
}

// name returns the identifier at i (unquoted/lower-cased) and the index
// after a possibly schema-qualified name (schema dropped).
func (x *tx) name(i int) (string, int) {
	t := x.T(i)
	if t.typ != tIdent && t.typ != tQIdent {
		return "", i
	}
	n := t.identName()
	j := i + 1
	for x.isP(j, ".") && (x.T(j+1).typ == tIdent || x.T(j+1).typ == tQIdent) {
		n = x.T(j + 1).identName()
		j += 2
	}
	return n, j
}

// relation reads a table reference "[ONLY] name [*]" at i (PostgreSQL's
// relation_expr) and returns the table's name and the index after it.
func (x *tx) relation(i int) (string, int, error) {
	if x.kw(i, "ONLY") {
		i++
	}
	n, j := x.name(i)
	if n == "" {
		return "", i, x.syntaxErrAt(i)
	}
	if x.isP(j, "*") {
		j++
	}
	return n, j, nil
}

// syntaxErrAt is the syntax error at or near the token at i, or at the
// end of input past the last one.
func (x *tx) syntaxErrAt(i int) *Error {
	if i >= x.n() {
		return syntaxErr(0, "syntax error at end of input")
	}
	return syntaxErr(x.charPos(i), "syntax error at or near \"%s\"", x.T(i).text)
}

// QuoteIdentifier quotes s where PostgreSQL's quote_identifier would (an
// upper-case letter, a character outside [a-z0-9_], a keyword), as
// PostgreSQL's messages name relations and indexes.
func QuoteIdentifier(s string) string { return quoteIdent(s) }

func quoteIdent(s string) string {
	if s == "" {
		return `""`
	}
	ok := isIdentStart(s[0]) && !(s[0] >= 'A' && s[0] <= 'Z')
	for i := 0; i < len(s) && ok; i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			ok = false
		}
	}
	if ok && !reservedWords[strings.ToUpper(s)] && !typeColKeywords[strings.ToUpper(s)] { // quote.go
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func quoteLit(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

var reservedWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ALL ANALYSE ANALYZE AND ANY ARRAY AS ASC ASYMMETRIC BOTH CASE CAST CHECK COLLATE COLUMN CONSTRAINT CREATE CURRENT_CATALOG CURRENT_DATE CURRENT_ROLE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER DEFAULT DEFERRABLE DESC DISTINCT DO ELSE END EXCEPT FALSE FETCH FOR FOREIGN FROM GRANT GROUP HAVING IN INITIALLY INTERSECT INTO LATERAL LEADING LIMIT LOCALTIME LOCALTIMESTAMP NOT NULL OFFSET ON ONLY OR ORDER PLACING PRIMARY REFERENCES RETURNING SELECT SESSION_USER SOME SYMMETRIC TABLE THEN TO TRAILING TRUE UNION UNIQUE USER USING VARIADIC WHEN WHERE WINDOW WITH`) {
		m[w] = true
	}
	return m
}()

// unquoteString decodes a string-literal token ('..', E'..', $$..$$, N'..').
func unquoteString(t *token) (string, bool) {
	s := t.text
	switch t.typ {
	case tDollar:
		j := strings.IndexByte(s[1:], '$') + 2
		tag := s[:j]
		if len(s) >= 2*j && strings.HasSuffix(s, tag) {
			return s[j : len(s)-j], true
		}
		return s[j:], true
	case tString:
		if len(s) == 0 {
			return "", false
		}
		switch s[0] {
		case '\'':
			return unq(s[1:]), true
		case 'E', 'e':
			return unescapeE(s[2:]), true
		case 'N', 'n':
			return unq(s[2:]), true
		}
	}
	return "", false
}

func unq(body string) string {
	body = strings.TrimSuffix(body, "'")
	return strings.ReplaceAll(body, "''", "'")
}

func unescapeE(body string) string {
	if strings.HasSuffix(body, "'") && !strings.HasSuffix(body, "\\'") || strings.HasSuffix(body, "\\\\'") {
		body = body[:len(body)-1]
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\'' && i+1 < len(body) && body[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		c = body[i]
		switch c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'x':
			v, k := 0, 0
			for k < 2 && i+1 < len(body) && isHex(body[i+1]) {
				v = v*16 + hexVal(body[i+1])
				i++
				k++
			}
			if k == 0 {
				b.WriteByte('x')
			} else {
				b.WriteByte(byte(v))
			}
		case 'u', 'U':
			nd := 4
			if c == 'U' {
				nd = 8
			}
			v, k := 0, 0
			for k < nd && i+1 < len(body) && isHex(body[i+1]) {
				v = v*16 + hexVal(body[i+1])
				i++
				k++
			}
			b.WriteRune(rune(v))
		default:
			if c >= '0' && c <= '7' {
				v := int(c - '0')
				for k := 0; k < 2 && i+1 < len(body) && body[i+1] >= '0' && body[i+1] <= '7'; k++ {
					v = v*8 + int(body[i+1]-'0')
					i++
				}
				b.WriteByte(byte(v))
			} else {
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func hexVal(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	default:
		return int(c-'A') + 10
	}
}

// sqliteLit renders s as a SQLite string literal (NUL bytes via char(0)).
func sqliteLit(s string) string {
	if !strings.ContainsRune(s, 0) {
		return quoteLit(s)
	}
	parts := strings.Split(s, "\x00")
	for i := range parts {
		parts[i] = quoteLit(parts[i])
	}
	return "(" + strings.Join(parts, "||char(0)||") + ")"
}

// sqlKeywords: SQLite and PostgreSQL keywords; unquoted identifiers that are
// not keywords are folded to lower case as PostgreSQL does.
var sqlKeywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY
	CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP
	DATABASE DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN
	FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY
	INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL
	NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES REGEXP
	REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO
	TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT TRUE FALSE
	ROWID STRICT ILIKE SIMILAR ANY SOME ARRAY ONLY LATERAL WORK START COPY STDIN STDOUT FORMAT HEADER CSV BINARY DELIMITER SHOW RESET
	SESSION LOCAL ZONE TIME TIMESTAMP INTERVAL ISOLATION LEVEL READ WRITE ONLY COMMITTED UNCOMMITTED REPEATABLE SERIALIZABLE
	TRUNCATE RESTART IDENTITY CONTINUE OWNER OPERATOR VARYING PRECISION DOUBLE CHARACTER CHAR VARCHAR INTEGER INT BIGINT SMALLINT
	TEXT BOOLEAN REAL NUMERIC DECIMAL FLOAT BLOB DATE`) {
		m[w] = true
	}
	return m
}()

// foldIdent lower-cases an unquoted, unedited, non-keyword identifier.
func foldIdent(t *token) {
	if t.typ != tIdent || t.ed {
		return
	}
	for i := 0; i < len(t.text); i++ {
		if c := t.text[i]; c >= 'A' && c <= 'Z' {
			if !sqlKeywords[strings.ToUpper(t.text)] {
				t.set(asciiLower(t.text))
			}
			return
		}
	}
}

// wipe removes significant tokens lo..hi-1 including spliced text.
func (x *tx) wipe(lo, hi int) {
	if hi > len(x.sig) {
		hi = len(x.sig)
	}
	if lo < 0 || lo >= hi {
		return
	}
	for k := x.sig[lo]; k <= x.sig[hi-1]; k++ {
		t := &x.toks[k]
		t.set("")
		t.pre, t.suf, t.wpre, t.wsuf = "", "", "", ""
	}
}

// asciiLower lower-cases ASCII letters only, as PostgreSQL folds identifiers.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// outsideCase steps *cases over token i of a left-to-right walk (CASE
// opens, END closes) and reports whether i stands outside every CASE ...
// END (the CASE and END themselves do not).
func (x *tx) outsideCase(i int, cases *int) bool {
	switch {
	case x.kw(i, "CASE"):
		*cases++
		return false
	case x.kw(i, "END") && *cases > 0:
		*cases--
		return false
	}
	return *cases == 0
}
