package integration

// The differential fuzz tester: random queries (difffuzz_gen_test.go) run
// on a one-node raftsql cluster and on a PostgreSQL 15 server, and their
// answers, rendered as the differential corpus renders them (diff_test.go:
// columns name:type, rows, tag, or SQLSTATE and message), must agree. The
// hand-written corpus pins what someone thought of; this finds what no one
// did, in the spirit of SQLancer's and sqlsmith's differential testing.
//
//	RAFTSQL_REFERENCE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//	RAFTSQL_DIFF_FUZZ=2000 go test ./integration -run TestDiffFuzz -v
//
// RAFTSQL_DIFF_FUZZ is the number of queries (the test is skipped without
// it or without RAFTSQL_REFERENCE_URL: it needs PostgreSQL to answer).
// RAFTSQL_DIFF_FUZZ_SEED=S repeats a run (the seed is logged otherwise);
// query i of a run is the first query of seed S+i, so a reported query
// reruns alone with its own seed and RAFTSQL_DIFF_FUZZ=1.
// RAFTSQL_DIFF_FUZZ_TYPES=1 also fails on differences in the result
// columns' described types alone (excused otherwise: see
// difffuzz_known_test.go).
//
// A query's answers agree when they are equal, when raftsql refuses the
// query with 0A000 (a documented refusal), or when both are errors of the
// same SQLSTATE. Any other difference fails the test unless a pattern of
// difffuzzKnown (difffuzz_known_test.go), each a difference
// docs/sql-dialect.md documents, excuses it. The test reports every
// difference with its seed, the query and both answers, and a count per
// kind.

import (
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fuzzOutcome names how two answers compare.
type fuzzOutcome string

const (
	fuzzMatch      fuzzOutcome = "match"
	fuzzBothError  fuzzOutcome = "same SQLSTATE"
	fuzzRefused    fuzzOutcome = "refused (0A000)"
	fuzzRows       fuzzOutcome = "different rows"
	fuzzTypes      fuzzOutcome = "different columns (names or types)"
	fuzzExtraError fuzzOutcome = "raftsql errors, PostgreSQL answers"
	fuzzNoError    fuzzOutcome = "PostgreSQL errors, raftsql answers"
	fuzzSQLState   fuzzOutcome = "different SQLSTATE"
)

// fuzzAgrees reports whether an outcome is agreement.
func fuzzAgrees(o fuzzOutcome) bool {
	return o == fuzzMatch || o == fuzzBothError || o == fuzzRefused
}

// compareFuzz classifies raftsql's answer got against PostgreSQL's want
// (both rendered by renderDiffCase).
func compareFuzz(got, want string) fuzzOutcome {
	if got == want {
		return fuzzMatch
	}
	gotErr, wantErr := fuzzSQLStateOf(got), fuzzSQLStateOf(want)
	switch {
	case gotErr == "0A000":
		return fuzzRefused
	case gotErr != "" && wantErr != "":
		if gotErr == wantErr {
			return fuzzBothError
		}
		return fuzzSQLState
	case gotErr != "":
		return fuzzExtraError
	case wantErr != "":
		return fuzzNoError
	}
	if stripFuzzColumns(got) == stripFuzzColumns(want) {
		return fuzzTypes
	}
	return fuzzRows
}

// fuzzSQLStateOf is the SQLSTATE of an error answer, "" for rows.
func fuzzSQLStateOf(answer string) string {
	_, rest, _ := strings.Cut(answer, "\n")
	code, ok := strings.CutPrefix(rest, "ERROR ")
	if !ok {
		return ""
	}
	code, _, _ = strings.Cut(code, " ")
	return code
}

// stripFuzzColumns drops an answer's columns line.
func stripFuzzColumns(answer string) string {
	lines := strings.Split(answer, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l, "columns: ") {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

func TestDiffFuzz(t *testing.T) {
	ref, count := os.Getenv("RAFTSQL_REFERENCE_URL"), os.Getenv("RAFTSQL_DIFF_FUZZ")
	if ref == "" || count == "" {
		t.Skip("set RAFTSQL_REFERENCE_URL (a PostgreSQL 15) and RAFTSQL_DIFF_FUZZ=<queries> (see difffuzz_test.go)")
	}
	n, err := strconv.Atoi(count)
	if err != nil || n <= 0 {
		t.Fatalf("RAFTSQL_DIFF_FUZZ=%q: want a number of queries", count)
	}
	seed := rand.Uint64() >> 16
	if s := os.Getenv("RAFTSQL_DIFF_FUZZ_SEED"); s != "" {
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("RAFTSQL_DIFF_FUZZ_SEED=%q: %v", s, err)
		}
	}
	t.Logf("RAFTSQL_DIFF_FUZZ_SEED=%d RAFTSQL_DIFF_FUZZ=%d", seed, n)

	c := startMemCluster(t, 1)
	c.waitLeader(30 * time.Second)
	raft := connectScript(t, c.url(0))
	pg := connectScript(t, withParam(referenceURLs(t, ref)[0], "timezone", "UTC"))
	for _, stmt := range fuzzSchema {
		mustExec(t, raft, stmt)
		mustExec(t, pg, stmt)
	}

	counts := map[fuzzOutcome]int{}
	known := map[string]int{}
	for i := 0; i < n; i++ {
		qseed := seed + uint64(i)
		sql := newFuzzGen(qseed).query()
		got, want := renderDiffCase(raft, sql, false), renderDiffCase(pg, sql, false)
		o := compareFuzz(got, want)
		if !fuzzAgrees(o) {
			if k := matchFuzzKnown(sql, o, got, want); k != nil {
				known[k.name]++
				continue
			}
			t.Errorf("%s (RAFTSQL_DIFF_FUZZ_SEED=%d RAFTSQL_DIFF_FUZZ=1):\n%s\n raftsql:\n%s PostgreSQL:\n%s", o, qseed, sql, got, want)
		}
		counts[o]++
	}
	var summary []string
	for o, k := range counts {
		summary = append(summary, fmt.Sprintf("%s: %d", o, k))
	}
	for name, k := range known {
		summary = append(summary, fmt.Sprintf("known difference %q: %d", name, k))
	}
	sort.Strings(summary)
	t.Logf("%d queries: %s", n, strings.Join(summary, "; "))
}
