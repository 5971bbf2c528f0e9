package pgdialect

import (
	"reflect"
	"testing"
)

func TestDropColumnConstraints(t *testing.T) {
	for _, c := range []struct{ in, col, want string }{
		{"CREATE TABLE t (a int, b text, CHECK (b <> 'x'), CHECK (a > 0))", "b", "CREATE TABLE t (a int, b text, CHECK (a > 0))"},
		{"CREATE TABLE t (a int, b text, CONSTRAINT k CHECK (b <> 'x'))", "a", "CREATE TABLE t (a int, b text, CONSTRAINT k CHECK (b <> 'x'))"},
		{"CREATE TABLE t (a int, c int CHECK (c > a) NOT NULL)", "a", "CREATE TABLE t (a int, c int  NOT NULL)"},
		{"CREATE TABLE t (a int, k int, FOREIGN KEY (a, k) REFERENCES p (x, a), FOREIGN KEY (k) REFERENCES p (a))", "a", "CREATE TABLE t (a int, k int, FOREIGN KEY (k) REFERENCES p (a))"},
		{"CREATE TABLE t (a int, b int CHECK (lower(b) > 0))", "lower", "CREATE TABLE t (a int, b int CHECK (lower(b) > 0))"},
	} {
		got, changed := DropColumnConstraints(c.in, c.col)
		if got != c.want || changed != (c.in != c.want) {
			t.Errorf("DropColumnConstraints(%q, %q) = %q, %v; want %q", c.in, c.col, got, changed, c.want)
		}
	}
}

func TestIndexNamesColumn(t *testing.T) {
	for _, c := range []struct {
		sql, col string
		want     bool
	}{
		{`CREATE INDEX b ON t (lower(b))`, "b", true},
		{`CREATE INDEX b ON b (a)`, "b", false},
		{`CREATE INDEX i ON t (a) WHERE "B" IS NOT NULL`, "b", true},
		{`CREATE INDEX i ON t (lower(a))`, "lower", false},
	} {
		if got := IndexNamesColumn(c.sql, c.col); got != c.want {
			t.Errorf("IndexNamesColumn(%q, %q) = %v", c.sql, c.col, got)
		}
	}
}

func TestSelectsAllOf(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want bool
	}{
		{`CREATE VIEW v AS SELECT * FROM t`, true},
		{`CREATE VIEW v AS SELECT o.* FROM t o`, true},
		{`CREATE VIEW v AS SELECT u.* FROM u JOIN t ON true`, false},
		{`CREATE VIEW v AS SELECT count(*) FROM t`, false},
		{`CREATE VIEW v AS SELECT * FROM u`, false},
	} {
		if got := SelectsAllOf(c.sql, "t"); got != c.want {
			t.Errorf("SelectsAllOf(%q) = %v", c.sql, got)
		}
	}
}

func TestGeneratedFrom(t *testing.T) {
	got := GeneratedFrom("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int AS (abs(a)), d int)", "a")
	if want := []string{"b", "c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("GeneratedFrom = %v, want %v", got, want)
	}
}

func TestSeqOptionsOwnerWithSpace(t *testing.T) {
	owned := "Sd Q.I%d"
	o, err := DecodeSeqOptions((&SeqOptions{Owned: &owned}).Encode())
	if err != nil || o.Owned == nil || *o.Owned != owned {
		t.Fatalf("DecodeSeqOptions(Encode) = %+v, %v", o, err)
	}
}
