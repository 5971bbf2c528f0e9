package integration

// The differences between raftsql and PostgreSQL the fuzz tester
// (difffuzz_test.go) excuses: an allow-list, each entry a difference
// docs/sql-dialect.md documents (its reason names the section), matched
// by the query's text and the kind of difference, so anything else the
// generator finds fails the run.

import (
	"os"
	"regexp"
)

// fuzzKnown is one documented difference.
type fuzzKnown struct {
	name string
	// sql: the queries it covers
	sql *regexp.Regexp
	// outcomes: the kinds of difference it excuses
	outcomes []fuzzOutcome
	// got, want: raftsql's and PostgreSQL's answers it excuses (nil: any)
	got, want *regexp.Regexp
	// reason: why, and where docs/sql-dialect.md says so
	reason string
}

var difffuzzKnown = []fuzzKnown{
	{
		name:     "described types",
		sql:      regexp.MustCompile(`.`),
		outcomes: []fuzzOutcome{fuzzTypes},
		reason: `the values agree, the result columns' described types differ: ` +
			`"Differences from PostgreSQL" (arithmetic whose operands' types the translation cannot see, ` +
			`date/time arithmetic over columns described from its values) and "The differential corpus" ` +
			`(result column types where neither the translation nor the declarations give the type); ` +
			`RAFTSQL_DIFF_FUZZ_TYPES=1 reports them`,
	},
	{
		name:     "nested date/time arithmetic over columns",
		sql:      regexp.MustCompile(`a\.(ts|iv|d|tz)\b|age\(|date_trunc\(|justify_interval\(|INTERVAL '|DATE '|TIMESTAMP '|::date|::timestamp`),
		outcomes: []fuzzOutcome{fuzzExtraError, fuzzSQLState},
		got: regexp.MustCompile(`ERROR (22P02 invalid input syntax for type numeric: "(-?infinity|\d{4}-\d\d-\d\d|[^"]*(year|mon|day|\d\d:\d\d))` +
			`|42883 operator does not exist: (timestamp|interval|date)[a-z ]* [-+] (time without time zone|integer))`),
		reason: `"Differences from PostgreSQL": date/time arithmetic whose operand is itself date/time arithmetic ` +
			`or a date/time function over columns is computed from the values as numbers`,
	},
	{
		name:     "computed arrays order as text",
		sql:      regexp.MustCompile(`array_(append|cat|remove|prepend)\(|string_to_array\(|regexp_split_to_array\(|a\.(ia|ta)\[\d+:\d+\]|(greatest|least|coalesce)\([^)]*a\.(ia|ta)|THEN a\.(ia|ta)|a\.(ia|ta) \|\| a\.`),
		outcomes: []fuzzOutcome{fuzzRows},
		reason: `"Differences from PostgreSQL": an array computed by a function or sliced from a column, a CASE/coalesce/greatest of array ` +
			`columns or || of two array columns orders as its text`,
	},
	{
		name:     "scalar subquery's numeric aggregate orders as text",
		sql:      regexp.MustCompile(`\(SELECT (sum|avg|min|max)\(b\.v\) FROM`),
		outcomes: []fuzzOutcome{fuzzRows},
		reason:   `"Differences from PostgreSQL" (ORDER BY of a conditional): a scalar subquery's numeric aggregate orders as text`,
	},
	{
		name:     "greatest/least of text columns order numbers first",
		sql:      regexp.MustCompile(`(greatest|least)\(a\.(t|vc)\b`),
		outcomes: []fuzzOutcome{fuzzRows},
		reason:   `"Supported subset" (greatest, least): the result of columns carries the pg_numeric collation, text columns then order numbers-first`,
	},
	{
		name:     "a float column stores -0 as 0",
		sql:      regexp.MustCompile(`(?i)^(WITH w AS \()?(INSERT|UPDATE)`),
		outcomes: []fuzzOutcome{fuzzRows},
		want:     regexp.MustCompile(`(^|\n|\|)-0(\||\n|$)`),
		reason:   `"Types: how each is stored and enforced" (double precision): a float column stores -0 as 0, PostgreSQL keeps -0`,
	},
	{
		name:     "jsonb -> 0 of a scalar",
		sql:      regexp.MustCompile(`->>? [0-9]`),
		outcomes: []fuzzOutcome{fuzzRows},
		reason:   `"Differences from PostgreSQL": jsonb -> 0 of a scalar is NULL, PostgreSQL 15 answers the scalar`,
	},
}

// fuzzTypesStrict: RAFTSQL_DIFF_FUZZ_TYPES=1 reports the described-type
// differences the first entry excuses.
var fuzzTypesStrict = os.Getenv("RAFTSQL_DIFF_FUZZ_TYPES") != ""

// matchFuzzKnown is the documented difference that excuses outcome o of
// sql, nil if none does.
func matchFuzzKnown(sql string, o fuzzOutcome, got, want string) *fuzzKnown {
	for i := range difffuzzKnown {
		k := &difffuzzKnown[i]
		if fuzzTypesStrict && k.name == "described types" {
			continue
		}
		if !k.sql.MatchString(sql) || k.got != nil && !k.got.MatchString(got) || k.want != nil && !k.want.MatchString(want) {
			continue
		}
		for _, ko := range k.outcomes {
			if ko == o {
				return k
			}
		}
	}
	return nil
}
