package pgdialect

import (
	"slices"
	"strings"
	"testing"
)

func TestCompoundArms(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want []string
	}{
		{"SELECT a FROM t1", nil},
		{"SELECT a FROM t1 UNION SELECT b FROM t2 ORDER BY 1 NULLS LAST LIMIT 3", []string{"SELECT a FROM t1", "SELECT b FROM t2"}},
		{"select a from t1 union all select b from (select b from t2 union select 1) q except values (2)",
			[]string{"select a from t1", "select b from (select b from t2 union select 1) q", "values (2)"}},
		{"WITH c AS (SELECT 1 AS x UNION SELECT 2) SELECT x FROM c INTERSECT SELECT a FROM t1;",
			[]string{"WITH c AS (SELECT 1 AS x UNION SELECT 2) SELECT x FROM c", "WITH c AS (SELECT 1 AS x UNION SELECT 2) SELECT a FROM t1"}},
		{"WITH c AS (SELECT 1 UNION SELECT 2) SELECT * FROM c", nil},
		{"INSERT INTO t SELECT 1 UNION SELECT 2", nil},
	} {
		got := CompoundArms(c.sql)
		for i := range got {
			got[i] = strings.TrimSpace(got[i])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("CompoundArms(%q) = %q, want %q", c.sql, got, c.want)
		}
	}
}
