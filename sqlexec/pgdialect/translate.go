package pgdialect

import (
	"fmt"

	"strings"
)

// Translate translates one PostgreSQL statement (as returned by Split) to
// SQLite. SQLite's own SQL passes through unchanged apart from the
// PostgreSQL-only tokens. Errors are *Error (SQLSTATE 0A000 for
// unsupported constructs, 42601 for syntax errors found while splicing).
func Translate(sql string) (st *Stmt, err error) { return translate(sql, nil) }

// TranslateFor is Translate of sql, a rewrite of the client's statement
// client (an INSERT given its column list): the positions the
// translation carries (an error's, an assigned value's) are client's.
func TranslateFor(sql, client string) (st *Stmt, err error) {
	return translate(sql, &partScope{client: client})
}

// translate is Translate of a statement that is a part of another
// (withdml.go): outer, when not nil, is what the whole statement shows
// around it.
func translate(sql string, outer *partScope) (st *Stmt, err error) {
	defer func() {
		if r := recover(); r != nil {
			st, err = nil, &Error{Code: "XX000", Message: fmt.Sprintf("pgdialect: internal error translating statement: %v", r)}
		}
	}()
	in := sql // the statement as given (sql is rewritten below)
	defer func() {
		if err == nil && st != nil && outer == nil {
			st.Requires = uuidOsspUse(in) // uuid_ossp_require.go
		}
	}()
	defer func() {
		if err == nil && st != nil {
			e := callArgsCheck(in) // call_args_limit.go: after the arguments' own errors
			if e == nil {
				e = aggShownCheck(in) // aggregate_shown.go: after the argument's own errors
			}
			if e != nil {
				if outer != nil && outer.client != "" && outer.client != in && e.Position > 0 {
					e.Position = clientPosition(outer.client, in, e.Position) // errpos.go
				}
				if st.Kind == KindQuery && len(st.Exec) == 1 {
					e.compileFirst = st.Exec[0] // a missing column comes first (CompileFirst)
				}
				st, err = nil, e
			}
		}
	}()
	if err := checkLexical(sql, lexedOf(sql).toks); err != nil { // lexcheck.go
		return nil, err
	}
	if sql, err = arraySubscriptSet(sql); err != nil { // array_subscript_set.go
		return nil, err
	}
	if sql, err = frameOffsetsRewrite(sql); err != nil { // frame_offsets.go
		return nil, err
	}
	x := newTx(sql)
	if err := x.danglingOperator(); err != nil { // dangling_operator.go
		return nil, err
	}
	if err := x.undefinedOperator(); err != nil { // operator_names.go
		return nil, err
	}
	if err := x.sortConstants(); err != nil { // sortconst.go
		return nil, err
	}
	if err := x.frameChecks(); err != nil { // framecheck.go
		return nil, err
	}
	if err := x.windowDefs(); err != nil { // window_defs.go
		return nil, err
	}
	if err := x.countNoArgs(); err != nil { // count_noargs.go
		return nil, err
	}
	if err := x.windowAggChecks(); err != nil { // windowagg_check.go
		return nil, err
	}
	if err := x.recursiveChecks(); err != nil { // recursive_check.go
		return nil, err
	}
	if err := x.valuesLengths(); err != nil { // derivedcols.go
		return nil, err
	}
	consts := x.planConstants()             // planconst.go: read before any rewrite
	if err := x.jsonCompare(); err != nil { // typecompare.go
		return nil, err
	}
	if err := x.unknownOperators(); err != nil { // unknown_operators.go
		return nil, err
	}
	if err := x.setOpOrderBy(); err != nil { // setoporder.go
		return nil, err
	}
	client := sql
	if outer != nil && outer.client != "" {
		client = outer.client
	}
	defer func() {
		if e, ok := err.(*Error); ok && e.Position > 0 && sql != client {
			e.Position = clientPosition(client, sql, e.Position) // errpos.go
		}
	}()
	if x.n() == 0 {
		return &Stmt{Kind: KindEmpty}, nil
	}
	if s, err := groupingSets(sql); err != nil { // grouping.go
		return nil, err
	} else if s != sql {
		sql, x = s, newTx(s)
	}
	if s := hypotheticalSets(sql); s != sql { // hypothetical.go
		sql, x = s, newTx(s)
	}
	if s := cteShortLists(sql); s != sql { // cte_shortlist.go
		sql, x = s, newTx(s)
	}
	if s := keywordAliases(sql); s != sql { // keyword_alias.go
		sql, x = s, newTx(s)
	}
	if st, ok, err := x.sqlPrepare(); ok { // sqlprepare.go: the body is translated when run
		return st, err
	}
	if st, ok, err := x.cursorStatement(); ok { // cursor.go: the query is translated when declared
		return st, err
	}
	if err := x.refuseWithMerge(); err != nil { // merge.go
		return nil, err
	}
	if top, err := x.checkWritableCTEs(); err != nil { // dmlcte.go
		return nil, err
	} else if top {
		return x.withDMLCTE()
	}
	if st, ok, err := x.withDML(); ok { // withdml.go: each part translated on its own
		return st, err
	}
	if s := x.stripPublic(); s != sql { // schema.go
		sql, x = s, newTx(s)
	}
	if s, ok := x.tempQualifier(); ok { // temp.go
		sql, x = s, newTx(s)
	}
	inTemp := x.createsInTemp()
	if err := x.checkSchemas(); err != nil {
		return nil, err
	}
	if err := x.duplicateTargets(); err != nil { // dupcolumns.go
		return nil, err
	}
	noCols := false
	if s, top := x.emptySelectLists(); s != sql { // emptyselect.go
		sql, x, noCols = s, newTx(s), top
	}
	if s, err := x.insertDefaults(); err != nil { // defaults.go
		return nil, err
	} else if s != sql {
		sql, x = s, newTx(s)
	}
	if s, at := x.dateCalls(); s != sql { // datetime_local.go
		sql, x = s, newTx(s)
		x.dateCallAt = at
	}
	orig := newTx(sql) // untouched tokens for ParamCols
	if r, ok := psqlSpecial(x); ok {
		return r, nil
	}
	if r, ok := atlasSpecial(x); ok { // atlas.go
		return r, nil
	}
	if r, ok := pgdumpSpecial(x); ok { // pgdump.go
		return r, nil
	}
	if err := x.checkIdents(); err != nil { // lexcheck.go
		return nil, err
	}
	if err := x.checkNumbers(); err != nil { // lexcheck.go
		return nil, err
	}
	if err := x.checkEmptyIn(); err != nil { // emptyin.go
		return nil, err
	}
	if err := x.refuseTableSample(); err != nil { // tablesample.go
		return nil, err
	}
	if err := x.checkFromNames(); err != nil { // fromnames.go
		return nil, err
	}
	if r, ok, err := x.roleStatement(); ok {
		return r, err
	}
	x.client = client
	x.outer = outer
	st, err = x.translate()
	if err != nil {
		return nil, err
	}
	if len(x.ties) > 0 {
		// a path that does not finish the clause (withties.go) would
		// read it as a plain LIMIT
		return nil, unsupported("FETCH ... WITH TIES is not supported in this statement")
	}
	// EXPLAIN SELECT FROM t: the plan's rows have their column
	st.NoColumns = noCols && st.Kind == KindQuery && st.Tag != "EXPLAIN"
	st.Locking = x.locking
	st.NoTxBlock = x.noTxBlock
	st.OnCommit = x.onCommit
	st.Temp = x.temp || inTemp
	if st.ParamCount < x.maxParam {
		st.ParamCount = x.maxParam
	}
	if st.Kind == KindQuery && st.ColumnOIDs == nil {
		for _, o := range x.colOIDs {
			if o != 0 {
				st.ColumnOIDs = x.colOIDs
				break
			}
		}
		for _, m := range x.colMods {
			if m != -1 && len(x.colMods) == len(st.ColumnOIDs) {
				st.ColumnMods = x.colMods
				break
			}
		}
	}
	if st.ParamCount > 0 && st.ParamCols == nil && (st.Kind == KindQuery || st.Kind == KindCopyTo) {
		st.ParamCols = orig.paramColumns(st.ParamCount)
	}
	if st.ParamCount > 0 && st.ParamOIDs == nil {
		st.ParamOIDs = make([]uint32, st.ParamCount)
		for i := range st.ParamOIDs {
			st.ParamOIDs[i] = x.oids[i+1]
		}
	}
	if st.Kind == KindQuery {
		st.PlanConstants = consts
	}
	return st, nil
}

func (x *tx) translate() (*Stmt, error) {
	if x.T(0).kw("WITH") && x.mergeStart() > 0 {
		return x.merge() // merge.go: WITH ... MERGE
	}
	first := x.T(0).upper()
	switch first {
	case "BEGIN", "START":
		return x.begin()
	case "COMMIT", "END":
		if x.kw(1, "PREPARED") {
			return nil, unsupported("COMMIT PREPARED is not supported")
		}
		i := 1
		if x.kw(i, "WORK") || x.kw(i, "TRANSACTION") {
			i++
		}
		chain, err := x.txChain(i) // txmodes.go
		if err != nil {
			return nil, err
		}
		return &Stmt{Kind: KindCommit, Exec: []string{"COMMIT"}, Tag: "COMMIT", Chain: chain}, nil
	case "ROLLBACK", "ABORT":
		return x.rollback()
	case "SAVEPOINT":
		n, _ := x.name(1)
		if n == "" {
			return nil, syntaxErr(0, "syntax error at or near SAVEPOINT")
		}
		return &Stmt{Kind: KindSavepoint, Name: n, Exec: []string{"SAVEPOINT " + quoteIdent(n)}, Tag: "SAVEPOINT"}, nil
	case "RELEASE":
		i := 1
		if x.kw(i, "SAVEPOINT") {
			i++
		}
		n, _ := x.name(i)
		return &Stmt{Kind: KindRelease, Name: n, Exec: []string{"RELEASE SAVEPOINT " + quoteIdent(n)}, Tag: "RELEASE"}, nil
	case "SET":
		return x.set()
	case "SHOW":
		return x.show()
	case "RESET":
		n := x.settingName(1, x.n())
		if n == "" {
			return nil, syntaxErr(0, "syntax error at end of input")
		}
		return &Stmt{Kind: KindReset, Name: n, Tag: "RESET", ReadOnly: true}, nil
	case "COPY":
		return x.copy()
	case "BACKUP":
		return x.backup()
	case "VACUUM", "ANALYZE", "ANALYSE", "CHECKPOINT", "CLUSTER", "REINDEX", "GRANT", "REVOKE", "COMMENT", "SECURITY":
		if first == "VACUUM" && x.vacuumInto() {
			return nil, errVacuumInto()
		}
		if first == "COMMENT" {
			if st, ok, err := x.comment(); ok || err != nil { // comment.go
				return st, err
			}
		}
		tag := first
		if first == "ANALYSE" {
			tag = "ANALYZE"
		}
		x.noTxBlock = x.commandNoTxBlock(first) // txmodes.go
		if first == "SECURITY" {
			tag = "SECURITY LABEL"
		}
		return &Stmt{Kind: KindNoop, Tag: tag}, nil
	case "LOCK":
		return x.lock() // lock.go
	case "DISCARD":
		if x.kw(1, "ALL") {
			x.noTxBlock = "DISCARD ALL"
		}
		return &Stmt{Kind: KindNoop, Tag: "DISCARD " + x.T(1).upper()}, nil
	case "LISTEN", "NOTIFY", "UNLISTEN":
		return x.notify(first) // notify.go
	case "DO", "CALL", "REFRESH", "IMPORT", "LOAD", "REASSIGN", "SECURITY_LABEL":
		return nil, unsupported("%s is not supported", first)
	case "MERGE":
		return x.merge() // merge.go
	case "TRUNCATE":
		return x.truncate()
	case "DROP":
		return x.drop()
	case "CREATE":
		return x.create()
	case "ALTER":
		return x.alter()
	case "EXPLAIN":
		return x.explain()
	case "TABLE":
		if err := x.exprPass(); err != nil {
			return nil, err
		}
		return x.query("SELECT", "SELECT * FROM "+x.text(1, x.n()), true), nil
	case "SELECT", "WITH", "VALUES", "(":
		if st, ok, err := x.selectInto(); ok { // tableas.go
			return st, err
		}
		swap := x.intersectFirst()                // intersectfirst.go
		x.deriveColumns()                         // derivedcols.go
		if err := x.arrayRefOrder(); err != nil { // derived_arrays.go
			return nil, err
		}
		if err := x.exprPass(); err != nil {
			return nil, err
		}
		tag, ro := x.mainVerb()
		if err := x.resolveSetOps(); err != nil { // typeresolve.go
			return nil, err
		}
		x.canonicalComparisons()
		x.applyAliases()
		if err := x.distinctOn(); err != nil { // distincton.go
			return nil, err
		}
		if err := x.withTies(); err != nil { // withties.go
			return nil, err
		}
		x.valuesOrder()                      // values_order.go
		if err := x.setOpAll(); err != nil { // setops.go
			return nil, err
		}
		x.unionKeepFirst() // unionfirst.go
		if swap != nil {
			swap.apply(x)
		}
		return x.query(tag, x.all(), ro), nil
	case "INSERT", "UPDATE", "DELETE", "REPLACE":
		if err := x.dmlChecks(); err != nil {
			return nil, err
		}
		if err := x.overriding(); err != nil { // identity.go
			return nil, err
		}
		refs := x.conflictRefs() // conflict_refs.go: read before any rewrite
		x.deriveNestedColumns()  // derivedcols.go
		x.preAssignTypes()       // assign_exprs.go
		if err := x.exprPass(); err != nil {
			return nil, err
		}
		if err := x.resolveNested(); err != nil { // nestedresolve.go
			return nil, err
		}
		tag := first
		if first == "REPLACE" {
			tag = "INSERT"
		}
		x.enforceDML()
		x.upsertOnce()                         // upsert.go
		if err := x.distinctOn(); err != nil { // distincton.go
			return nil, err
		}
		if err := x.withTies(); err != nil { // withties.go
			return nil, err
		}
		if err := x.refuseSetOpAll(); err != nil { // setops.go
			return nil, err
		}
		x.canonicalComparisons()
		x.applyReturningAliases()
		st := x.query(tag, x.all(), false)
		if tag == "INSERT" {
			st.Exec[0] = upsertXmax(st.Exec[0]) // upsert_xmax.go
		}
		st.OnConstraint = x.onConstr
		st.ConflictRefs = refs
		return st, nil
	case "PRAGMA", "ATTACH", "DETACH":
		return x.query(first, x.all(), false), nil
	}
	return nil, x.syntaxErrAt(0)
}

func (x *tx) query(tag, sql string, ro bool) *Stmt {
	sql = caseResultCollation(sql) // case_result_collation.go
	return &Stmt{Kind: KindQuery, Exec: []string{sql}, Tag: tag, ReadOnly: ro}
}

// mainVerb finds the verb of a (WITH ...) statement at depth 0.
func (x *tx) mainVerb() (string, bool) {
	ro := true
	verb := ""
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent {
			continue
		}
		switch t.upper() {
		case "INSERT", "UPDATE", "DELETE", "REPLACE":
			ro = false
			if verb == "" && x.depth[i] == 0 {
				verb = t.upper()
			}
		case "SELECT", "VALUES":
			if verb == "" && x.depth[i] == 0 {
				verb = "SELECT"
			}
		}
	}
	if verb == "" {
		verb = "SELECT"
	}
	if verb == "REPLACE" {
		verb = "INSERT"
	}
	return verb, ro && verb == "SELECT"
}

func (x *tx) begin() (*Stmt, error) {
	i := 1
	if x.T(0).kw("START") {
		if !x.kw(1, "TRANSACTION") {
			return nil, x.syntaxErrAt(1)
		}
		i = 2
	}
	mode := ""
	if x.kw(i, "DEFERRED") || x.kw(i, "IMMEDIATE") || x.kw(i, "EXCLUSIVE") {
		mode = " " + x.T(i).upper()
		i++
	}
	if x.kw(i, "TRANSACTION") || x.kw(i, "WORK") {
		i++
	}
	opts := strings.TrimSpace(x.orig(i, x.n()))
	modes, err := x.txModes(i, true) // txmodes.go
	if err != nil {
		return nil, err
	}
	tag := "BEGIN"
	if x.T(0).kw("START") {
		tag = "START TRANSACTION"
	}
	return &Stmt{Kind: KindBegin, Exec: []string{"BEGIN" + mode}, Tag: tag, Value: opts, TxModes: modes}, nil
}

func (x *tx) rollback() (*Stmt, error) {
	i := 1
	if x.kw(i, "PREPARED") {
		return nil, unsupported("ROLLBACK PREPARED is not supported")
	}
	if x.kw(i, "WORK") || x.kw(i, "TRANSACTION") {
		i++
	}
	if x.kw(i, "TO") {
		i++
		if x.kw(i, "SAVEPOINT") {
			i++
		}
		n, _ := x.name(i)
		return &Stmt{Kind: KindRollbackTo, Name: n, Exec: []string{"ROLLBACK TO SAVEPOINT " + quoteIdent(n)}, Tag: "ROLLBACK"}, nil
	}
	chain, err := x.txChain(i) // txmodes.go
	if err != nil {
		return nil, err
	}
	return &Stmt{Kind: KindRollback, Exec: []string{"ROLLBACK"}, Tag: "ROLLBACK", Chain: chain}, nil
}

// settingName reads a (possibly dotted) setting name at i.
func (x *tx) settingName(i, hi int) string {
	if x.kw(i, "TIME", "ZONE") {
		return "timezone"
	}
	if x.kw(i, "SESSION", "AUTHORIZATION") {
		return "session_authorization"
	}
	if x.kw(i, "TRANSACTION", "ISOLATION", "LEVEL") {
		return "transaction_isolation"
	}
	var parts []string
	for j := i; j < hi; j++ {
		t := x.T(j)
		if t.typ == tIdent || t.typ == tQIdent {
			parts = append(parts, strings.ToLower(t.identName()))
			if !x.isP(j+1, ".") {
				break
			}
			j++
			continue
		}
		break
	}
	return strings.Join(parts, ".")
}

func (x *tx) set() (*Stmt, error) {
	i := 1
	local := false
	if x.kw(i, "SESSION") && !x.kw(i, "SESSION", "AUTHORIZATION") {
		if x.kw(i+1, "CHARACTERISTICS") {
			if !x.kw(i+2, "AS") {
				return nil, x.syntaxErrAt(i + 2)
			}
			if !x.kw(i+3, "TRANSACTION") {
				return nil, x.syntaxErrAt(i + 3)
			}
			modes, err := x.txModes(i+4, false) // txmodes.go
			if err != nil {
				return nil, err
			}
			return &Stmt{Kind: KindSetTransaction, Tag: "SET", Value: x.orig(i+4, x.n()), TxModes: modes}, nil
		}
		i++
	} else if x.kw(i, "LOCAL") {
		local = true
		i++
	}
	if x.kw(i, "TRANSACTION") {
		if x.kw(i+1, "SNAPSHOT") {
			// No snapshot is ever exported (pg_export_snapshot does not
			// exist), so none can be imported.
			return nil, unsupported("SET TRANSACTION SNAPSHOT is not supported")
		}
		modes, err := x.txModes(i+1, false) // txmodes.go
		if err != nil {
			return nil, err
		}
		return &Stmt{Kind: KindSetTransaction, Tag: "SET", Value: x.orig(i+1, x.n()), Local: true, TxModes: modes}, nil
	}
	if x.kw(i, "CONSTRAINTS") {
		return x.setConstraints(i) // deferral.go
	}
	var name string
	var vi int
	switch {
	case x.kw(i, "TIME", "ZONE"):
		name, vi = "timezone", i+2
	case x.kw(i, "NAMES"):
		name, vi = "client_encoding", i+1
	case x.kw(i, "SCHEMA"):
		name, vi = "search_path", i+1
	case x.kw(i, "SESSION", "AUTHORIZATION"):
		name, vi = "session_authorization", i+2
	case x.kw(i, "ROLE"):
		name, vi = "role", i+1
	default:
		name = x.settingName(i, x.n())
		if name == "" {
			return nil, x.syntaxErrAt(i)
		}
		vi = i + 1
		for x.isP(vi, ".") {
			vi += 2
		}
		if x.kw(vi, "TO") || x.isP(vi, "=") {
			vi++
		} else {
			return nil, x.syntaxErrAt(vi)
		}
	}
	if vi >= x.n() {
		return nil, syntaxErr(0, "syntax error at end of input")
	}
	if x.kw(vi, "DEFAULT") && vi == x.n()-1 {
		return &Stmt{Kind: KindReset, Name: name, Tag: "SET", Local: local}, nil
	}
	if name == "timezone" && x.kw(vi, "LOCAL") {
		return &Stmt{Kind: KindReset, Name: name, Tag: "SET", Local: local}, nil
	}
	var vals []string
	for _, p := range x.splitTop(vi, x.n()) {
		var b strings.Builder
		for j := p[0]; j < p[1]; j++ {
			t := x.T(j)
			if s, ok := unquoteString(t); ok {
				b.WriteString(s)
			} else if t.typ == tQIdent {
				b.WriteString(t.identName())
			} else if t.typ == tIdent {
				b.WriteString(strings.ToLower(t.text))
			} else {
				b.WriteString(t.text)
			}
			if j+1 < p[1] && x.T(j+1).pos > t.pos+len(t.text) && !x.isP(j+1, ".") && !x.isP(j, ".") {
				b.WriteByte(' ')
			}
		}
		vals = append(vals, b.String())
	}
	return &Stmt{Kind: KindSet, Name: name, Value: strings.Join(vals, ", "), Tag: "SET", Local: local}, nil
}

func (x *tx) show() (*Stmt, error) {
	n := x.settingName(1, x.n())
	if x.kw(1, "ALL") {
		n = "all"
	}
	if n == "" {
		return nil, syntaxErr(0, "syntax error at end of input")
	}
	return &Stmt{Kind: KindShow, Name: n, Tag: "SHOW", ReadOnly: true}, nil
}

func (x *tx) explain() (*Stmt, error) {
	i := 1
	if x.isP(i, "(") {
		i = x.match(i) + 1
	}
	for x.kw(i, "ANALYZE") || x.kw(i, "ANALYSE") || x.kw(i, "VERBOSE") {
		i++
	}
	inner := x.orig(i, x.n())
	st, err := Translate(inner)
	if err != nil {
		return nil, err
	}
	if st.Kind != KindQuery || len(st.Exec) != 1 || st.Tag == "MERGE" { // MERGE: a plan of statements (merge.go)
		return nil, unsupported("EXPLAIN of %s is not supported", st.Tag)
	}
	return &Stmt{Kind: KindQuery, Exec: []string{"EXPLAIN QUERY PLAN " + st.Exec[0]}, Tag: "EXPLAIN",
		ReadOnly: true, ParamCount: st.ParamCount, ParamOIDs: st.ParamOIDs}, nil
}

func (x *tx) truncate() (*Stmt, error) {
	i := 1
	if x.kw(i, "TABLE") {
		i++
	}
	var exec, tables []string
	for {
		n, j, err := x.relation(i)
		if err != nil {
			return nil, err
		}
		tables = append(tables, n)
		exec = append(exec, "DELETE FROM "+quoteIdent(n))
		i = j
		if x.isP(i, ",") {
			i++
			continue
		}
		break
	}
	cascade, restart := false, false
	for i < x.n() {
		switch {
		case x.kw(i, "RESTART", "IDENTITY"):
			for _, t := range tables {
				exec = append(exec, TruncateIdentity(t)) // serial.go
			}
			restart = true
			i += 2
		case x.kw(i, "CONTINUE", "IDENTITY"):
			i += 2
		case x.kw(i, "CASCADE"), x.kw(i, "RESTRICT"):
			cascade = x.kw(i, "CASCADE")
			i++
		default:
			return nil, x.syntaxErrAt(i)
		}
	}
	markTruncate(exec, tables, cascade, restart) // truncate.go
	return &Stmt{Kind: KindTruncate, Exec: exec, Tag: "TRUNCATE TABLE"}, nil
}

func (x *tx) drop() (*Stmt, error) {
	i := 1
	obj := x.T(i).upper()
	tag := "DROP " + obj
	switch obj {
	case "TABLE", "VIEW", "INDEX", "TRIGGER":
		i++
	case "SEQUENCE":
		return x.sequence("DROP", i) // sequence.go
	case "EXTENSION":
		return x.extension("DROP", i) // extension.go
	case "TYPE":
		return x.dropType(i) // enum.go
	case "MATERIALIZED", "FOREIGN":
		return nil, unsupported("DROP %s %s is not supported", obj, x.T(i+1).upper())
	case "SCHEMA", "FUNCTION", "DOMAIN", "PROCEDURE", "ROLE", "USER", "DATABASE", "OWNED", "POLICY", "PUBLICATION", "SUBSCRIPTION", "RULE", "AGGREGATE", "OPERATOR", "COLLATION", "SERVER":
		return nil, unsupported("DROP %s is not supported", obj)
	default:
		return nil, x.syntaxErrAt(i)
	}
	if obj == "INDEX" && x.kw(i, "CONCURRENTLY") {
		x.noTxBlock = "DROP INDEX CONCURRENTLY"
		i++
	}
	ifExists := false
	if x.kw(i, "IF", "EXISTS") {
		ifExists = true
		i += 2
	}
	st := &Stmt{Kind: KindQuery, Tag: tag}
	var names []string
	if obj == "TABLE" {
		st.Kind = KindDropTables
	}
	for {
		n, j := x.name(i)
		if n == "" {
			return nil, x.syntaxErrAt(i)
		}
		if obj == "TRIGGER" && x.kw(j, "ON") {
			_, j = x.name(j + 1)
		}
		s := "DROP " + obj + " "
		if ifExists {
			s += "IF EXISTS "
			if obj == "TABLE" {
				st.DropIfExists = append(st.DropIfExists, n)
			}
		}
		st.Exec = append(st.Exec, s+quoteIdent(n))
		names = append(names, n)
		i = j
		if x.isP(i, ",") {
			i++
			continue
		}
		break
	}
	cascade := x.kw(i, "CASCADE")
	if cascade || x.kw(i, "RESTRICT") {
		i++
	}
	if i < x.n() {
		return nil, x.syntaxErrAt(i)
	}
	if obj == "TABLE" || obj == "VIEW" {
		markDropTables(st, names, cascade) // drop.go
	}
	return st, nil
}
