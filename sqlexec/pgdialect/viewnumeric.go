package pgdialect

// viewnumeric.go: a view's numeric and interval expression columns
// compare by value.
//
// raftsql holds a numeric value as its text, with the collation of
// numeric values (pg_numeric), in a column whose declared type has TEXT
// affinity: SQLite converts a number it is compared with to text, and the
// collation compares the two by value. A view's column computed by an
// expression (amount * 2 AS dbl) has no affinity, so SQLite compares the
// numeric text with a number constant by storage class, text after every
// number: dbl > 10 held for every row, dbl = 21 for none. PostgreSQL
// compares numerics. An interval expression column (iv * 2 AS iv2) has
// the collation of its expression's function (pg_numeric), so iv2 < '0'
// compared the interval texts as numbers and text, where a table's
// interval column compares them as intervals (interval_order.go).
//
// Whether a view's expression is numeric is often known only from the
// schema (amount * 2 is numeric for a numeric amount, int4 for an int
// one), so the CREATE VIEW's log entry ends with
//
//	SELECT pg_view_numeric('v')
//
// which sqlexec runs at apply (sqlexec/viewnumeric.go), at the view's log
// position, identically on every node: it describes the view's columns
// and, when one computed by an expression is numeric or interval,
// creates the view again over its own query as
//
//	WITH pgdialect_vn("id", "dbl", "iv2") AS (query)
//	SELECT "id", CAST("dbl" AS TEXT) COLLATE pg_numeric AS "dbl",
//	  CAST("iv2" AS TEXT) COLLATE pg_interval AS "iv2" FROM pgdialect_vn
//
// A CAST to TEXT keeps a numeric's (an interval's) text as it is and
// gives the view's column TEXT affinity and the collation, as a table's
// numeric (interval) column has (SQLite inlines
// the CTE, so a condition on the view still reaches the tables' indexes).
// SQLite then reports the column's type as TEXT; the run-time type
// lookups read a view's column types from pg_view_decls first
// (viewdecls.go). Elsewhere the function answers NULL.

import (
	"database/sql/driver"
	"strings"

	sqlite "modernc.org/sqlite"
)

// ViewNumericFunc names the statement that types a view's numeric
// expression columns at apply (see the top of the file).
const ViewNumericFunc = "pg_view_numeric"

// viewNumericSQL is the statement typing view's numeric columns.
func viewNumericSQL(view string) string {
	return "SELECT " + ViewNumericFunc + "(" + quoteLit(view) + ")"
}

// ParseViewNumeric is the view named by a statement of viewNumericSQL's
// form; false for any other statement.
func ParseViewNumeric(sqlText string) (string, bool) {
	return parseNameCall(sqlText, ViewNumericFunc) // createfk.go
}

// NumericViewSQL is createSQL (a view's sqlite_schema entry, keeping its
// PostgreSQL text) with the columns of the view's column names cols that
// have a collation in collations (NumericCollation, IntervalCollation;
// "" for none) cast to text with it (see the top of the file); false
// when createSQL keeps no PostgreSQL text to find its query after.
func NumericViewSQL(createSQL string, cols, collations []string) (string, bool) {
	i := strings.Index(createSQL, viewTextMark)
	if i < 0 || len(cols) != len(collations) || len(cols) == 0 {
		return "", false
	}
	j := strings.Index(createSQL[i:], "*/")
	if j < 0 {
		return "", false
	}
	head, query := createSQL[:i+j+2], strings.TrimSpace(createSQL[i+j+2:])
	query = strings.TrimSpace(strings.TrimSuffix(query, ";"))
	if query == "" {
		return "", false
	}
	const cte = "pgdialect_vn"
	names := make([]string, len(cols))
	for k, c := range cols {
		names[k] = quoteIdent(c)
	}
	var sel strings.Builder
	for k, n := range names {
		if k > 0 {
			sel.WriteString(", ")
		}
		if collations[k] != "" {
			sel.WriteString("CAST(" + n + " AS TEXT) COLLATE " + collations[k] + " AS " + n)
		} else {
			sel.WriteString(n)
		}
	}
	return head + " WITH " + cte + "(" + strings.Join(names, ", ") + ") AS (" + query + "\n) SELECT " +
		sel.String() + " FROM " + cte, true
}

// fnViewNumeric is pg_view_numeric where sqlexec does not run it as a
// statement of its own: nothing to do.
func fnViewNumeric(_ *sqlite.FunctionContext, _ []driver.Value) (driver.Value, error) {
	return nil, nil
}
