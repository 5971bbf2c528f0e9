package pgdialect

import "testing"

func TestInsertDropUserValues(t *testing.T) {
	isID := func(c string) bool { return c == "id" }
	all := []string{"id", "v"}
	for _, c := range []struct{ in, want string }{
		{`INSERT INTO t (id, v) OVERRIDING USER VALUE VALUES (1, 'a'), (2, 'b')`, `INSERT INTO t (id, v)  VALUES (DEFAULT, 'a'), (DEFAULT, 'b')`},
		{`INSERT INTO t OVERRIDING USER VALUE VALUES (1 + 2, 'a') RETURNING id`, `INSERT INTO t  VALUES (DEFAULT, 'a') RETURNING id`},
		{`INSERT INTO t (v, id) overriding user value values ('a', 5)`, `INSERT INTO t (v, id)  values ('a', DEFAULT)`},
		{`INSERT INTO t (id, v) OVERRIDING USER VALUE VALUES (1, 'a', 3)`, `INSERT INTO t (id, v)  VALUES (1, 'a', 3)`},
		// the SELECT form and OVERRIDING SYSTEM VALUE stay as they are
		{`INSERT INTO t (id, v) OVERRIDING USER VALUE SELECT 1, 'a'`, `INSERT INTO t (id, v) OVERRIDING USER VALUE SELECT 1, 'a'`},
		{`INSERT INTO t (id, v) OVERRIDING SYSTEM VALUE VALUES (1, 'a')`, `INSERT INTO t (id, v) OVERRIDING SYSTEM VALUE VALUES (1, 'a')`},
	} {
		if got := InsertDropUserValues(c.in, all, isID); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	if MayOverrideUserValue(`SELECT 'overriding'`) || !MayOverrideUserValue(` insert into t overriding user value values (1)`) {
		t.Error("MayOverrideUserValue")
	}
}
