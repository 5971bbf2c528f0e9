package sqlexec

import (
	"regexp"
	"strconv"
	"strings"
)

// SQLite's own errors for statements PostgreSQL refuses too, or that
// raftsql cannot run, given PostgreSQL's SQLSTATE (and its message where
// SQLite's says the same thing) instead of an internal XX000. Found by
// running PostgreSQL's regression suite (src/test/regress/sql) against a
// node.

var (
	reViewModify    = regexp.MustCompile(`^cannot modify (.+) because it is a view$`)
	reViewDropCol   = regexp.MustCompile(`^cannot drop column from view "(.+)"$`)
	reMisuseAgg     = regexp.MustCompile(`^misuse of aggregate function [^()]*\(\)$`)
	reMisuseWindow  = regexp.MustCompile(`^misuse of window function [^()]*\(\)$`)
	reMultiRecRef   = regexp.MustCompile(`^multiple recursive references: (.+)$`)
	reNotConstant   = regexp.MustCompile(`^default value of column \[(.+)\] is not constant$`)
	reNullsOrdering = regexp.MustCompile(`^unsupported use of NULLS (FIRST|LAST)$`)
	reCircularRef   = regexp.MustCompile(`^circular reference: (.+)$`)
	reLastColumn    = regexp.MustCompile(`^cannot drop column "(.+)": no other columns exist$`)
	reCTEWidth      = regexp.MustCompile(`^table "?(.+?)"? has (\d+) values for (\d+) columns$`)
	reWithRecursive = regexp.MustCompile(`(?i)\bWITH\s+RECURSIVE\b`)
	reJoinUsing     = regexp.MustCompile(`^cannot join using column (.+) - column not present in both tables$`)
	reViewOtherDB   = regexp.MustCompile(`^view (.+) cannot reference objects in database (.+)$`)
	reFrameOffset   = regexp.MustCompile(`^frame (starting|ending) offset must be a non-negative integer$`)
)

// liteMessageMapped sets out's SQLSTATE and message for the SQLite
// message msg of the statement sqlText when it is one of these, and
// reports whether it was.
func liteMessageMapped(out *Error, msg, sqlText string) bool {
	switch {
	case reViewModify.MatchString(msg):
		// INSERT/UPDATE/DELETE on a view: SQLite has no automatically
		// updatable views
		verb := map[string]string{"UPDATE": "update", "DELETE": "delete from"}[strings.ToUpper(firstWord(strings.TrimSpace(sqlText)))] // cursor.go
		if verb == "" {
			verb = "insert into"
		}
		out.Code = CodeFeatureNotSupported
		out.Message = "cannot " + verb + " view \"" + reViewModify.FindStringSubmatch(msg)[1] + "\""
		out.DetailText = "Writing through a view is not supported."
	case reViewDropCol.MatchString(msg):
		out.Code = "42809"
		out.Message = "ALTER action DROP COLUMN cannot be performed on relation \"" + reViewDropCol.FindStringSubmatch(msg)[1] + "\""
		out.DetailText = "This operation is not supported for views."
	case reJoinUsing.MatchString(msg):
		// USING (c) beside a subquery or a parenthesised join (over plain
		// tables pgdialect/usingstar.go names the side): SQLite does not
		// say which side lacks c; PostgreSQL checks the left one first,
		// and a misspelt name is in neither
		out.Code = "42703"
		out.Message = "column \"" + reJoinUsing.FindStringSubmatch(msg)[1] + "\" specified in USING clause does not exist in left table"
	case reViewOtherDB.MatchString(msg):
		// CREATE VIEW over other.t: a schema raftsql does not have (its
		// DDL check reads the view's name, not its query), or a
		// temporary table (pg_temp.t, which PostgreSQL makes a
		// temporary view over)
		db := reViewOtherDB.FindStringSubmatch(msg)[2]
		if db == "temp" && strings.Contains(strings.ToLower(sqlText), "pg_temp.") {
			out.Code = CodeFeatureNotSupported
			out.Message = "a view over a temporary table is not supported"
			break
		}
		out.Code = CodeUndefinedTable
		out.Message = "relation \"" + qualifiedNameIn(sqlText, db) + "\" does not exist"
	case reFrameOffset.MatchString(msg):
		// a parameter's negative ROWS/GROUPS offset (a constant one is
		// pgdialect/frame_offsets.go's, before SQLite sees it)
		out.Code = "22013"
		out.Message = "frame " + reFrameOffset.FindStringSubmatch(msg)[1] + " offset must not be negative"
	case msg == "subqueries prohibited in CHECK constraints":
		out.Code = CodeFeatureNotSupported
		out.Message = "cannot use subquery in check constraint"
	case reMisuseAgg.MatchString(msg):
		out.Code = "42803"
		out.Message = "aggregate functions are not allowed here"
	case reMisuseWindow.MatchString(msg):
		out.Code = "42P20"
		out.Message = "window functions are not allowed here"
	case msg == "recursive aggregate queries not supported":
		out.Code = "42P19"
		out.Message = "aggregate functions are not allowed in a recursive query's recursive term"
	case reMultiRecRef.MatchString(msg):
		out.Code = "42P19"
		out.Message = "recursive reference to query \"" + reMultiRecRef.FindStringSubmatch(msg)[1] + "\" must not appear more than once"
	case reNotConstant.MatchString(msg):
		// a column reference, subquery or aggregate in DEFAULT
		out.Code = CodeFeatureNotSupported
		out.Message = "DEFAULT expression of column \"" + reNotConstant.FindStringSubmatch(msg)[1] + "\" is not supported: it is not a constant"
	case reNullsOrdering.MatchString(msg):
		// NULLS FIRST/LAST in an index's column list
		out.Code = CodeFeatureNotSupported
		out.Message = "NULLS " + reNullsOrdering.FindStringSubmatch(msg)[1] + " in an index definition is not supported"
	case reCTEWidth.MatchString(msg) && !internalCTE(reCTEWidth.FindStringSubmatch(msg)[1]):
		// WITH x(a, b) AS (query): the column list's length against
		// the query's (the translation's own CTEs, pgdialect_cols_*
		// and pg_anyall, are errors.go's reAliasCols and its
		// subquery-width case)
		m := reCTEWidth.FindStringSubmatch(msg)
		have, _ := strconv.Atoi(m[2])
		named, _ := strconv.Atoi(m[3])
		if named > have {
			out.Code = "42P10"
			out.Message = "WITH query \"" + m[1] + "\" has " + m[2] + " columns available but " + m[3] + " columns specified"
			break
		}
		out.Code = CodeFeatureNotSupported
		out.Message = "a WITH query's column list naming fewer columns (" + m[3] + ") than its query has (" + m[2] + ") is not supported"
	case reLastColumn.MatchString(msg):
		// PostgreSQL keeps a table of zero columns; SQLite has none
		out.Code = CodeFeatureNotSupported
		out.Message = "dropping column \"" + reLastColumn.FindStringSubmatch(msg)[1] + "\", the table's last, is not supported: a table of no columns"
	case reCircularRef.MatchString(msg):
		name := reCircularRef.FindStringSubmatch(msg)[1]
		if reWithRecursive.MatchString(sqlText) {
			// a recursive CTE reading itself where SQLite cannot: in a
			// parenthesised recursive term, a subquery, a nested WITH
			out.Code = CodeFeatureNotSupported
			out.Message = "recursive reference to query \"" + name + "\" inside a subquery, a nested WITH or a parenthesised term is not supported"
			break
		}
		// a CTE of a plain WITH reading itself
		out.Code = CodeUndefinedTable
		out.Message = "relation \"" + name + "\" does not exist"
		out.DetailText = "There is a WITH item named \"" + name + "\", but it cannot be referenced from this part of the query."
		out.HintText = "Use WITH RECURSIVE, or re-order the WITH items to remove forward references."
	default:
		return false
	}
	return true
}

// internalCTE reports whether name is a CTE the translation makes.
func internalCTE(name string) bool {
	return name == "pg_anyall" || strings.HasPrefix(name, "pgdialect_")
}

// qualifiedNameIn is the first name db.x the statement sqlText writes
// (as written, unquoted), or db alone when it writes none.
func qualifiedNameIn(sqlText, db string) string {
	re := regexp.MustCompile(`(?i)(?:^|[^\w."])"?` + regexp.QuoteMeta(db) + `"?\s*\.\s*"?(\w+)"?`)
	if m := re.FindStringSubmatch(sqlText); m != nil {
		return db + "." + m[1]
	}
	return db
}
