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
// RAFTSQL_DIFF_FUZZ is the number of seeds, each a query, a query of the
// shapes of difffuzz_shapes_test.go, one over a derived table
// (difffuzz_derived_test.go), one of difffuzz_more_test.go's constructs
// and, every other one, a write
// (difffuzz_write_test.go; the test is skipped without
// it or without RAFTSQL_REFERENCE_URL: it needs PostgreSQL to answer).
// RAFTSQL_DIFF_FUZZ_SEED=S repeats a run (the seed is logged otherwise);
// query i of a run is the first query of seed S+i, so a reported query
// reruns alone with its own seed and RAFTSQL_DIFF_FUZZ=1.
// RAFTSQL_DIFF_FUZZ_TYPES=1 also fails on differences in the result
// columns' described types alone (excused otherwise: see
// difffuzz_known_test.go).
//
// A query's answers agree when they are equal, when raftsql refuses the
// query with 0A000 (a documented refusal), when both are errors of the
// same SQLSTATE, or when they differ only where equal values may
// (fuzzEqualTie: the order of rows whose ORDER BY keys are equal, and
// which of equal numbers 0.5 and 0.50 a GROUP BY, DISTINCT or set
// operation prints). Any other difference fails the test unless a pattern of
// difffuzzKnown (difffuzz_known_test.go), each a difference
// docs/sql-dialect.md documents, excuses it. The test reports every
// difference with its seed, the query and both answers, and a count per
// kind.

import (
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
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
// to query sql (both rendered by renderDiffCase).
func compareFuzz(sql, got, want string) fuzzOutcome {
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
	gotRows, wantRows := stripFuzzColumns(got), stripFuzzColumns(want)
	if gotRows == wantRows {
		return fuzzTypes
	}
	if fuzzEqualTie(sql, gotRows, wantRows) {
		if fuzzColumnsLine(got) == fuzzColumnsLine(want) {
			return fuzzMatch
		}
		return fuzzTypes
	}
	return fuzzRows
}

// fuzzEqualTie reports whether two answers (rows only) differ only where
// equal values may: ORDER BY leaves rows whose keys are equal in either
// order (float8's -0 and 0; numeric 0.50 and 0.5, trunc(f8) of 0 and of
// -0.5, a numeric column beside a constant in a UNION ALL), and a query
// that keeps one row of equal ones (GROUP BY, SELECT DISTINCT, UNION,
// INTERSECT, EXCEPT) may print any of them (PostgreSQL's own choice
// depends on its plan: greatest(n, 0.0) grouped is 0 or 0.0). Neither
// answer is wrong then; a value that differs in any other way still
// fails.
func fuzzEqualTie(sql, got, want string) bool {
	if fuzzNormalRows(got) != fuzzNormalRows(want) {
		return false
	}
	sorted := func(answer string) string {
		l := strings.Split(answer, "\n")
		sort.Strings(l)
		return strings.Join(l, "\n")
	}
	return sorted(got) == sorted(want) || fuzzKeepsOneOfEqual(sql)
}

// fuzzNormalRows is an answer with every number that has equal ones of
// another text written one way: -0 as 0, a decimal without the trailing
// zeros of its fraction (0.50 and 0.500 as 0.5, 2.0 as 2, -0.0 as 0).
func fuzzNormalRows(answer string) string {
	var out []string
	for _, l := range strings.Split(answer, "\n") {
		f := strings.Split(l, "|")
		for k := range f {
			f[k] = fuzzNormalNumber(f[k])
		}
		out = append(out, strings.Join(f, "|"))
	}
	return strings.Join(out, "\n")
}

// fuzzDecimal is a number as numeric and float8 print it without an
// exponent.
var fuzzDecimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

func fuzzNormalNumber(v string) string {
	if !fuzzDecimal.MatchString(v) {
		return v
	}
	if strings.Contains(v, ".") {
		v = strings.TrimRight(strings.TrimRight(v, "0"), ".")
	}
	if strings.Trim(v, "-0") == "" {
		return "0"
	}
	return v
}

// fuzzKeepsOneOfEqual reports whether query sql keeps one row of a group
// of equal ones: GROUP BY, SELECT DISTINCT, a set operation other than
// UNION ALL.
func fuzzKeepsOneOfEqual(sql string) bool {
	for _, w := range []string{"GROUP BY", "SELECT DISTINCT", "INTERSECT", "EXCEPT"} {
		if strings.Contains(sql, w) {
			return true
		}
	}
	return strings.Count(sql, " UNION ") > strings.Count(sql, " UNION ALL ")
}

// fuzzColumnsLine is an answer's columns line.
func fuzzColumnsLine(answer string) string {
	for _, l := range strings.Split(answer, "\n") {
		if strings.HasPrefix(l, "columns: ") {
			return l
		}
	}
	return ""
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
	for _, stmt := range append(fuzzSchema, fuzzWriteSchema...) {
		mustExec(t, raft, stmt)
		mustExec(t, pg, stmt)
	}

	counts := map[string]int{}
	known := map[string]int{}
	for i := 0; i < n; i++ {
		qseed := seed + uint64(i)
		check := func(kind, sql, got, want string) {
			o := compareFuzz(sql, got, want)
			if !fuzzAgrees(o) {
				if k := matchFuzzKnown(sql, o, got, want); k != nil {
					known[k.name]++
					return
				}
				t.Errorf("%s %s (RAFTSQL_DIFF_FUZZ_SEED=%d RAFTSQL_DIFF_FUZZ=1):\n%s\n raftsql:\n%s PostgreSQL:\n%s", kind, o, qseed, sql, got, want)
			}
			counts[kind+" "+string(o)]++
		}
		sql := newFuzzGen(qseed).query()
		check("query", sql, renderDiffCase(raft, sql, false), renderDiffCase(pg, sql, false))
		sql = newFuzzGen(qseed ^ fuzzShapeSalt).shapeQuery()
		check("shape", sql, renderDiffCase(raft, sql, false), renderDiffCase(pg, sql, false))
		sql = newFuzzGen(qseed ^ fuzzDerivedSalt).derivedQuery()
		check("derived", sql, renderDiffCase(raft, sql, false), renderDiffCase(pg, sql, false))
		sql = newFuzzGen(qseed ^ fuzzMoreSalt).moreQuery()
		check("more", sql, renderDiffCase(raft, sql, false), renderDiffCase(pg, sql, false))
		if !fuzzWrites(qseed) {
			continue
		}
		sql = newFuzzGen(qseed ^ fuzzWriteSalt).write()
		got, err := fuzzWriteAnswer(raft, sql)
		if err != nil {
			t.Fatalf("raftsql, write of seed %d: %v", qseed, err)
		}
		want, err := fuzzWriteAnswer(pg, sql)
		if err != nil {
			t.Fatalf("PostgreSQL, write of seed %d: %v", qseed, err)
		}
		check("write", sql, got, want)
	}
	var summary []string
	for o, k := range counts {
		summary = append(summary, fmt.Sprintf("%s: %d", o, k))
	}
	for name, k := range known {
		summary = append(summary, fmt.Sprintf("known difference %q: %d", name, k))
	}
	sort.Strings(summary)
	t.Logf("%d seeds: %s", n, strings.Join(summary, "; "))
}

// TestFuzzEqualTie: rows of equal numbers in either order agree, and so
// do equal numbers printed differently where the query keeps one of equal
// rows; a number printed differently in the same rows otherwise does not.
func TestFuzzEqualTie(t *testing.T) {
	head := "==== q\ncolumns: c1:float8\n"
	num := "==== q\ncolumns: c1:numeric\n"
	for _, c := range []struct {
		sql, got, want string
		same           bool
	}{
		{"SELECT", head + "1\n-0\n0\n", head + "1\n0\n-0\n", true},
		{"SELECT", head + "1\n-0\n0\n", head + "1\n0\n0\n", false},
		{"SELECT", head + "-0|a\n0|b\n", head + "0|a\n-0|b\n", false},
		{"SELECT n FROM t UNION ALL SELECT -0.5", num + "-0.50\n-0.5\n", num + "-0.5\n-0.50\n", true},
		{"SELECT greatest(n, 0.0) FROM t GROUP BY 1", num + "0|4\n0.5|1\n", num + "0.0|4\n0.5|1\n", true},
		{"SELECT 2 - n FROM t INTERSECT SELECT m FROM t", num + "-0.50\n", num + "-0.5\n", true},
		{"SELECT n / 3 FROM t", num + "0.3\n", num + "0.30\n", false},
		{"SELECT n FROM t GROUP BY 1", num + "0.3\n", num + "0.4\n", false},
		{"SELECT n FROM t UNION ALL SELECT 1", num + "1.0\n", num + "1\n", false},
	} {
		if got := compareFuzz(c.sql, c.got, c.want) == fuzzMatch; got != c.same {
			t.Errorf("compareFuzz(%q, %q, %q) agrees: %v, want %v", c.sql, c.got, c.want, got, c.same)
		}
	}
	if o := compareFuzz("SELECT DISTINCT n - n FROM t", "==== q\ncolumns: c1:text\n0\n", num+"0.0\n"); o != fuzzTypes {
		t.Errorf("equal values under other described types: %s, want %s", o, fuzzTypes)
	}
}
