package pgdialect

import (
	"database/sql/driver"
	"maps"
	"slices"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// endsOperand reports whether token i ends an operand (so a following ~ is
// binary, a following [ is a subscript ...).
func (x *tx) endsOperand(i int) bool {
	t := x.T(i)
	switch t.typ {
	case tQIdent, tNumber, tString, tDollar, tParam:
		return true
	case tIdent:
		switch t.upper() {
		case "AND", "OR", "NOT", "WHERE", "SELECT", "ON", "WHEN", "THEN", "ELSE", "IN", "IS", "LIKE", "ILIKE", "BY", "HAVING", "SET", "VALUES", "RETURNING", "CASE", "AS", "FROM", "BETWEEN", "SYMMETRIC", "ASYMMETRIC", "DISTINCT", "ALL",
			"FOR", "PLACING": // reserved words: substring(s FROM 2 FOR -1) is a unary minus
			return false
		}
		return true
	case tPunct:
		// DISTINCT ON (...)'s list is not an operand: DISTINCT ON (d)
		// DATE 'infinity' starts a typed literal
		return t.text == ")" && !x.kw(x.matchBack(i)-2, "DISTINCT", "ON") || t.text == "]"
	}
	return false
}

// exprPass applies the token-level rewrites valid anywhere in a statement.
func (x *tx) exprPass() error {
	x.negativeZeroLiterals()                 // negzero_literal.go
	if err := x.srfPlacement(); err != nil { // srfplace.go
		return err
	}
	x.typeSeriesCalls()
	x.typeUnnestCalls()
	x.qualifyBesideDerived()                   // array_translate.go
	x.scalarSubqueries()                       // subquery.go
	x.setOpParens()                            // setops.go
	if err := x.fromItemSyntax(); err != nil { // fromitems.go
		return err
	}
	x.jsonQuestionOps()                          // jsonb_translate.go
	if err := x.jsonPathOperands(); err != nil { // jsonpath_funcs.go
		return err
	}
	if err := x.unknownPolymorphicArgs(); err != nil { // unknownargs.go
		return err
	}
	if err := x.aggDistinctOrder(); err != nil { // aggdistinctorder.go
		return err
	}
	// pass 1: literals, parameters, qualifiers, keywords, functions
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		switch t.typ {
		case tParam:
			if t.text[0] == '$' && len(t.text) > 1 && isDigit(t.text[1]) {
				n, err := strconv.Atoi(t.text[1:])
				if err != nil || n < 1 || n > 32766 {
					return syntaxErr(t.pos+1, "there is no parameter %s", t.text)
				}
				if n > x.maxParam {
					x.maxParam = n
				}
				t.set("?" + t.text[1:])
				x.inferParam(i, n)
			} else if t.text[0] == '?' {
				if len(t.text) == 1 {
					x.nQMark++
					if x.nQMark > x.maxParam {
						x.maxParam = x.nQMark
					}
				} else if n, err := strconv.Atoi(t.text[1:]); err == nil && n > x.maxParam {
					x.maxParam = n
				}
			}
		case tString:
			if t.ed && t.out == "" {
				break // blanked by an earlier rewrite (stringagg_distinct.go moved it)
			}
			switch t.text[0] {
			case 'E', 'e', 'N', 'n':
				s, _ := unquoteString(t)
				t.set(sqliteLit(s))
			case 'B', 'b', 'X', 'x':
				if err := x.bitLiteral(i); err != nil { // bits_funcs.go
					return err
				}
			case 'U', 'u':
				return unsupported("Unicode escape string literals (U&'...') are not supported")
			}
		case tDollar:
			s, _ := unquoteString(t)
			t.set(sqliteLit(s))
		case tQIdent:
			if t.text[0] == 'U' || t.text[0] == 'u' {
				return unsupported("Unicode escape identifiers (U&\"...\") are not supported")
			}
			if n := t.identName(); (n == "information_schema" || n == "pg_catalog") && x.isP(i+1, ".") &&
				(x.T(i+2).typ == tIdent || x.T(i+2).typ == tQIdent) && !x.isP(i-1, ".") {
				// "information_schema"."columns" (atlas, ent): as unquoted
				x.catalog = true
				t.set("")
				x.T(i + 1).set("")
				if n == "information_schema" {
					x.infoSchema = true
					x.T(i + 2).set(quoteIdent("information_schema_" + x.T(i+2).identName()))
				}
			}
		case tPunct:
			if t.text == "[" && !t.ed && i > 0 && x.T(i-1).pos+len(x.T(i-1).text) == t.pos && x.endsOperand(i-1) && !x.catalog &&
				!x.isP(i+1, "]") && x.T(i-2).typ != tCast {
				if err := x.subscript(i); err != nil { // array_translate.go
					return err
				}
			}
		case tIdent:
			if err := x.identRewrite(i); err != nil {
				return err
			}
			foldIdent(t)
		}
	}
	// pass 2: operators
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.kw("OPERATOR") && x.isP(i+1, "(") {
			e := x.match(i + 1)
			op := ""
			for j := i + 2; j < e; j++ {
				if x.T(j).typ == tOp {
					op = x.T(j).text
				}
			}
			x.blank(i, e+1)
			t.set(" " + op + " ")
			if !x.rewriteOp(t, op, i) {
				t.set(" " + op + " ")
			}
			continue
		}
		if x.anyAllMatched(i) {
			continue // anyAllCompare spelled it (anyall_like.go)
		}
		if t.typ == tOp {
			x.rewriteOp(t, t.text, i)
			continue
		}
		if t.kw("ILIKE") {
			t.set("GLOB") // glob() is ILIKE (like.go)
		}
		if t.kw("SIMILAR") && x.kw(i+1, "TO") {
			x.similarWords(i) // similar.go
		}
	}
	// pass 3: casts
	for i := 0; i < x.n(); i++ {
		if x.T(i).typ == tCast {
			if err := x.cast(i); err != nil {
				return err
			}
		}
		if x.T(i).kw("CAST") && x.isP(i+1, "(") {
			if err := x.castFunc(i); err != nil {
				return err
			}
		}
	}
	// range_translate.go: before the arithmetic, network, array and jsonb operators take them
	if err := x.rangeOperators(); err != nil {
		return err
	}
	// jsonb_translate.go: before the rewrites that copy an operand's text
	if err := x.jsonEarlyOperators(); err != nil {
		return err
	}
	if err := x.floatCalls(); err != nil { // floatcalls.go
		return err
	}
	if err := x.callArgKindChecks(); err != nil { // callargkinds.go
		return err
	}
	if err := x.windowArgs(); err != nil { // window_args.go
		return err
	}
	if err := x.gcdNotUnique(); err != nil { // gcd_notunique.go
		return err
	}
	// before the operators' rewrites, which read the calls' result types
	x.numericCalls() // numeric_calls.go
	// pass 3b: date/time operators and AT TIME ZONE (datetime_translate.go)
	if err := x.datetimePass(); err != nil {
		return err
	}
	x.arithMembership()                   // arith.go
	x.arithAbs()                          // arith_columns.go
	x.sumFloat4Types()                    // sum_float4.go
	x.float4NumericLate()                 // float4numeric.go
	x.roundFloat8()                       // float8round.go
	x.outTextCalls()                      // textoperands.go
	if err := x.arrayPass(); err != nil { // array_translate.go
		return err
	}
	// pass 3c: jsonb operators, table functions, JSON arguments
	if err := x.jsonPass(); err != nil {
		return err
	}
	x.outTextConcatOps() // textoperands.go
	// pass 4: generate_series (its arguments are translated by now)
	// from the last, so a call's arguments are translated when its text
	// is built; the ones after other FROM items from the first
	// (series_lateral.go), so one's arguments may read another's column
	var laterals []int
	for k := len(x.series) - 1; k >= 0; k-- {
		i := x.series[k]
		if x.inZip(i) {
			continue // ROWS FROM (generate_series(...), ...): below
		}
		if x.seriesInFrom(i) && x.seriesLateral(i, x.match(x.sigNext(i))) {
			laterals = append(laterals, i)
			continue
		}
		if err := x.generateSeries(i); err != nil {
			return err
		}
	}
	for k := len(laterals) - 1; k >= 0; k-- {
		if err := x.generateSeries(laterals[k]); err != nil {
			return err
		}
	}
	// json[b]_to_record[set] and zipped FROM items, over the functions'
	// translated arguments
	for _, r := range slices.Sorted(maps.Keys(x.records)) {
		x.recordRewrite(r) // srfrecord.go
	}
	for _, z := range x.zips {
		if err := x.zipFrom(z); err != nil { // srfzip.go
			return err
		}
	}
	if err := x.lateralSubqueries(); err != nil { // lateral.go
		return err
	}
	if err := x.latePass(); err != nil { // typeof.go
		return err
	}
	x.arrayNumericConsts()                         // branch_consts.go
	if err := x.windowRangeOffsets(); err != nil { // window_range.go
		return err
	}
	x.orderNumeric()       // orderby_numeric.go, before nullif and greatest change shape
	x.minMaxConditionals() // minmax_conditional.go, likewise
	x.nullifNumeric()      // numeric_runtimecmp.go
	x.rewriteMinMax()      // strsyntax.go
	x.betweenSymmetric()   // symmetric.go
	// pass 5: NULL placement and row limits (orderby.go)
	return x.orderByPass()
}

func (x *tx) rewriteOp(t *token, op string, i int) bool {
	switch op {
	case "~", "!~", "~*", "!~*":
		if op == "~" && !x.endsOperand(i-1) {
			return false // unary bitwise not
		}
		s := " REGEXP "
		if op[0] == '!' {
			s = " NOT REGEXP "
		}
		if strings.HasSuffix(op, "*") {
			s += icaseMarkerSQL + " || " // regexop.go
		}
		t.set(s)
		return true
	case "~~", "!~~", "~~*", "!~~*":
		s := " LIKE "
		if strings.HasSuffix(op, "*") {
			s = " GLOB " // ILIKE (like.go)
		}
		if op[0] == '!' {
			s = " NOT" + s
		}
		t.set(s)
		return true
	case "^":
		return false
	}
	return false
}

// binaryTextCalls return text built from arguments that may carry the
// collation of numeric or interval values (see identRewrite).
// (to_hex(CASE ... END) of an int4 column sorted 80000000 before
// 7fffffff: the fuzz tester's seed 841117).
var binaryTextCalls = map[string]bool{"to_char": true, "concat": true, "concat_ws": true, "to_hex": true}

var funcRename = map[string]string{
	"string_agg":       "group_concat",
	"char_length":      "length",
	"character_length": "length",
	"strpos":           "instr",
	"btrim":            "trim",
	"greatest":         "max",
	"least":            "min",
	"array_length":     "pg_array_length",
	"array_upper":      "pg_array_length",
	"to_char":          "pg_to_char",
}

// lookupFuncs are catalog functions answered from the catalog views.
var lookupFuncs = map[string]string{
	"pg_get_indexdef":      "(SELECT pgd_indexdef_q FROM pgd_indexdefs WHERE pgd_index_oid = (%s))",
	"pg_get_constraintdef": "(SELECT pgd_condef FROM pgd_condefs WHERE pgd_con_oid = (%s))",
	"pg_get_viewdef":       "(SELECT pgd_viewdef FROM pgd_viewdefs WHERE pgd_view_oid = pg_regclass(%s))",
}

var timeFuncs = map[string]bool{"now": true, "transaction_timestamp": true, "statement_timestamp": true, "clock_timestamp": true}

// nowSQL is now() and CURRENT_TIMESTAMP: pg_now(), the statement's time
// in microseconds (pinned to the entry's on the apply connection, to the
// transaction's or the statement's start on a read connection: sqlexec
// overrides it per connection) in timestamptz's canonical stored form
// (UTC, fraction without trailing zeros), so it compares with
// timestamptz columns as text. Translating it again (FillDefaults reads a
// stored DEFAULT back) leaves it unchanged.
const nowSQL = "pg_now()"

// legacyNowSQL is nowSQL as tables created before pg_now() store it in a
// DEFAULT: SQLite's 'now', whole seconds.
const legacyNowSQL = "strftime('%Y-%m-%d %H:%M:%S+00', 'now')"

// identRewrite handles identifiers and keywords at i.
func (x *tx) identRewrite(i int) error {
	t := x.T(i)
	if t.ed {
		return nil
	}
	u := t.upper()
	next := x.T(i + 1)
	call := next.typ == tPunct && next.text == "("
	if x.isP(i-1, ".") && !x.T(i-1).ed {
		// qualified name part: only function renames apply
		if !call {
			return nil
		}
	}
	if next.typ == tString && t.typ == tIdent && !x.endsOperand(i-1) && !x.isP(i-1, ".") {
		// typed literal: type 'literal' (typeallow.go)
		if err := x.castTypeErr(strings.ToLower(u), i); err != nil {
			return err
		}
	}
	switch u {
	case "PG_CATALOG", "PUBLIC":
		if x.isP(i+1, ".") && (x.T(i+2).typ == tIdent || x.T(i+2).typ == tQIdent) && !x.isP(i-1, ".") {
			if u == "PG_CATALOG" {
				x.catalog = true
			}
			t.set("")
			x.T(i + 1).set("")
		}
		return nil
	case "INFORMATION_SCHEMA":
		if x.isP(i+1, ".") && (x.T(i+2).typ == tIdent || x.T(i+2).typ == tQIdent) {
			x.catalog, x.infoSchema = true, true
			t.set("")
			x.T(i + 1).set("")
			x.T(i + 2).set(quoteIdent("information_schema_" + x.T(i+2).identName()))
		}
		return nil
	case "PG_CLASS", "PG_NAMESPACE", "PG_ATTRIBUTE", "PG_TYPE", "PG_INDEX", "PG_DATABASE", "PG_ROLES", "PG_PROC", "PG_CONSTRAINT", "PG_SETTINGS", "PG_TABLES", "PG_SEQUENCE", "PG_SEQUENCES", "PG_INDEXES", "PG_VIEWS",
		"PG_DEPEND", "PG_ATTRDEF":
		x.catalog = true
	case "COLLATE":
		return x.collateClause(i) // collations.go
	case "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_CATALOG", "USER":
		if !call && !x.isP(i-1, ".") && !x.isP(i+1, ".") {
			f := strings.ToLower(u)
			if u == "CURRENT_ROLE" || u == "SESSION_USER" || u == "USER" { // USER: a reserved word, CURRENT_USER
				f = "current_user"
			} else if u == "CURRENT_CATALOG" {
				f = "current_database"
			}
			t.set(f + "()")
		}
		return nil
	case "POSITION":
		if call {
			x.positionIn(i) // strfuncs.go
		}
		return nil
	case "LOCALTIMESTAMP", "LOCALTIME", "CURRENT_TIMESTAMP", "CURRENT_TIME", "CURRENT_DATE":
		if u == "CURRENT_TIMESTAMP" {
			t.set(nowSQL)
		} else {
			t.set(localNowSQL(u)) // datetime_local.go: in the session zone
		}
		if call {
			return x.nowPrecision(i, u)
		}
		return nil
	case "ROW":
		if call && !x.isP(i-1, ".") && x.match(i+1) > i+2 {
			// ROW(a, b) is the row value (a, b): SQLite's, where it takes
			// one (comparisons, IN); 0A000 elsewhere, as (a, b) is
			t.set("")
			return nil
		}
	case "ARRAY":
		if (call || x.isP(i+1, "[")) && !x.catalog {
			return x.arrayConstructor(i) // array_translate.go
		}
	case "ANY", "SOME", "ALL":
		if call && x.kw(i+2, "SELECT") && x.isP(i-1, "=") && u != "ALL" {
			x.T(i - 1).set("")
			t.set("IN")
			return nil
		}
		if call && x.catalog && x.catalogVectorAny(i) { // catalog_vector_any.go
			return nil
		}
		if call && (x.T(i-1).typ == tOp || x.kw(i-1, "LIKE") || x.kw(i-1, "ILIKE")) && !x.catalog {
			return x.anyAll(i) // array_translate.go
		}
	case "WITHIN":
		if x.kw(i+1, "GROUP") && x.isP(i-1, ")") {
			x.late = append(x.late, i) // orderedset.go
			return nil
		}
	case "UNKNOWN":
		// x IS [NOT] UNKNOWN is x IS [NOT] NULL for a boolean
		if x.kw(i-1, "IS") || x.kw(i-2, "IS") && x.kw(i-1, "NOT") {
			t.set("NULL")
			return nil
		}
	case "LIMIT":
		if x.kw(i+1, "ALL") {
			x.T(i + 1).set("-1")
		}
	case "ONLY":
		if i > 0 && (x.kw(i-1, "FROM") || x.kw(i-1, "UPDATE") || x.kw(i-1, "JOIN") || x.kw(i-1, "TABLE")) && (next.typ == tIdent || next.typ == tQIdent) {
			t.set("")
		}
		return nil
	case "FOR":
		// The locking clause (also in a subquery or CTE): removed, the
		// strength kept in x.locking (see Stmt.Locking; what it means here
		// is in docs/sql-dialect.md "Row locks").
		strength := ""
		switch {
		case x.kw(i+1, "UPDATE"):
			strength = "FOR UPDATE"
		case x.kw(i+1, "SHARE"):
			strength = "FOR SHARE"
		case x.kw(i+1, "NO", "KEY", "UPDATE"):
			strength = "FOR NO KEY UPDATE"
		case x.kw(i+1, "KEY", "SHARE"):
			strength = "FOR KEY SHARE"
		}
		if strength != "" {
			if x.locking == "" {
				x.locking = strength
			}
			j := i + 1
			for j < x.n() && !x.isP(j, ")") && !x.isP(j, ";") {
				j++
			}
			x.blank(i, j)
		}
		return nil
	case "INTERVAL":
		if (next.typ == tString || x.isP(i+1, "(") && x.T(x.match(i+1)+1).typ == tString) && x.typedLiteralAt(i) && x.intervalLiteral(i) {
			return nil
		}
	case "DATE", "TIMESTAMP", "TIMESTAMPTZ", "TIME", "TIMETZ", "BOOLEAN", "BOOL", "UUID", "JSON", "JSONB", "NUMERIC", "DECIMAL", "BIGINT", "INT", "INTEGER", "TEXT",
		"INT2", "INT4", "INT8", "SMALLINT", "FLOAT4", "FLOAT8", "REAL", "VARCHAR", "BPCHAR", "BYTEA", "INET", "CIDR", "MACADDR", "MACADDR8",
		"INT4RANGE", "INT8RANGE", "NUMRANGE", "DATERANGE", "TSRANGE", "TSTZRANGE":
		if next.typ == tString && x.typedLiteralAt(i) {
			// typed literal: type 'literal' -> cast
			tt := typeAlias[strings.ToLower(u)]
			if tt != nil {
				if x.T(i - 1).kw("DEFAULT") {
					// the literal's token keeps what a column definition
					// put after it (its constraints, ddl.go), outside the
					// cast
					pre, suf := "", ""
					if p, q, ok := checkedCast(tt, "", true); ok && x.castsChecked() {
						pre, suf = p, q
					} else {
						pre, suf, _ = strings.Cut(castExpr(tt, "\x00"), "\x00")
					}
					t.set(pre)
					next.suf = suf + next.suf
					x.castEnd[i+1] = i
					return nil
				}
				lit := next.str()
				if pre, suf, ok := checkedCast(tt, "", true); ok && x.castsChecked() {
					t.set(pre + lit + suf)
				} else {
					t.set(castExpr(tt, lit))
				}
				next.set("")
				x.castEnd[i+1] = i // the literal is one operand (datetimePass)
			}
			return nil
		}
	case "BIT", "VARBIT":
		if x.bitTypedLiteral(i) { // bits_funcs.go
			return nil
		}
	case "GENERATE_SERIES":
		if call {
			x.series = append(x.series, i) // rewritten after the casts
			return nil
		}
	case "EXTRACT":
		if call && x.extractRewrite(i) {
			return nil
		}
	case "DATE_PART":
		if call {
			x.datePartColumn(i) // datetime_translate.go
		}
	case "DATE_TRUNC":
		if call {
			x.dateTruncTyped(i) // datetime_translate.go
		}
	case "AGE":
		if call {
			x.ageRewrite(i)
		}
	case "DATE_BIN":
		if call {
			x.dateBinLiterals(i) // datebin.go
		}
	case "COALESCE":
		if e := x.match(i + 1); call && e < x.n() && e > i+2 && len(x.splitTop(i+2, e)) == 1 {
			// coalesce(x) is x; SQLite's coalesce takes two arguments
			// at least (coalesce(t) was 42883)
			x.T(e).pre = ", NULL" + x.T(e).pre
		}
	case "MAKE_INTERVAL":
		if call {
			if err := x.makeIntervalArgs(i); err != nil { // make_interval.go
				return err
			}
		}
	case "JSONB_PATH_QUERY_ARRAY", "JSONB_PATH_QUERY_FIRST", "JSONB_PATH_EXISTS", "JSONB_PATH_MATCH":
		if call && !x.catalog {
			if err := x.jsonPathCall(i); err != nil { // jsonpath_funcs.go
				return err
			}
		}
	case "UNNEST", "REGEXP_MATCHES", "REGEXP_SPLIT_TO_TABLE", "JSONB_OBJECT_KEYS", "JSON_OBJECT_KEYS", "STRING_TO_TABLE", "GENERATE_SUBSCRIPTS", "JSONB_PATH_QUERY":
		if call && u == "JSONB_PATH_QUERY" && !x.catalog {
			if err := x.jsonPathCall(i); err != nil { // jsonpath_funcs.go
				return err
			}
		}
		if call && !x.catalog {
			x.unnests = append(x.unnests, i) // rewritten by arrayPass
			return nil
		}
	}
	if !call {
		return nil
	}
	if bitTypedCalls[strings.ToLower(t.text)] {
		x.late = append(x.late, i) // bits_funcs.go (substring and overlay are strsyntax.go's too)
	}
	x.byteaLiteralArg(i)                          // bytea_bytes.go: get_byte('abc', 0)
	if err := x.widthBucketArray(i); err != nil { // widthbucket.go
		return err
	}
	if err := x.columnSizeCall(i); err != nil { // column_size.go
		return err
	}
	if ok, err := x.strSyntax(i); ok || err != nil { // strsyntax.go
		return err
	}
	l := strings.ToLower(t.text)
	if l == "pg_get_serial_sequence" {
		t.set(serialSequenceCall) // serial.go
		m := x.match(i + 1)
		x.T(m).pre = ", " + serialRelations + x.T(m).pre
		x.T(m).wsuf += serialSequenceEnd
		return nil
	}
	if l == "pg_typeof" || l == "to_hex" || netTypedCalls[l] {
		x.late = append(x.late, i) // typeof.go
	} else if l == "count" {
		x.countRow(i) // rowkey.go
	}
	if binaryTextCalls[l] && !x.relationAt(i) {
		// a text result compares by bytes: SQLite's function result takes
		// the collation of an argument that has one, so to_char(d + iv,
		// 'HH24:MI:SS') of the pg_numeric CASE form of column date/time
		// arithmetic, or concat(n * 2, ''), compared by pg_numeric
		// (BETWEEN '%b%' AND 'z' was false; as (x)::text does, pgcast.go)
		x.T(x.match(i + 1)).suf += " COLLATE BINARY"
	}
	if l == "format_type" && x.formatTypeRewrite(i) { // catalog_dump.go
		return nil
	}
	if (l == "obj_description" || l == "col_description") && x.descriptionRewrite(i, l) { // comment.go
		return nil
	}
	lf, ok := lookupFuncs[l]
	if !ok {
		lf, ok = toRegFuncs[l] // to_reg.go
	}
	if ok {
		e := x.match(i + 1)
		args := x.splitTop(i+2, e)
		if len(args) == 0 || args[0][0] >= args[0][1] {
			return nil
		}
		if l == "pg_get_indexdef" && len(args) == 3 && x.kw(args[2][0], "TRUE") && args[2][1] == args[2][0]+1 {
			// pretty: a table on the search_path is named bare
			lf = strings.Replace(lf, "pgd_indexdef_q", "pgd_indexdef", 1)
		}
		pre, post, _ := strings.Cut(lf, "%s")
		t.set(pre)
		x.T(i + 1).set("")
		x.blank(args[0][1], e)
		x.T(e).set(post)
		x.catalog = true
		return nil
	}
	switch {
	case timeFuncs[l]:
		e := x.match(i + 1)
		if e == i+2 {
			t.set(nowSQL)
			x.blank(i+1, e+1)
		}
	case l == "gen_random_uuid" || l == "uuid_generate_v4":
		e := x.match(i + 1)
		if e == i+2 {
			t.set("pg_uuid_format(randomblob(16))")
			x.blank(i+1, e+1)
		}
	case l == "random":
		e := x.match(i + 1)
		if e == i+2 {
			t.set("(((random() >> 11) & 9007199254740991) / 9007199254740992.0)")
			x.blank(i+1, e+1)
		}
	default:
		if r, ok := funcRename[l]; ok && !x.relationAt(i) {
			t.set(r)
		}
	}
	return nil
}

// relationAt reports whether the name at i, followed by "(", names a
// relation rather than calling a function: CREATE TABLE log (...),
// INSERT INTO log (...), CREATE INDEX ON log (...).
func (x *tx) relationAt(i int) bool {
	if i == 0 {
		return false
	}
	p := x.T(i - 1)
	if p.typ == tPunct && p.text == "." {
		return true
	}
	if p.kw("FROM") && x.kw(i-2, "DISTINCT") && (x.kw(i-3, "IS") || x.kw(i-3, "NOT")) {
		return false // a IS [NOT] DISTINCT FROM f(x): an operand
	}
	switch p.upper() {
	case "TABLE", "EXISTS", "INTO", "FROM", "JOIN", "UPDATE", "REFERENCES", "ONLY", "VIEW", "INDEX", "TRUNCATE", "ON", "COPY", "WITH", "RECURSIVE":
		return p.typ == tIdent
	}
	return false
}

func castExpr(tt *pgType, expr string) string {
	if strings.HasPrefix(tt.cast, "fn:") {
		return castFn(tt, expr)
	}
	return "CAST(" + expr + " AS " + tt.cast + ")"
}

func castFn(tt *pgType, expr string) string {
	f := tt.cast[3:]
	switch f {
	case "regclass":
		return "pg_regclass(" + expr + ")"
	case "regtype":
		return "pg_regtype(" + expr + ")"
	case "regnamespace":
		return "pg_regnamespace(" + expr + ")"
	}
	return f + "(" + expr + ")"
}

// inferParam records a parameter type guessed from context: LIMIT/OFFSET
// $n -> int8; $n::type is handled by cast.
func (x *tx) inferParam(i, n int) {
	if x.kw(i-1, "LIMIT") || x.kw(i-1, "OFFSET") {
		x.oids[n] = pgoid.Int8
	}
}

// parseType parses a type name starting at i. It returns the index after
// it, the canonical short name (lower case), the original modifier text
// and whether it is an array.
func (x *tx) parseType(i int) (end int, name string, mods string, array bool, ok bool) {
	j := i
	for (x.T(j).typ == tIdent || x.T(j).typ == tQIdent) && x.isP(j+1, ".") {
		j += 2
	}
	t := x.T(j)
	if t.typ != tIdent && t.typ != tQIdent {
		return i, "", "", false, false
	}
	words := []string{t.identName()}
	if t.typ == tQIdent && t.identName() == "char" {
		words = []string{`"char"`}
	}
	j++
	switch words[0] {
	case "double":
		if x.kw(j, "PRECISION") {
			words = append(words, "precision")
			j++
		}
	case "character", "char", "bit":
		if x.kw(j, "VARYING") {
			words = append(words, "varying")
			j++
		}
	}
	if x.isP(j, "(") {
		e := x.match(j)
		mods = x.orig(j, e+1)
		j = e + 1
	}
	if words[0] == "timestamp" || words[0] == "time" {
		if x.kw(j, "WITH", "TIME", "ZONE") {
			words = append(words, "with", "time", "zone")
			j += 3
		} else if x.kw(j, "WITHOUT", "TIME", "ZONE") {
			words = append(words, "without", "time", "zone")
			j += 3
		}
	}
	if words[0] == "interval" {
		// the modifiers are all that follows: "(3)", "day to second(3)" (interval_typmod.go)
		f := j
		for x.T(j).typ == tIdent && intervalFieldWords[x.T(j).upper()] {
			j++
		}
		if j > f && x.isP(j, "(") {
			j = x.match(j) + 1
		}
		if j > f {
			mods = x.orig(f, j)
		}
	}
	for x.isP(j, "[") {
		array = true
		for j < x.n() && !x.isP(j, "]") {
			j++
		}
		j++
	}
	if x.kw(j, "ARRAY") {
		array = true
		j++
	}
	return j, normTypeWords(words), mods, array, true
}

// primaryStart returns the index where the primary expression ending at i
// starts (identifier chain, literal, parenthesised group, function call,
// parameter, or an earlier cast).
func (x *tx) primaryStart(i int) int {
	if s, ok := x.castEnd[i]; ok {
		return s
	}
	t := x.T(i)
	var k int
	switch {
	case x.isP(i, ")"):
		k = x.matchBack(i)
		if k < 0 {
			return -1
		}
		if k >= 2 && (x.T(k-1).kw("OVER") || x.T(k-1).kw("FILTER")) && x.isP(k-2, ")") {
			return x.primaryStart(k - 2) // f(...) FILTER (...) OVER (...): callEnd
		}
		if k >= 3 && x.T(k-1).kw("GROUP") && x.T(k-2).kw("WITHIN") && x.isP(k-3, ")") {
			return x.primaryStart(k - 3) // f(...) WITHIN GROUP (...) (orderedset.go)
		}
		if k > 0 && (x.T(k-1).typ == tIdent || x.T(k-1).typ == tQIdent) && x.endsOperand(k-1) && !x.T(k-1).kw("IN") && !x.T(k-1).kw("EXISTS") {
			k--
		} else {
			return k
		}
	case t.typ == tIdent && t.kw("END"):
		// CASE ... END is one operand (CASE ... END * 2): its CASE
		return x.caseStart(i)
	case t.typ == tIdent || t.typ == tQIdent:
		if i >= 2 && x.T(i-1).kw("OVER") && x.isP(i-2, ")") {
			return x.primaryStart(i - 2) // f(...) OVER window_name
		}
		k = i
	case t.typ == tNumber || t.typ == tString || t.typ == tDollar || t.typ == tParam:
		// a negative number literal: -1::int in PG casts 1 then negates; keep
		return i
	default:
		return -1
	}
	for k >= 2 && x.isP(k-1, ".") && (x.T(k-2).typ == tIdent || x.T(k-2).typ == tQIdent) {
		k -= 2
	}
	return k
}

// caseStart is the CASE that the END at i closes, -1 if none does.
func (x *tx) caseStart(i int) int {
	for c := i - 1; c >= 0 && x.depth[c] >= x.depth[i]; c-- {
		if x.depth[c] == x.depth[i] && x.kw(c, "CASE") && x.caseEnd(c) == i {
			return c
		}
	}
	return -1
}

// cast rewrites expr::type at the :: token i.
func (x *tx) cast(i int) error {
	s := x.primaryStart(i - 1)
	if s < 0 {
		return syntaxErr(x.T(i).pos+1, "syntax error at or near \"::\"")
	}
	end, name, _, array, ok := x.parseType(i + 1)
	if !ok {
		return x.syntaxErrAt(i + 1)
	}
	if err := x.intervalTypeErr(i+1, end); err != nil { // interval_typmod.go
		return err
	}
	if array {
		if !x.catalog {
			_, _, mods, _, _ := x.parseType(i + 1)
			return x.castToArray(s, i, end, name, mods) // array_translate.go
		}
		name = "text"
	}
	if err := x.castTypeErr(name, i+1); err != nil { // typeallow.go
		return err
	}
	tt := typeAlias[name]
	if tt == nil && x.enumCast(s, i, end) { // enum_order.go
		return nil
	}
	if tt == nil {
		return &Error{Code: "42704", Message: "type \"" + name + "\" does not exist", Position: x.T(i+1).pos + 1}
	}
	if tt.cast == "" {
		return unsupported("type %s is not supported", name)
	}
	if err := x.moneyCastErr(s, i, tt); err != nil { // money.go
		return err
	}
	if _, _, mods, _, _ := x.parseType(i + 1); !x.catalog {
		if err := x.bitCastErr(s, i, tt, mods); err != nil { // bits_funcs.go
			return err
		}
		if err := x.boolCastErr(s, i, i, tt); err != nil { // castsource.go
			return err
		}
		if _, _, err := x.dtCastCheck(s, i, i, tt); err != nil { // datetime_casts.go
			return err
		}
		if err := x.jsonCastErr(s, i, i, tt); err != nil { // json_cast.go
			return err
		}
	}
	if x.oidIntCast(s, i, end, tt) { // oidtype.go
		return nil
	}
	if x.T(s).typ == tParam && s == i-1 && x.T(s).text[0] == '$' {
		if n, err := strconv.Atoi(x.T(s).text[1:]); err == nil {
			x.oids[n] = tt.oid
		}
	}
	if x.castRewrite(s, i, end, tt) {
		return nil
	}
	first := x.T(s)
	if strings.HasPrefix(tt.cast, "fn:") {
		f := tt.cast[3:]
		lit := s == i-1 && x.T(s).typ == tString
		if lit && x.regOutput(s, i, end, f) { // to_reg.go
			return nil
		}
		switch f {
		case "regclass":
			if !lit {
				first.pre = "(SELECT pg_quote_ident(pgd_relname) FROM pgd_relnames WHERE pgd_rel_oid = " + first.pre
				x.T(i).set(")")
				x.blank(i+1, end)
				x.castEnd[end-1] = s
				x.T(end - 1).set("")
				return nil
			}
			f = "pg_regclass"
		case "regtype":
			if !lit {
				f = "pg_regtype_name"
			} else {
				f = "pg_regtype"
			}
		case "regnamespace":
			if !lit {
				f = "pg_regnamespace_name"
			} else {
				f = "pg_regnamespace"
			}
		}
		first.pre = f + "(" + first.pre
		x.T(i).set("")
		x.blank(i+1, end)
		x.T(end - 1).set(")")
	} else {
		first.pre = "CAST(" + first.pre
		x.T(i).set(" AS ")
		x.blank(i+1, end)
		cast := tt.cast
		if tt.oid == pgoid.Varchar {
			// SQLite's TEXT affinity as TEXT's; the name tells a
			// char(n) comparison's conversion that the operand is
			// varchar (c = 'a  '::varchar ignores trailing blanks,
			// bpchar_compare.go), not text
			cast = "VARCHAR"
		}
		x.T(end - 1).set(cast + ")")
	}
	x.castEnd[end-1] = s
	return nil
}

// castFunc maps the type of CAST(expr AS type).
func (x *tx) castFunc(i int) error {
	e := x.match(i + 1)
	as := -1
	for j := i + 2; j < e; j++ {
		if x.depth[j] == x.depth[i]+1 && x.T(j).kw("AS") {
			as = j
		}
	}
	if as < 0 {
		return nil
	}
	end, name, _, array, ok := x.parseType(as + 1)
	if !ok || end != e {
		return nil
	}
	if err := x.intervalTypeErr(as+1, end); err != nil { // interval_typmod.go
		return err
	}
	if array {
		_, _, mods, _, _ := x.parseType(as + 1)
		return x.castFuncToArray(i, as, e, name, mods) // array_translate.go
	}
	if err := x.castTypeErr(name, as+1); err != nil { // typeallow.go
		return err
	}
	tt := typeAlias[name]
	if tt == nil && x.enumCastFunc(i, as, e) { // enum_order.go
		return nil
	}
	if tt == nil && x.catalog {
		return nil // catalog queries: SQLite's own type names
	}
	if tt == nil {
		return x.undefinedTypeErr(name, as+1)
	}
	if tt.cast == "" {
		return unsupported("type %s is not supported", name)
	}
	if _, _, mods, _, _ := x.parseType(as + 1); !x.catalog {
		if err := x.bitCastErr(i+2, as, tt, mods); err != nil { // bits_funcs.go
			return err
		}
		if err := x.boolCastErr(i+2, as, i, tt); err != nil { // castsource.go
			return err
		}
		if _, _, err := x.dtCastCheck(i+2, as, i, tt); err != nil { // datetime_casts.go
			return err
		}
		if err := x.jsonCastErr(i+2, as, i, tt); err != nil { // json_cast.go
			return err
		}
	}
	if x.castFuncRewrite(i, as, e, tt) {
		return nil
	}
	if strings.HasPrefix(tt.cast, "fn:") {
		f := castFn(tt, "")
		x.T(i).set(strings.TrimSuffix(f, "()"))
		x.blank(as, e)
		return nil
	}
	x.blank(as+1, e)
	if tt.oid == pgoid.Varchar {
		x.T(as + 1).set("VARCHAR") // as x::varchar (castRewrite's caller)
	} else {
		x.T(as + 1).set(tt.cast)
	}
	return nil
}

// generateSeries rewrites generate_series(a, b[, step]) used as a table
// into a recursive CTE subquery.
func (x *tx) generateSeries(i int) error {
	e := x.match(x.sigNext(i))
	args := x.splitTop(i+2, e)
	if len(args) < 2 || len(args) > 3 {
		return unsupported("generate_series() with %d arguments is not supported", len(args))
	}
	if !x.seriesInFrom(i) {
		return x.seriesSelect(i, e, args)
	}
	// alias
	col := "generate_series"
	j := e + 1
	ord := "" // WITH ORDINALITY: its column
	if x.kw(j, "WITH", "ORDINALITY") {
		ord = "ordinality"
		x.blank(j, j+2)
		j += 2
	}
	alias := ""
	if x.kw(j, "AS") {
		j++
	}
	end := j
	if (x.T(j).typ == tIdent && !isClauseKw(x.T(j).upper())) || x.T(j).typ == tQIdent {
		alias = x.T(j).identName()
		col = alias
		end = j + 1
		if x.isP(j+1, "(") {
			ce := x.match(j + 1)
			cols := x.splitTop(j+2, ce)
			col = x.T(j + 2).identName()
			if ord != "" && len(cols) > 1 {
				ord = x.T(cols[1][0]).identName()
			}
			x.blank(j+1, ce+1)
			end = ce + 1
		}
	}
	if x.seriesLateral(i, e) { // series_lateral.go
		return x.seriesJSONEach(i, e, end, args, alias, col, ord)
	}
	cte := x.seriesSubquery(i, args, col)
	if ord != "" {
		// the series' rows come in the recursive CTE's order: row_number
		// over them is the ordinal PostgreSQL gives
		cte = "(SELECT pg_gso.*, row_number() OVER () AS " + quoteIdent(ord) + " FROM " + cte + " AS pg_gso)"
	}
	if alias == "" {
		cte += " AS generate_series"
	}
	if x.isP(i-1, ".") {
		x.T(i - 1).set("")
		x.T(i - 2).set("")
	}
	x.wipe(i, e+1)
	x.T(i).set(cte)
	return nil
}

// seriesInFrom reports whether the generate_series call at i is a FROM
// item.
func (x *tx) seriesInFrom(i int) bool {
	prev := x.T(i - 1)
	if x.isP(i-1, ".") {
		prev = x.T(i - 3)
	}
	if prev.kw("LATERAL") { // dropped by fromItemSyntax
		prev = x.T(i - 2)
	}
	return prev.kw("FROM") || prev.kw("JOIN") || (prev.typ == tPunct && prev.text == ",") && x.inFrom(i)
}

// seriesSubquery is generate_series(args) as a subquery of one column,
// col.
func (x *tx) seriesSubquery(i int, args [][2]int, col string) string {
	a := func(k int) string { return strings.TrimSpace(x.text(args[k][0], args[k][1])) }
	if dt, ok := x.seriesDateTime(args, a, col); ok {
		return "(WITH RECURSIVE pg_gs(v) AS (" + dt + ") SELECT v AS " + quoteIdent(col) + " FROM pg_gs)"
	}
	r, static := x.resolved[i]
	if static && r.oid == pgoid.Numeric {
		return x.seriesNumeric(args, a, col)
	}
	if !static {
		// arguments of a type known only at run time (a subquery's, a
		// parameter's, a column's after other FROM items): the integer
		// series is right for integers only (a numeric 1.50 would step
		// as a real, a string compare as one), so another value is
		// refused
		text := a
		a = func(k int) string { return "pg_series_int(" + text(k) + ")" }
	}
	step := "1"
	if len(args) == 3 {
		step = "pg_series_step(" + a(2) + ")" // 22023 for 0, as PostgreSQL
	}
	// an integer series' column has INTEGER affinity, as a table's int
	// column: g > '1' compares as numbers (a CTE's column has none, so
	// an integer was below every string)
	v := "v"
	if !static || r.oid == pgoid.Int4 || r.oid == pgoid.Int8 {
		v = "CAST(v AS INTEGER)"
	}
	// The first row only when the range is not empty: generate_series(1, 0)
	// has no rows.
	return "(WITH RECURSIVE pg_gs(v) AS (SELECT " + a(0) + " WHERE CASE WHEN (" + step + ") > 0 THEN (" + a(0) + ") <= (" + a(1) + ") ELSE (" + a(0) + ") >= (" + a(1) + ") END UNION ALL SELECT v + (" + step + ") FROM pg_gs WHERE CASE WHEN (" + step + ") > 0 THEN v + (" + step + ") <= (" + a(1) + ") ELSE v + (" + step + ") >= (" + a(1) + ") END) SELECT " + v + " AS " + quoteIdent(col) + " FROM pg_gs)"
}

// seriesNumeric is generate_series over numeric values: exact decimal
// steps, each value keeping its scale (generate_series(1.50, 2, 0.5) is
// 1.50, 2.00), as numeric text like every numeric value.
func (x *tx) seriesNumeric(args [][2]int, a func(int) string, col string) string {
	num := func(k int) string {
		if args[k][1]-args[k][0] == 1 && x.T(args[k][0]).typ == tNumber {
			return quoteLit(x.T(args[k][0]).text) // the literal's own scale
		}
		return "CAST(" + a(k) + " AS TEXT)"
	}
	start, stop, step, rawStep := num(0), num(1), "'1'", "'1'"
	if len(args) == 3 {
		step = "pg_series_step(" + num(2) + ")" // 22023 for 0, as PostgreSQL
		rawStep = num(2)
	}
	next := "CAST(pg_add(v, " + step + ", 'numeric') AS TEXT)"
	within := func(v string) string {
		return "CASE WHEN pg_cmp(" + step + ", '0') > 0 THEN pg_cmp(" + v + ", " + stop + ") <= 0 ELSE pg_cmp(" + v + ", " + stop + ") >= 0 END"
	}
	// pg_series_numcheck first: NaN and infinite bounds and steps are
	// refused before the step's sign is read
	return "(WITH RECURSIVE pg_gs(v) AS (SELECT CAST(pg_add(" + start + ", '0', 'numeric') AS TEXT) WHERE pg_series_numcheck(" + start + ", " + stop + ", " + rawStep + ") AND " + within(start) +
		" UNION ALL SELECT " + next + " FROM pg_gs WHERE " + within(next) + ") SELECT (v COLLATE " + NumericCollation + ") AS " + quoteIdent(col) + " FROM pg_gs)"
}

// seriesSelect rewrites generate_series(args) at i..e in a select list: the
// series becomes a FROM item of the SELECT (srfselect.go), its column named
// so no table's column is shadowed.
func (x *tx) seriesSelect(i, e int, args [][2]int) error {
	const col = "pg_series_value"
	if x.readsColumns(i+2, e) {
		// a subquery in FROM cannot see the items beside it (SQLite has
		// no LATERAL), a table-valued function's arguments can: json_each
		// over the series gathered per row (series_lateral.go)
		if x.srfSelectOf(i) >= 0 {
			x.qualifyEachCols(i)
		}
		g := x.seriesGathered(i, e, args, col)
		return x.srfSelect(i, e, "generate_series", "json_each("+g.rows+") AS pg_series", g.value("pg_series.value"), g.rows, g.value)
	}
	delete(x.dtCols, col)
	item := x.seriesSubquery(i, args, col) + " AS pg_series"
	if st := x.dtCols[col]; st != "" {
		x.typeSpan(i, e+1, dtTypeOIDs[st]) // a series of timestamps
	}
	rows := "(SELECT json_group_array(" + col + ") FROM " + x.seriesSubquery(i, args, col) + ")" // beside other calls (srfselect.go)
	return x.srfSelect(i, e, "generate_series", item, "pg_series."+col, rows, func(v string) string { return v })
}

// readsColumns reports whether tokens a..b-1 (as written) name a column:
// a quoted name, or a bare name that is no function call, typed literal,
// type name or keyword constant.
func (x *tx) readsColumns(a, b int) bool {
	for k := a; k < b; k++ {
		t := x.T(k)
		switch {
		case t.typ == tQIdent:
			return true
		case t.typ != tIdent || x.isP(k+1, "(") || x.T(k+1).typ == tString || x.T(k-1).typ == tCast:
			continue
		}
		switch t.upper() {
		case "TRUE", "FALSE", "NULL", "AND", "OR", "NOT", "IS", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS",
			"WITH", "WITHOUT", "TIME", "ZONE", "PRECISION", "VARYING", "AT", "INTERVAL",
			"CURRENT_DATE", "CURRENT_TIMESTAMP", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME":
			continue
		}
		if x.kw(k-1, "AS") { // CAST(x AS type)
			continue
		}
		return true
	}
	return false
}

// typeSeriesCalls types the numeric generate_series calls (int4, int8 or
// numeric, from their arguments, before the expression pass rewrites
// them), so a select list's call, arithmetic on it and a numeric series's
// steps have PostgreSQL's type.
func (x *tx) typeSeriesCalls() {
	for i := 0; i+1 < x.n(); i++ {
		if x.T(i).typ == tIdent && x.T(i).identName() == "generate_series" && x.isP(i+1, "(") {
			if o := x.seriesOID(i + 1); o != 0 {
				x.typeSpan(i, x.match(i+1)+1, o)
			}
		}
	}
}

// typeUnnestCalls types unnest(arr) where arr's type is known lexically
// (ARRAY[...], a cast to an array type) as its element type, so a select
// list's call is described as PostgreSQL does (int4 for ARRAY[1, 2], not
// the int8 json_each's value would say); so are the set-returning calls
// of one result type that json_each lists (srfSource): generate_subscripts
// int4, string_to_table text (whatever its values, none included).
func (x *tx) typeUnnestCalls() {
	for i := 0; i+1 < x.n(); i++ {
		if o := x.unnestElemOID(i); o != 0 {
			x.typeSpan(i, x.match(i+1)+1, o)
		}
		if o := srfResultOIDs[x.T(i).identName()]; o != 0 && x.T(i).typ == tIdent && x.isP(i+1, "(") {
			x.typeSpan(i, x.match(i+1)+1, o)
		}
	}
}

// srfResultOIDs: the set-returning functions of one result type that
// json_each lists (srfSource).
var srfResultOIDs = map[string]uint32{"generate_subscripts": pgoid.Int4, "string_to_table": pgoid.Text}

// unnestElemOID is the element type of the array of the one-argument
// unnest call at i, 0 when i is no such call or the type is not known
// from the text.
func (x *tx) unnestElemOID(i int) uint32 {
	if x.T(i).typ != tIdent || x.T(i).identName() != "unnest" || !x.isP(i+1, "(") {
		return 0
	}
	m := x.match(i + 1)
	if m < 0 || len(x.splitTop(i+2, m)) != 1 {
		return 0
	}
	return pgoid.ElemOf(x.arrayExprOID(i+2, m))
}

// typeSpan records a..b-1 as an expression of type o (exprOID).
func (x *tx) typeSpan(a, b int, o uint32) {
	if x.resolved == nil {
		x.resolved = map[int]resolvedExpr{}
	}
	x.resolved[a] = resolvedExpr{end: b, oid: o}
}

// fnSeriesStep is generate_series's step check: PostgreSQL refuses a zero
// step (the series would never end).
func fnSeriesStep(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case int64:
		if v == 0 {
			return nil, pgErr("22023", "step size cannot equal zero")
		}
	case float64:
		if v == 0 {
			return nil, pgErr("22023", "step size cannot equal zero")
		}
	case string: // a numeric series's step (seriesNumeric)
		if d, ok := parseDecimal(v); ok && d.kind == numFinite && d.coef.Sign() == 0 {
			return nil, pgErr("22023", "step size cannot equal zero")
		}
	}
	return a[0], nil
}

func (x *tx) sigNext(i int) int { return i + 1 }

func (x *tx) inFrom(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if x.depth[j] < x.depth[i] {
			return false
		}
		if x.depth[j] == x.depth[i] {
			if x.T(j).kw("FROM") {
				return true
			}
			if x.T(j).kw("SELECT") || x.T(j).kw("WHERE") || x.T(j).kw("VALUES") {
				return false
			}
		}
	}
	return false
}

func isClauseKw(u string) bool {
	switch u {
	case "WHERE", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "CROSS", "FULL", "NATURAL", "ON", "USING", "GROUP", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "HAVING", "WINDOW", "FOR", "RETURNING", "WITH":
		return true
	}
	return false
}

// deleteUsing rewrites DELETE FROM t USING u, ... [WHERE cond] (the
// USING keyword at u) into DELETE FROM t WHERE EXISTS (SELECT 1 FROM u,
// ... [WHERE cond]): cond reads t's columns (by its name or alias) from
// the outer statement, so the rows deleted are those PostgreSQL's join
// deletes. RETURNING stays outside and reads t only.
func (x *tx) deleteUsing(u int) {
	end := x.findKw(u, x.n(), 0, "RETURNING")
	if end < 0 {
		end = x.n()
	}
	x.T(u).set("WHERE EXISTS (SELECT 1 FROM")
	x.T(end - 1).suf += ")"
}

// dmlChecks refuses PostgreSQL DML forms SQLite cannot express.
func (x *tx) dmlChecks() error {
	if err := x.hiddenTargetCheck(); err != nil { // hidden_target.go
		return err
	}
	if err := x.returningSelfRead(); err != nil { // returning.go
		return err
	}
	if err := x.excludedReturningCheck(); err != nil { // excluded_returning.go
		return err
	}
	// before the expression pass: its rewrites (casts, jsonb operators,
	// greatest/least ...) move an operand's text into its first token,
	// the qualifier, which unqualifying after them would erase
	if r := x.findKw(0, x.n(), 0, "RETURNING"); r >= 0 {
		if err := x.unqualifyReturning(r); err != nil { // returning.go
			return err
		}
	}
	for i := 0; i < x.n(); i++ {
		switch {
		case x.kw(i, "ON", "CONFLICT", "ON", "CONSTRAINT") && x.T(0).kw("INSERT") && x.onConstr == nil:
			if err := x.onConstraint(i); err != nil { // onconstraint.go
				return err
			}
		case x.kw(i, "ON", "CONFLICT", "DO", "UPDATE") && x.depth[i] == 0 && x.T(0).kw("INSERT"):
			// SQLite takes the last unique constraint a row violates
			return &Error{Code: "42601", Message: "ON CONFLICT DO UPDATE requires inference specification or constraint name", Hint: "For example, ON CONFLICT (column_name).", Position: x.charPos(i)}
		case x.T(i).kw("DEFAULT") && x.setDefaults()[i] != "": // set_default.go
			// the session fills in the column's default (FillDefaults)
			return unsupported("UPDATE ... SET column = DEFAULT is not supported here")
		case x.T(0).kw("DELETE") && x.depth[i] == 0 && x.T(i).kw("USING"):
			x.deleteUsing(i)
		case x.T(i).kw("DEFAULT") && (x.isP(i-1, ",") || x.isP(i-1, "(")) && (x.isP(i+1, ",") || x.isP(i+1, ")")) && x.findKw(0, i, 0, "VALUES") >= 0:
			return unsupported("DEFAULT in VALUES is not supported")
		}
	}
	return nil
}

// typedLiteralAt reports whether the type name at i, a string after it,
// starts a typed literal (date '2024-01-01'): no operand ends before it
// (a column named date followed by a string is no literal) and it is no
// qualified name's part. DEFAULT, which endsOperand reads as a name, is
// followed by an expression (d date DEFAULT date '2024-01-01' was left
// as written: SQLite's syntax error, 42601).
func (x *tx) typedLiteralAt(i int) bool {
	return (!x.endsOperand(i-1) || x.T(i-1).kw("DEFAULT")) && !x.isP(i-1, ".")
}
