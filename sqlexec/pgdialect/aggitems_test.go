package pgdialect

import (
	"fmt"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

func TestAggregateItems(t *testing.T) {
	const q = `SELECT a, sum(b) AS s, avg(DISTINCT t.c) FILTER (WHERE x > 0), max(d) OVER (ORDER BY a) m, sum(b) + 1, min(coalesce(a, 1)), sum(a, b) FROM t`
	items := AggregateItems(q)
	var got []string
	for _, it := range items {
		got = append(got, fmt.Sprintf("%d:%s(%s)", it.Column, it.Func, it.Arg))
	}
	if want := "[1:sum(b) 2:avg(t.c) 3:max(d) 5:min(coalesce(a, 1))]"; fmt.Sprint(got) != want {
		t.Fatalf("AggregateItems = %v, want %s", got, want)
	}
	// a token or a call stands bare (primaryText), so a probe of the probe
	// sees its shape (sum(sum(v)) probes sum(v))
	want := `SELECT a, b AS s, (t.c), d m, sum(b) + 1, coalesce(a, 1), sum(a, b) FROM t`
	if p := ProbeSQL(q, items); p != want {
		t.Errorf("ProbeSQL:\n got %s\nwant %s", p, want)
	}
	if AggregateItems("SELECT *, sum(b) FROM t") != nil || AggregateItems("SELECT t.*, sum(b) FROM t") != nil {
		t.Error("items with * must be nil")
	}
}

func TestExprType(t *testing.T) {
	for _, c := range []struct {
		expr string
		want uint32
	}{
		{"1", pgoid.Int4}, {"(-1)", pgoid.Int4}, {"1.5", pgoid.Numeric}, {"'x'", pgoid.Text}, {"true", pgoid.Bool},
		{"12345678901", pgoid.Int8}, {"2147483648", pgoid.Int8}, {"-2147483648", pgoid.Int4}, {"-2147483649", pgoid.Int8},
		{"99999999999999999999", pgoid.Numeric},
		{"pg_jsonb_get(j, 'a', 1)", pgoid.Text}, {"pg_jsonb_path(j, '{a}', 5, 'jsonb')", pgoid.Text}, {"pg_jsonb_get(j, 'a', 0)", 0}, {"CASE WHEN ok THEN 1 ELSE 12345678901 END", 0}, {"b", 0}, {"b + 1", 0},
		{"CASE WHEN ok THEN 1 ELSE 0 END", pgoid.Int4},
		{"CASE WHEN ok THEN 1 END", pgoid.Int4},
		{"CASE WHEN ok THEN 1 ELSE NULL END", pgoid.Int4},
		{"CASE WHEN ok THEN 1 ELSE 0.5 END", 0},
		{"CASE x WHEN 1 THEN CASE WHEN y THEN 2 ELSE 3 END ELSE 4 END", pgoid.Int4},
		{"CASE WHEN ok THEN b ELSE 0 END", 0},
	} {
		if got := ExprType(c.expr); got != c.want {
			t.Errorf("ExprType(%q) = %d, want %d", c.expr, got, c.want)
		}
	}
}
