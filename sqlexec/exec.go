package sqlexec

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// runSQL executes one SQLite statement (and, defensively, any further
// statements in sqlText, without arguments) on c, collecting the result.
// On the apply connection the statement is compiled and run under the
// write allow-list (authorize.go): there runSQL runs what enters the log,
// at apply and when it is speculated. On a read view (a read-only
// transaction, validated locally and never logged) the read policy stays.
func runSQL(c *lconn, sqlText string, args []any, verb string) (res StatementResult, readonly bool) {
	return runSQLKeep(c, sqlText, args, verb, nil)
}

// keptRows receives a statement's result rows as SQLite returned them,
// before they are converted for the client, with their column
// information (dmlcte.go keeps a data-modifying CTE's RETURNING rows).
type keptRows struct {
	infos []colInfo
	rows  [][]any
}

// runSQLKeep is runSQL, also giving keep (when not nil) the raw rows.
func runSQLKeep(c *lconn, sqlText string, args []any, verb string, keep *keptRows) (res StatementResult, readonly bool) {
	defer c.collectNotices(&res)() // notice.go
	if sqlText == notifyOp {
		return runNotify(c, args), false // notify.go
	}
	if sqlText == constraintsOp {
		return runSetConstraints(c, args), false // deferred.go
	}
	if transactionControl(sqlText) {
		defer func() {
			if res.Err == nil {
				c.fkSavepoint(sqlText) // deferred.go
			}
		}()
	} else if c.fk.immediate && c.inTx() {
		return runImmediate(c, sqlText, args, verb) // deferred.go
	}
	if op, ok := strings.CutPrefix(sqlText, roleOp); ok {
		return applyRole(c, Statement{SQL: op, Args: args, Tag: verb}), false // roles.go: in a transaction's entry
	}
	if w, ok := pgdialect.ParseWithDML(sqlText); ok {
		return runWithDML(c, w, args, verb) // dmlcte.go
	}
	if m, ok := pgdialect.ParseMerge(sqlText); ok {
		return runMerge(c, m, args) // merge.go
	}
	if err := refuseStatementKind(sqlText); err != nil {
		res.Err = err
		return res, false
	}
	c.syncSchema()
	mode := c.replicatedMode()
	var checks []pgdialect.ViewCheck // view_check.go
	if stmt, cs, ok := pgdialect.ParseViewChecks(sqlText); ok {
		sqlText = stmt
		if mode == authWrite {
			checks = cs
		}
	}
	if ac, ok := pgdialect.ParseTableChange(sqlText); ok && mode == authWrite {
		return changeTable(c, ac, verb), false // tablechange.go
	}
	if view, ok := pgdialect.ParseViewNumeric(sqlText); ok && mode == authWrite {
		return typeViewNumeric(c, view, verb), false // viewnumeric.go
	}
	if view, ok := pgdialect.ParseViewReplaceTypes(sqlText); ok && mode == authWrite {
		return checkViewReplaceTypes(c, view, verb), false // viewreplace.go
	}
	if table, ok := pgdialect.ParseFKTypes(sqlText); ok && mode == authWrite {
		return checkCreatedFKTypes(c, table, verb), false // createfk.go
	}
	if oc, ok := pgdialect.ParseObjectComment(sqlText); ok && mode == authWrite {
		return setObjectComment(c, oc), false // comments.go
	}
	if mode == authWrite {
		if skip, err := sequenceNameTaken(c, sqlText); err != nil || skip { // seqdeps.go
			res.Tag = verb
			if err != nil {
				res.Err = mapError(err, "") // an *Error, as apply requires (SQLite's, e.g. interrupted, mapped)
			}
			if verb == "SELECT" { // CREATE TABLE ... AS, skipped
				res.Tag = "CREATE TABLE AS"
			}
			return res, false
		}
		if object, name := pgdialect.DroppedIfExists(sqlText); name != "" {
			if err := dropIfExistsNotice(c, object, name); err != nil { // ifexists.go
				res.Err = mapError(err, "")
				return res, false
			}
		}
	}
	drop, isDrop := pgdialect.ParseDropTable(sqlText)
	isDrop = isDrop && mode == authWrite
	if isDrop {
		if err := prepareDrop(c, drop); err != nil { // droptable.go
			res.Err = err
			return res, false
		}
	}
	if mode == authWrite {
		if err := refuseConstraintIndexDrop(c, sqlText); err != nil { // dropindex.go
			res.Err = err
			return res, false
		}
		if err := prepareDropColumn(c, sqlText); err != nil { // dropcolumn.go
			res.Err = err
			return res, false
		}
		restore, err := addColumnIgnoringChecks(c, sqlText) // addcolumn_notvalid.go
		if err != nil {
			res.Err = mapError(err, "")
			return res, false
		}
		if restore != nil {
			defer func() {
				if err := restore(); err != nil && res.Err == nil {
					res.Err = mapError(err, "")
				}
			}()
		}
	}
	if tr, ok := pgdialect.ParseTruncate(sqlText); ok && mode == authWrite {
		if err := prepareTruncate(c, tr); err != nil { // truncate.go
			res.Err = err
			return res, false
		}
	}
	if checks != nil {
		drop, err := installViewChecks(c, checks)
		if err != nil {
			res.Err = mapError(err, "")
			return res, false
		}
		defer drop()
	}
	defer c.enterAuth(mode)()
	st, tail, err := c.prepareUser(sqlText)
	if err != nil {
		if e := c.authRefusal(); e != nil {
			res.Err = e
		} else {
			res.Err = mapError(err, sqlText)
		}
		return res, false
	}
	if strings.TrimSpace(tail) != "" && len(words(tail, 1)) > 0 {
		st.release()
		res.Err = errf(CodeSyntaxError, "cannot insert multiple commands into one replicated statement")
		return res, false
	}
	if st == nil {
		res.Tag = "EMPTY"
		return res, true
	}
	readonly = st.readonly()
	ncol := st.columnCount()
	infos := make([]colInfo, ncol)
	for i := range infos {
		infos[i] = newColInfo(st, i)
	}
	var rows [][]any
	var n int64
	if c.auth != nil {
		c.auth.det.beginStatement() // sequences.go
	}
	run := func() {
		n, err = st.run(args, func(r []any) error {
			rows = append(rows, r)
			return nil
		})
	}
	if seed, ok := c.sqliteSeed(); ok && mode == authWrite {
		withSQLitePRNG(c.tls, seed, run)
	} else {
		run()
	}
	st.release()
	if err == nil && mode == authWrite {
		err = addColumnViewCheck(c, sqlText) // addcolumn_views.go
	}
	if e := c.authRefusal(); err != nil && e != nil {
		// Refused when SQLite recompiled it for a changed schema.
		res.Err = e
		return res, readonly
	}
	if e := viewCheckError(c, err, checks); e != nil {
		res.Err = e
		return res, readonly
	}
	if err != nil {
		res.Err = explainViolation(c, mapError(err, sqlText), sqlText, args) // constraint_errors.go
		return res, readonly
	}
	if isDrop {
		if err := dropOwnedSequences(c, drop.Table); err != nil { // serial.go
			res.Err = mapError(err, sqlText)
			return res, readonly
		}
	}
	if ncol > 0 {
		resultTypes(c, sqlText, infos) // resulttypes.go
		if keep != nil {
			keep.infos = infos
			for _, r := range rows {
				keep.rows = append(keep.rows, append([]any(nil), r...))
			}
		}
		res.setRows(infos, rows)
	}
	if verb == "" {
		verb = deriveVerb(sqlText, readonly)
	}
	switch verb {
	case "INSERT", "UPDATE", "DELETE", "MERGE":
		res.RowsAffected = n
	case "SELECT":
		res.RowsAffected = int64(len(rows))
		if ncol == 0 && mode == authWrite {
			// CREATE TABLE ... AS: PostgreSQL's tag counts the rows
			// stored, which SQLite does not report
			if name, _ := pgdialect.CreatedRelation(sqlText); name != "" {
				if n, _, err := queryInt(c, "SELECT count(*) FROM "+quoteIdent(name)); err == nil {
					res.RowsAffected = n
				}
			}
		}
	}
	res.Tag = makeTag(verb, res.RowsAffected)
	return res, readonly
}

// refuseStatementKind refuses the statements the authorizer does not see
// (it is asked about what a statement reads, writes and calls, not about
// VACUUM).
func refuseStatementKind(sqlText string) *Error {
	w := words(sqlText, 2)
	if len(w) == 0 {
		return nil
	}
	switch w[0] {
	case "VACUUM":
		return Unsupported("VACUUM inside a replicated statement")
	}
	return nil
}

func makeTag(verb string, n int64) string {
	switch verb {
	case "INSERT":
		return "INSERT 0 " + strconv.FormatInt(n, 10)
	case "UPDATE", "DELETE", "SELECT", "MERGE", "MOVE", "FETCH", "COPY":
		return verb + " " + strconv.FormatInt(n, 10)
	}
	return verb
}

// guardInternal refuses statements that name raftsql's internal tables
// (identifiers starting with raftsql_; string literals and comments are
// ignored).
func guardInternal(sqlText string) *Error {
	if w, ok := pgdialect.ParseWithDML(sqlText); ok { // dmlcte.go: the parts are in a comment
		for _, it := range w.Items {
			if err := guardInternal(it.Query + " " + it.DML); err != nil {
				return err
			}
		}
		return guardInternal(w.Main)
	}
	if m, ok := pgdialect.ParseMerge(sqlText); ok { // merge.go: the parts are in a comment
		for _, s := range m.Steps {
			if err := guardInternal(s.SQL); err != nil {
				return err
			}
		}
		return guardInternal(m.Match + " " + m.NoMatch)
	}
	// Every statement passes here: test before lowering a copy (only
	// ASCII letters lower to the ASCII of raftsql_).
	if !pgdialect.MentionsFold(sqlText, "raftsql_") {
		return nil
	}
	low := strings.ToLower(sqlText)
	for i := 0; i < len(low); i++ {
		switch c := low[i]; {
		case c == '\'':
			for i++; i < len(low); i++ {
				if low[i] == '\'' {
					if i+1 < len(low) && low[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		case c == '-' && i+1 < len(low) && low[i+1] == '-':
			for i < len(low) && low[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(low) && low[i+1] == '*':
			if j := strings.Index(low[i+2:], "*/"); j >= 0 {
				i += j + 3
			} else {
				i = len(low)
			}
		case c == 'r' && strings.HasPrefix(low[i:], "raftsql_") && (i == 0 || !isIdentByte(low[i-1])):
			if viewBoolRead(low, i) {
				i += len("raftsql_")
				continue
			}
			return errf(CodeInsufficientPrivs, "permission denied: raftsql internal tables are not accessible")
		}
	}
	return nil
}

// viewBoolRead reports that the raftsql_ at i of the lowered low is the
// read of raftsql_bools that types a view's boolean column
// (pgdialect/viewbools.go): it only reads a table of two constant rows,
// and a view created through the translation holds it.
func viewBoolRead(low string, i int) bool {
	open := strings.ToLower(pgdialect.ViewBoolOpen)
	pre := open[:strings.Index(open, "raftsql_")]
	return i >= len(pre) && low[i-len(pre):i] == pre && strings.HasPrefix(low[i-len(pre):], open)
}

func isIdentByte(c byte) bool {
	// upper case too: callers scan the client's text as written (findName
	// must not take the A of UPDATE for a column named a)
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 || c == '$'
}

// words returns the leading keywords of sqlText, upper-cased, skipping
// comments.
func words(sqlText string, max int) []string {
	var out []string
	for s := sqlText; len(out) < max; {
		w, rest := nextWord(s)
		if w == "" {
			break
		}
		out = append(out, strings.ToUpper(w))
		s = rest
	}
	return out
}

// nextWord returns the keyword sqlText starts with, as written, after
// blanks and comments ("" if none), and the text after it. It copies
// nothing: isPragmaWrite asks it at every read.
func nextWord(sqlText string) (word, rest string) {
	s := sqlText
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if strings.HasPrefix(s, "--") {
			if i := strings.IndexByte(s, '\n'); i >= 0 {
				s = s[i+1:]
				continue
			}
			return "", ""
		}
		if strings.HasPrefix(s, "/*") {
			if i := strings.Index(s, "*/"); i >= 0 {
				s = s[i+2:]
				continue
			}
			return "", ""
		}
		break
	}
	i := 0
	for i < len(s) && (unicode.IsLetter(rune(s[i])) || s[i] == '_' || (i > 0 && unicode.IsDigit(rune(s[i])))) {
		i++
	}
	return s[:i], s[i:]
}

// deriveVerb computes a PostgreSQL command tag verb from SQL text.
func deriveVerb(sqlText string, readonly bool) string {
	w := words(sqlText, 6)
	if len(w) == 0 {
		return ""
	}
	switch w[0] {
	case "SELECT", "VALUES", "TABLE":
		return "SELECT"
	case "WITH":
		if readonly {
			return "SELECT"
		}
		up := strings.ToUpper(sqlText)
		best, verb := len(up), "SELECT"
		for _, v := range []string{"INSERT", "UPDATE", "DELETE"} {
			if i := strings.LastIndex(up, v+" "); i >= 0 && (best == len(up) || i > best) {
				best, verb = i, v
			}
		}
		return verb
	case "INSERT", "REPLACE":
		return "INSERT"
	case "UPDATE", "DELETE":
		return w[0]
	case "CREATE", "DROP", "ALTER":
		rest := w[1:]
		for len(rest) > 0 {
			switch rest[0] {
			case "UNIQUE", "TEMP", "TEMPORARY", "VIRTUAL", "OR":
				rest = rest[1:]
				continue
			case "REPLACE":
				rest = rest[1:]
				continue
			}
			break
		}
		if len(rest) > 0 {
			return w[0] + " " + rest[0]
		}
		return w[0]
	case "BEGIN":
		return "BEGIN"
	case "COMMIT", "END":
		return "COMMIT"
	case "ROLLBACK":
		return "ROLLBACK"
	case "SAVEPOINT":
		return "SAVEPOINT"
	case "RELEASE":
		return "RELEASE"
	case "PRAGMA":
		return "SET"
	}
	return w[0]
}
