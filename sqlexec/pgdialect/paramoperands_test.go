package pgdialect

import (
	"fmt"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestParamOperands checks what each parameter is typed from: the probe
// statement of its operand, in its block's scope, or a signature's type.
func TestParamOperands(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want []ParamOperand
	}{
		{"SELECT g FROM t GROUP BY g HAVING count(*) > $1 ORDER BY g",
			[]ParamOperand{{Param: 1, Probe: "SELECT count(*) FROM t GROUP BY g HAVING count(*) > $1", FromOnly: "SELECT count(*) FROM t"}}},
		{"SELECT g FROM t GROUP BY g HAVING $1 < count(*)",
			[]ParamOperand{{Param: 1, Probe: "SELECT count(*) FROM t GROUP BY g HAVING $1 < count(*)", FromOnly: "SELECT count(*) FROM t"}}},
		{"SELECT substr(s, $1, $2), date_trunc($3, ts) FROM t",
			[]ParamOperand{{Param: 1, OID: pgoid.Int4}, {Param: 2, OID: pgoid.Int4}, {Param: 3, OID: pgoid.Text}}},
		{"SELECT CASE WHEN n > 2 THEN $1 ELSE n END, coalesce(x, $2) FROM t",
			[]ParamOperand{{Param: 1, Probe: "SELECT n FROM t"}, {Param: 2, Probe: "SELECT x FROM t"}}},
		{"WITH c AS (SELECT 1 AS k) SELECT * FROM c WHERE k >= $1 - 1",
			[]ParamOperand{{Param: 1, Probe: "WITH c AS (SELECT 1 AS k) SELECT 1 FROM c WHERE k >= $1 - 1", FromOnly: "WITH c AS (SELECT 1 AS k) SELECT 1 FROM c", Arith: true}}},
		{"UPDATE w SET n = n + $1 WHERE n > 20",
			[]ParamOperand{{Param: 1, Probe: "SELECT n FROM w", Arith: true}}},
		{"SELECT id FROM t WHERE n * 2 + 1 > $1",
			[]ParamOperand{{Param: 1, Probe: "SELECT n * 2 + 1 FROM t WHERE n * 2 + 1 > $1", FromOnly: "SELECT n * 2 + 1 FROM t"}}},
		{"SELECT id FROM t WHERE a + b * $1 > 0",
			[]ParamOperand{{Param: 1, Probe: "SELECT b FROM t WHERE a + b * $1 > 0", FromOnly: "SELECT b FROM t", Arith: true}}},
		{"SELECT id FROM t WHERE n BETWEEN 1 AND $1",
			[]ParamOperand{{Param: 1, Probe: "SELECT n FROM t WHERE n BETWEEN 1 AND $1", FromOnly: "SELECT n FROM t"}}},
		{"SELECT id FROM t WHERE n NOT IN ($1)",
			[]ParamOperand{{Param: 1, Probe: "SELECT n FROM t WHERE n NOT IN ($1)", FromOnly: "SELECT n FROM t"}}},
		{"SELECT id FROM t WHERE $1 = ANY(tags)",
			[]ParamOperand{{Param: 1, Probe: "SELECT (tags) FROM t WHERE $1 = ANY(tags)", FromOnly: "SELECT (tags) FROM t", Elem: true}}},
		{"SELECT id FROM t WHERE $1 <> ALL (ARRAY[1, 2])",
			[]ParamOperand{{Param: 1, Probe: "SELECT (ARRAY[1, 2]) FROM t WHERE $1 <> ALL (ARRAY[1, 2])", FromOnly: "SELECT (ARRAY[1, 2]) FROM t", Elem: true}}},
		{"SELECT id FROM t WHERE $1 = SOME (SELECT n FROM u)",
			[]ParamOperand{{Param: 1, Probe: "SELECT (SELECT n FROM u) FROM t WHERE $1 = SOME (SELECT n FROM u)", FromOnly: "SELECT (SELECT n FROM u) FROM t"}}},
		{"SELECT id FROM t WHERE $1 = ANY($2)", nil},
		{"SELECT id FROM t WHERE CASE WHEN id < 3 THEN n ELSE 50 END < $1",
			[]ParamOperand{{Param: 1, Probe: "SELECT CASE WHEN id < 3 THEN n ELSE 50 END FROM t WHERE CASE WHEN id < 3 THEN n ELSE 50 END < $1", FromOnly: "SELECT CASE WHEN id < 3 THEN n ELSE 50 END FROM t"}}},
		{"SELECT id FROM t WHERE $1 >= CASE n WHEN 1 THEN a END AND b = 2",
			[]ParamOperand{{Param: 1, Probe: "SELECT CASE n WHEN 1 THEN a END FROM t WHERE $1 >= CASE n WHEN 1 THEN a END AND b = 2", FromOnly: "SELECT CASE n WHEN 1 THEN a END FROM t"}}},
		{"SELECT $1, $2 AS b", []ParamOperand{{Param: 1, OID: pgoid.Text}, {Param: 2, OID: pgoid.Text}}},
		{"INSERT INTO w SELECT $1", nil}, // typed by the target column, not text
		{"SELECT $1 = $2", nil},          // both unknown: nothing to type from
		{"SELECT id FROM t WHERE n > $1::int", nil},
		{"SELECT $1 || s, s || $2, $3 || $4 FROM t",
			[]ParamOperand{{Param: 1, Probe: "SELECT s FROM t", Concat: true}, {Param: 2, Probe: "SELECT s FROM t", Concat: true},
				{Param: 3, OID: pgoid.Text}, {Param: 4, OID: pgoid.Text}}},
		{"SELECT id FROM t WHERE s || $1 = $2",
			[]ParamOperand{{Param: 1, Probe: "SELECT s FROM t WHERE s || $1 = $2", FromOnly: "SELECT s FROM t", Concat: true},
				{Param: 2, Probe: "SELECT s || $1 FROM t WHERE s || $1 = $2", FromOnly: "SELECT s || $1 FROM t", Concat: true}}},
		{"UPDATE t SET v = $1 FROM u WHERE t.id = u.id AND u.k = $2",
			[]ParamOperand{{Param: 1, Probe: "SELECT v FROM t, u"}, {Param: 2, Probe: "SELECT u.k FROM t, u"}}},
		{"DELETE FROM t AS a USING u WHERE a.id = u.id AND u.v = $1 RETURNING a.id",
			[]ParamOperand{{Param: 1, Probe: "SELECT u.v FROM t AS a, u"}}},
	} {
		got := ParamOperands(c.sql)
		if len(got) != len(c.want) {
			t.Errorf("%s: %+v, want %+v", c.sql, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %+v, want %+v", c.sql, got[i], c.want[i])
			}
		}
	}
}

// TestUntypedParams checks which parameters no context types: a bare
// operand of IS [NOT] NULL everywhere it occurs.
func TestUntypedParams(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want []int
	}{
		{"SELECT id FROM t WHERE $1 IS NULL", []int{1}},
		{"SELECT id FROM t WHERE $1 IS NOT NULL AND n = $2", []int{1}},
		{"SELECT id FROM t WHERE $1 IS NULL OR n = $1", nil},
		{"SELECT id FROM t WHERE $1::int IS NULL", nil},
		{"SELECT id FROM t WHERE f($1) IS NULL", nil},
		{"SELECT id FROM t WHERE n + $1 IS NULL", nil},
		{"SELECT id FROM t WHERE ($1 IS NULL)", []int{1}},
	} {
		if got := UntypedParams(c.sql); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: %v, want %v", c.sql, got, c.want)
		}
	}
}

// TestConcatParamType checks the type of a parameter of ||: the other
// operand's when it is an array or jsonb, else text.
func TestConcatParamType(t *testing.T) {
	for o, want := range map[uint32]uint32{0: pgoid.Text, pgoid.Text: pgoid.Text, pgoid.Int4: pgoid.Text,
		pgoid.Int4Array: pgoid.Int4Array, pgoid.JSONB: pgoid.JSONB, pgoid.JSON: pgoid.Text} {
		if got := ConcatParamType(o); got != want {
			t.Errorf("ConcatParamType(%d) = %d, want %d", o, got, want)
		}
	}
}
