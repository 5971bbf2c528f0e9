package sqlexec

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Texts of one literal shape are translated once per session
// (shapecache.go), and answer exactly as their own translations would:
// each INSERT's values, the error positions of its literals, reads.
func TestShapeTranslations(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustRows(t, s, "CREATE TABLE sh(id integer PRIMARY KEY, n smallint, v text)", "")
	for i := 10; i < 40; i++ {
		mustRows(t, s, fmt.Sprintf("INSERT INTO sh (id, n, v) VALUES (%d, %d, 'v%d')", i, i*7, i), "C:INSERT 0 1")
	}
	if len(s.shapes) == 0 {
		t.Fatalf("no shape kept")
	}
	mustRows(t, s, "SELECT count(*), sum(id), sum(n) FROM sh", "R[30 735 5145] C:SELECT 1")
	for i := 10; i < 40; i += 7 {
		mustRows(t, s, fmt.Sprintf("SELECT v FROM sh WHERE id = %d", i), fmt.Sprintf("R[v%d] C:SELECT 1", i))
		mustRows(t, s, fmt.Sprintf("UPDATE sh SET n = n + %d WHERE id = %d", i, i), "C:UPDATE 1")
	}
	mustRows(t, s, "SELECT sum(n) FROM sh", "R[5265] C:SELECT 1")
	// a value out of the column's range is its own error, at its place
	for _, v := range []string{"32767", "99999"} {
		_, err := q(t, s, "INSERT INTO sh (id, n, v) VALUES (77, "+v+", 'x')")
		if v == "32767" && err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		if v == "99999" {
			ee, ok := err.(*Error)
			if !ok || ee.Code != "22003" {
				t.Fatalf("%s: %v, want 22003", v, err)
			}
		}
		mustRows(t, s, "DELETE FROM sh WHERE id = 77", "")
	}
}

// Every statement of the differential corpus with liftable literals: a
// shape kept from the statement as written (both sentinel checks passed)
// must give, for other values of the same lengths, exactly what those
// texts translate to on their own. This is the property the kept shapes
// rest on; the corpus's ~4,000 statements are the PostgreSQL people
// write.
func TestShapeFillsLikeTranslation(t *testing.T) {
	files, err := filepath.Glob("../integration/testdata/diff/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus: %v", err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	kept, checked, nbound := 0, 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pgdialect.SplitPieces(string(b)) {
			sql := p.Text
			_, lits, ok := pgdialect.LiteralShape(sql)
			if !ok {
				continue
			}
			st, err := translate(sql)
			if err != nil || st.Kind != pgdialect.KindQuery {
				continue
			}
			values := make([]string, len(lits))
			for i, l := range lits {
				values[i] = sql[l.Start:l.End]
			}
			template, sentinels := shapeTemplate(sql, lits, values, st, translate)
			if template == nil {
				continue
			}
			kept++
			for round := 0; round < 4; round++ {
				alt := []byte(sql)
				vals := make([]string, len(lits))
				for i, l := range lits {
					vals[i] = otherValue(rng, l.End-l.Start, round)
					copy(alt[l.Start:], vals[i])
				}
				want, err := translate(string(alt))
				if err != nil {
					t.Errorf("%s: %s translates to an error (%v) its shape would not give", f, alt, err)
					continue
				}
				got, ok := fillShape(template, sentinels, vals)
				checked++
				if !ok || !reflect.DeepEqual(got, want) {
					t.Errorf("%s: the kept shape of\n %s\ngives for\n %s\n%+v\nwant\n%+v", f, sql, alt, got, want)
				}
				if bound, binds := bindShape(template, sentinels); bound != nil {
					// bound: the same statement once each ?n reads
					// its value, and nothing else differs
					if round == 0 {
						nbound++
					}
					got, ok := fillShape(template, sentinels, vals)
					if !ok {
						t.Fatalf("%s: bound shape of %s not copied", f, sql)
					}
					got.Exec = slices.Clone(bound)
					args, ok := bindValues(binds, vals)
					if !ok {
						t.Fatalf("%s: %s: values %v not bound", f, sql, vals)
					}
					for i := range got.Exec {
						for n := len(args); n >= 1; n-- {
							lit := fmt.Sprint(args[n-1])
							if s, ok := args[n-1].(string); ok {
								lit = "'" + s + "'"
							}
							got.Exec[i] = strings.ReplaceAll(got.Exec[i], "?"+strconv.Itoa(n), lit)
						}
					}
					got.Bound = nil
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s: the bound shape of\n %s\ngives for\n %s\n%q\nwant\n%q", f, sql, alt, got.Exec, want.Exec)
					}
				}
			}
		}
	}
	t.Logf("%d shapes kept (%d bound), %d fills checked", kept, nbound, checked)
	if kept < 100 {
		t.Fatalf("only %d corpus statements kept a shape", kept)
	}
}

// otherValue is a value of n digits: the smallest, the largest, then
// random ones.
func otherValue(rng *rand.Rand, n, round int) string {
	switch round {
	case 0:
		return "1" + strings.Repeat("0", n-1)
	case 1:
		return strings.Repeat("9", n)
	}
	b := make([]byte, n)
	b[0] = byte('1' + rng.IntN(9))
	for i := 1; i < n; i++ {
		b[i] = byte('0' + rng.IntN(10))
	}
	return string(b)
}

// A bound shape (its lifted literals parameters of one SQLite statement)
// answers each text exactly as the text translated on its own does: the
// same rows, tags and error codes, for values in and out of the columns'
// ranges and for comparisons PostgreSQL refuses. Session a keeps shapes
// (from each pair's second text on, bound); session b runs every text
// with no shape kept.
func TestBoundShapesRunLikeTheirTexts(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	mustRows(t, a, "CREATE TABLE bs(id integer PRIMARY KEY, s smallint, n numeric(7,2), t text, d date, f float8, g bigint)", "")
	mustRows(t, a, "INSERT INTO bs VALUES (10, 5, 12.5, 'x', '2024-01-01', 1.5, 7), (11, -3, 99.99, '12345', '2024-02-02', -2.5, 8)", "C:INSERT 0 2")
	texts := []string{
		"SELECT id, n FROM bs WHERE n > %d ORDER BY id",
		"SELECT id FROM bs WHERE id = %d",
		"SELECT id FROM bs WHERE id IN (%d, 11) ORDER BY id",
		"SELECT id FROM bs WHERE s BETWEEN -%d AND 10 ORDER BY id",
		"SELECT id FROM bs WHERE t = %d",
		"SELECT id FROM bs WHERE d > %d",
		"SELECT id FROM bs WHERE f * %d > 10 ORDER BY id",
		"SELECT count(*) FROM bs WHERE g + %d > 20",
		"SELECT id FROM bs WHERE n = %d.5",
		"UPDATE bs SET s = %d WHERE id = 10",
		"UPDATE bs SET g = g * %d WHERE id = 11",
		"UPDATE bs SET n = n + %d WHERE id = 10",
		"UPDATE bs SET t = %d WHERE id = 11",
		"UPDATE bs SET d = %d WHERE id = 11",
		"INSERT INTO bs (id, s, n) VALUES (%d, 1, 1)",
		"DELETE FROM bs WHERE id = %d",
	}
	run := func(s *Session, sql string) string {
		got, err := q(t, s, sql)
		if err != nil {
			if e, ok := err.(*Error); ok {
				return "ERROR " + e.Code
			}
			return "ERROR " + err.Error()
		}
		return got
	}
	// each text in a transaction rolled back, with the table as it left
	// it: both sessions start from the same rows
	runTx := func(s *Session, sql string) string {
		mustRows(t, s, "BEGIN", "C:BEGIN")
		out := run(s, sql) + " | " + run(s, "SELECT * FROM bs ORDER BY id")
		mustRows(t, s, "ROLLBACK", "C:ROLLBACK")
		return out
	}
	for _, text := range texts {
		for _, v := range []int{12, 32767, 99999, 40000, 77, 33, 10, 55} {
			sql := fmt.Sprintf(text, v)
			for _, inTx := range []bool{false, true} {
				var got, want string
				if inTx || strings.HasPrefix(text, "SELECT") {
					got = runTx(a, sql)
					b.shapes = nil // b: each text on its own
					want = runTx(b, sql)
				} else {
					continue
				}
				if got != want {
					t.Errorf("%s:\n bound/kept %s\n own       %s", sql, got, want)
				}
			}
		}
	}
	// outside a transaction: the writes' own outcomes, a then b on the
	// table a left (the same statement twice: the second's own answer)
	for _, v := range []int{12, 13, 14} {
		sql := fmt.Sprintf("UPDATE bs SET s = s + %d WHERE id = 10", v)
		if got, want := run(a, sql), "C:UPDATE 1"; got != want {
			t.Errorf("%s: %s, want %s", sql, got, want)
		}
	}
	mustRows(t, a, "SELECT s FROM bs WHERE id = 10", "R[44] C:SELECT 1")
	bound := 0
	for _, k := range a.shapes {
		if k.bound != nil {
			bound++
		}
	}
	if bound < 8 {
		t.Fatalf("only %d bound shapes kept", bound)
	}
}
