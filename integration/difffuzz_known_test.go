package integration

// The differences between raftsql and PostgreSQL the fuzz tester
// (difffuzz_test.go) excuses: an allow-list, each entry a difference
// docs/sql-dialect.md documents (its reason names the section), matched
// by the query's text and the kind of difference, so anything else the
// generator finds fails the run.

import "regexp"

// fuzzKnown is one documented difference.
type fuzzKnown struct {
	name string
	// sql: the queries it covers
	sql *regexp.Regexp
	// outcomes: the kinds of difference it excuses
	outcomes []fuzzOutcome
	// answer: raftsql's answer it excuses (nil: any)
	answer *regexp.Regexp
	// reason: why, and where docs/sql-dialect.md says so
	reason string
}

var difffuzzKnown = []fuzzKnown{}

// matchFuzzKnown is the documented difference that excuses outcome o of
// sql, nil if none does.
func matchFuzzKnown(sql string, o fuzzOutcome, got string) *fuzzKnown {
	for i := range difffuzzKnown {
		k := &difffuzzKnown[i]
		if !k.sql.MatchString(sql) || k.answer != nil && !k.answer.MatchString(got) {
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
