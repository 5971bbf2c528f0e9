package pgdialect

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMergePlan: a MERGE translates into its plan: the join's queries,
// the acting clauses, and the actions ordered deletes, updates, inserts.
func TestMergePlan(t *testing.T) {
	st, err := Translate(`MERGE INTO stock s USING delta AS d ON s.item = d.item
WHEN MATCHED AND s.qty + d.n <= 0 THEN DELETE
WHEN MATCHED AND d.n = 0 THEN DO NOTHING
WHEN MATCHED THEN UPDATE SET qty = s.qty + d.n
WHEN NOT MATCHED AND d.n > 0 THEN INSERT (item, qty) VALUES (d.item, DEFAULT)
WHEN NOT MATCHED THEN INSERT DEFAULT VALUES`)
	if err != nil {
		t.Fatal(err)
	}
	if st.Tag != "MERGE" || st.ReadOnly || len(st.Exec) != 1 || !strings.HasPrefix(st.Exec[0], "DELETE FROM stock WHERE false") {
		t.Fatalf("statement: %+v", st)
	}
	m, ok := ParseMerge(st.Exec[0])
	if !ok {
		t.Fatalf("no plan in %s", st.Exec[0])
	}
	if m.Target != "stock" || m.Match == "" || m.NoMatch == "" {
		t.Errorf("plan: %+v", m)
	}
	if !strings.Contains(m.Match, "THEN 1 WHEN (d.n = 0) THEN 0 WHEN true THEN 3 ELSE 0 END") || !strings.Contains(m.Match, "LEFT JOIN stock AS s ON") ||
		!strings.Contains(m.Match, "CASE WHEN s._rowid_ IS NULL THEN -1 WHEN") {
		t.Errorf("match: %s", m.Match)
	}
	if !strings.Contains(m.NoMatch, "WHERE NOT EXISTS (SELECT 1 FROM stock AS s WHERE") {
		t.Errorf("no match: %s", m.NoMatch)
	}
	var got []string
	for _, s := range m.Steps {
		got = append(got, s.Verb+strings.Repeat("*", map[bool]int{true: 1}[s.Each]))
	}
	if strings.Join(got, " ") != "DELETE UPDATE INSERT INSERT*" || m.Steps[2].Clause != 4 || len(m.Acting) != 2 {
		t.Errorf("steps %v, acting %v", got, m.Acting)
	}
	// the INSERT leaves its DEFAULT column out, names the table without
	// its alias, and reads the kept rows
	if ins := m.Steps[2].SQL; !strings.HasPrefix(ins, "INSERT INTO stock (item)") || !strings.Contains(ins, `FROM temp."pgdialect_merge" AS d WHERE d.pgdialect_merge_act = 4`) {
		t.Errorf("insert: %s", ins)
	}
	if _, ok := ParseMerge("DELETE FROM t /* raftsql:merge zz */"); ok {
		t.Error("a bad plan parsed")
	}
}

// TestMergeWithJoinedSource: WITH before MERGE reaches every part of the
// plan; a joined source keeps each relation's columns apart (a marker
// between them) and its actions read one kept table per relation, joined
// by row number (USING joins by their columns too); OVERRIDING SYSTEM
// VALUE stays on the INSERT (the session's identity check reads it).
func TestMergeWithJoinedSource(t *testing.T) {
	st, err := Translate(`WITH w AS (SELECT 1 AS k) MERGE INTO t USING a JOIN w ON w.k = a.k LEFT JOIN b USING (k) ON t.id = a.k
WHEN MATCHED THEN UPDATE SET v = b.y WHEN NOT MATCHED THEN INSERT OVERRIDING SYSTEM VALUE VALUES (a.k, w.k)`)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := ParseMerge(st.Exec[0])
	if !ok || m.Rels != 3 || !m.Ordered {
		t.Fatalf("plan: %+v", m)
	}
	if !strings.HasPrefix(m.Match, "WITH w AS (") || !strings.Contains(m.Match, "a.*, 0 AS pgdialect_merge_rel, w.*, 0 AS pgdialect_merge_rel, b.*") {
		t.Errorf("match: %s", m.Match)
	}
	kept := `temp."pgdialect_merge" AS a JOIN temp."pgdialect_merge_1" AS w ON a.pgdialect_merge_row = w.pgdialect_merge_row ` +
		`LEFT JOIN temp."pgdialect_merge_2" AS b USING (k, pgdialect_merge_row)`
	for _, s := range m.Steps {
		if !strings.HasPrefix(s.SQL, "WITH w AS (") || !strings.Contains(s.SQL, kept) {
			t.Errorf("%s step: %s", s.Verb, s.SQL)
		}
	}
	if MergeTarget(`WITH w AS (SELECT 1) MERGE INTO t USING w ON true WHEN MATCHED THEN DELETE`) != "t" {
		t.Error("target after WITH")
	}
}

// TestMergeRefused: PostgreSQL 15's errors (SQLSTATE, message, position)
// for MERGE forms it refuses, and raftsql's 0A000 for those it does not
// implement.
func TestMergeRefused(t *testing.T) {
	for _, c := range []struct {
		sql, code, msg string
		pos            int
	}{
		{"MERGE INTO t USING (SELECT 1 AS id) ON t.id = 1 WHEN MATCHED THEN DELETE", "42601", "subquery in FROM must have an alias", 20},
		{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE RETURNING *", "42601", `syntax error at or near "RETURNING"`, 62},
		{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN INSERT VALUES (1)", "42601", `syntax error at or near "INSERT"`, 55},
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN UPDATE SET v = 1", "42601", `syntax error at or near "UPDATE"`, 59},
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED BY SOURCE THEN DELETE", "42601", `syntax error at or near "BY"`, 54},
		{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE WHEN MATCHED AND s.v THEN DELETE", "42601", "unreachable WHEN clause specified after unconditional WHEN clause", 0},
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id, 2)", "42601", "INSERT has more expressions than target columns", 85},
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id)", "42601", "INSERT has more target columns than expressions", 71},
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED AND t.v > 0 THEN DO NOTHING", "42P01", `invalid reference to FROM-clause entry for table "t"`, 58},
		{"MERGE INTO t a USING s ON a.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (a.id)", "42P01", `invalid reference to FROM-clause entry for table "a"`, 76},
		{"MERGE INTO t USING t ON true WHEN MATCHED THEN DELETE", "42712", `name "t" specified more than once`, 0},
		{"WITH d AS (DELETE FROM u RETURNING *) MERGE INTO t USING d ON true WHEN MATCHED THEN DELETE", "0A000", "WITH query DELETE before MERGE is not supported", 12},
		{"MERGE INTO t USING s JOIN u USING (id) JOIN v USING (id) ON true WHEN MATCHED THEN DELETE", "", "", 0},
		{"MERGE INTO t USING s RIGHT JOIN u USING (id) ON t.id = id WHEN MATCHED THEN DELETE", "0A000",
			"MERGE with a data source joined by USING in parentheses or by a RIGHT or FULL join is not supported (use a subquery)", 0},
		{"MERGE INTO t USING (s JOIN u ON true) AS j ON true WHEN MATCHED THEN DELETE", "", "", 0},
		{"MERGE INTO t USING (s JOIN u USING (id)) AS j ON t.id = j.id WHEN MATCHED AND count(*) > 0 THEN DELETE", "42803", "aggregate functions are not allowed in MERGE WHEN conditions", 79},
		{"MERGE INTO t USING s JOIN t ON true ON t.id = s.id WHEN MATCHED THEN DELETE", "42P09", `table reference "t" is ambiguous`, 40},
		{"MERGE INTO t USING s, u ON true WHEN MATCHED THEN DELETE", "42601", `syntax error at or near ","`, 21},
		{"MERGE INTO t USING s JOIN ON t.id = s.id WHEN MATCHED THEN DELETE", "42601", `syntax error at or near "ON"`, 27},
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT OVERRIDING SYSTEM VALUE DEFAULT VALUES", "42601", `syntax error at or near "DEFAULT"`, 90},
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT OVERRIDING USER VALUE VALUES (1)", "0A000", "INSERT ... OVERRIDING USER VALUE is not supported here", 0},
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT OVERRIDING USER VALUE DEFAULT VALUES", "42601", `syntax error at or near "DEFAULT"`, 88},
		{"MERGE INTO ONLY t USING s ON true WHEN MATCHED THEN DELETE", "0A000", "MERGE INTO ONLY is not supported", 0},
		{"MERGE INTO t USING (SELECT nextval('q') AS id) s ON t.id = s.id WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN DO NOTHING", "0A000",
			"MERGE with WHEN MATCHED and WHEN NOT MATCHED clauses over a data source that calls nextval() is not supported", 28},
		{"EXPLAIN MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "0A000", "EXPLAIN of MERGE is not supported", 0},
		{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED AND s.k THEN DELETE WHEN MATCHED THEN UPDATE SET v = (SELECT max(v) FROM t)", "0A000",
			"MERGE with several actions whose UPDATE reads its target table in a subquery is not supported", 123},
	} {
		_, err := Translate(c.sql)
		if c.code == "" {
			if err != nil {
				t.Errorf("%s: %v", c.sql, err)
			}
			continue
		}
		e, ok := err.(*Error)
		if !ok || e.Code != c.code || e.Message != c.msg || e.Position != c.pos {
			t.Errorf("%s:\n got %v (%v at %d)\nwant %s %q at %d", c.sql, err, codeOf(e), posOf(e), c.code, c.msg, c.pos)
		}
	}
	// a volatile source evaluated once (no WHEN NOT MATCHED) is allowed,
	// and so is a subquery reading the target in the only action
	for _, ok := range []string{
		"MERGE INTO t USING (SELECT random() AS r) s ON t.r = s.r WHEN MATCHED THEN DELETE",
		"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = (SELECT max(v) FROM t)",
	} {
		if _, err := Translate(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

// TestMergeTextPositions: a position in a part's text maps to the
// statement's when it falls in a piece copied from the statement, to none
// in generated text.
func TestMergeTextPositions(t *testing.T) {
	x := newTx("MERGE INTO t USING s ON t.é = s.id WHEN MATCHED THEN UPDATE SET v = s.w")
	b := x.mergeText()
	b.lit("UPDATE t SET ")
	b.user(18, 23) // v = s.w
	b.lit(" FROM s WHERE ")
	b.user(6, 13) // t.é = s.id
	part := b.b.String()
	charPos := func(s, sub string) int { return utf8.RuneCountInString(s[:strings.Index(s, sub)]) + 1 }
	for _, c := range []struct{ at, want int }{
		{charPos(part, "v ="), charPos(x.src, "v =")},
		{charPos(part, "s.id"), charPos(x.src, "s.id")},
		{charPos(part, "FROM"), 0},
	} {
		if got := b.statementPos(part, c.at); got != c.want {
			t.Errorf("position %d of %q: got %d, want %d", c.at, part, got, c.want)
		}
	}
}

func codeOf(e *Error) string {
	if e == nil {
		return ""
	}
	return e.Code
}

func posOf(e *Error) int {
	if e == nil {
		return 0
	}
	return e.Position
}

// TestMergeCompletion: what the session completes from the local schema:
// the column list of an INSERT without one, the DEFAULT of a SET item,
// the actions checked for identity columns, and the query that types
// the parameters.
func TestMergeCompletion(t *testing.T) {
	sql := "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = DEFAULT, (w, x) = (s.w, DEFAULT) WHEN NOT MATCHED THEN INSERT VALUES (s.id, DEFAULT)"
	if table, ok := MergeColumnless(sql); !ok || table != "t" {
		t.Fatalf("MergeColumnless: %q %v", table, ok)
	}
	added := MergeAddColumns(sql, []string{"id", "v", "w", "x"})
	if !strings.HasSuffix(added, "INSERT (id, v) VALUES (s.id, DEFAULT)") {
		t.Errorf("MergeAddColumns: %s", added)
	}
	if _, err := Translate(sql); err == nil || err.(*Error).Code != "0A000" {
		t.Errorf("DEFAULT in SET before the session fills it: %v", err)
	}
	filled, ok := FillDefaults(added, func(string) ([]string, []string, error) {
		return []string{"id", "v", "w", "x"}, []string{"", "'dv'", "", "7"}, nil
	})
	if !ok || !strings.Contains(filled, "SET v = ('dv'), (w, x) = (s.w, (7))") {
		t.Fatalf("FillDefaults: %s", filled)
	}
	if _, err := Translate(filled); err != nil {
		t.Error(err)
	}
	acts := MergeActions(added)
	if len(acts) != 2 || acts[0] != "UPDATE t SET v = DEFAULT, (w, x) = (s.w, DEFAULT)" || acts[1] != "INSERT INTO t (id, v) VALUES (s.id, DEFAULT)" {
		t.Errorf("MergeActions: %q", acts)
	}
	q := MergeTypingText("MERGE INTO t a USING s ON a.id = s.id AND s.k = $1 WHEN MATCHED AND a.n > $2 THEN UPDATE SET n = a.n + $3, m = $4 WHEN NOT MATCHED THEN INSERT (id, n) VALUES ($5, s.n * $6)")
	if q != "SELECT a.n + $3, s.n * $6 FROM s JOIN t a ON a.id = s.id AND s.k = $1 WHERE (a.n > $2)" {
		t.Errorf("MergeTypingText: %s", q)
	}
	if MergeTypingText("SELECT $1") != "SELECT $1" {
		t.Error("MergeTypingText changed a query")
	}
}

// TestMergeDropUserValues: the identity columns' values of an INSERT
// OVERRIDING USER VALUE action become DEFAULT and the clause goes; other
// actions and columns are left as they are.
func TestMergeDropUserValues(t *testing.T) {
	identity := func(col string) bool { return col == "id" }
	for _, c := range []struct{ in, want string }{
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, v) OVERRIDING USER VALUE VALUES (s.id + 1, s.v)",
			"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, v)  VALUES (DEFAULT, s.v)"},
		{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED AND s.k THEN INSERT (v, ID) OVERRIDING USER VALUE VALUES (s.v, f(s.id, 2)) WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)",
			"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED AND s.k THEN INSERT (v, ID)  VALUES (s.v, DEFAULT) WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)"},
		// a list of another length: left for the translation's error
		{"MERGE INTO t USING s ON true WHEN NOT MATCHED THEN INSERT (id) OVERRIDING USER VALUE VALUES (1, 2)",
			"MERGE INTO t USING s ON true WHEN NOT MATCHED THEN INSERT (id) OVERRIDING USER VALUE VALUES (1, 2)"},
	} {
		if tbl, ok := MergeUserValue(c.in); !ok || tbl != "t" {
			t.Errorf("MergeUserValue(%s) = %q, %v", c.in, tbl, ok)
		}
		if got := MergeDropUserValues(c.in, identity); got != c.want {
			t.Errorf("MergeDropUserValues(%s)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	if _, ok := MergeUserValue("MERGE INTO t USING s ON true WHEN NOT MATCHED THEN INSERT OVERRIDING SYSTEM VALUE VALUES (1)"); ok {
		t.Error("OVERRIDING SYSTEM VALUE read as USER VALUE")
	}
}
