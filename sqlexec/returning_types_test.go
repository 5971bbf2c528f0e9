package sqlexec

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// RETURNING items are described like select-list items (PostgreSQL 15's
// answers): a cast names the column after its operand but has the cast's
// type, in the simple protocol and in the extended one (Prepare's
// description, which once typed b::text by its name as b's boolean and
// pgx failed to scan the text into a string), and prints as PostgreSQL
// does (a boolean's text is true/false, cut by varchar(n)).
func TestReturningDescribedLikeSelect(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE rt(id serial PRIMARY KEY, b boolean, n integer, x numeric, v varchar(5))", "")
	mustQ(t, s, "INSERT INTO rt(b, n, x, v) VALUES (true, 5, 1.50, 'ab'), (false, 7, 2.5, 'cd')", "")
	for _, c := range []struct{ sql, want string }{
		{"INSERT INTO rt(b, n, x, v) VALUES (true, 5, 1.50, 'ab') RETURNING b::text, n::int8, n::numeric, x::text, v::text, id::text, b::int, n::text || 'z', b",
			"D[b:25,n:20,n:1700,x:25,v:25,id:25,b:23,?column?:25,b:16] R[true 5 5 1.50 ab 4 1 5z true] C:INSERT 0 1"},
		{"UPDATE rt SET n = n + 1 WHERE id = 2 RETURNING b::text, n::text, n::varchar AS q, (n + 1)::text, n + 1 AS b, upper(v) AS v, CAST(b AS text), x::float8, rt.n::int2",
			"D[b:25,n:25,q:1043,text:25,b:23,v:25,b:25,x:701,n:21] R[false 8 8 9 9 CD false 2.5 8] C:UPDATE 1"},
		// A cast to varchar(n) or char(n) cuts the boolean's text.
		{"UPDATE rt SET n = n WHERE id = 1 RETURNING b::varchar(3), b::char(5), CAST(b AS varchar(2)), n::char(3)",
			"D[b:1043,b:1042,b:1043,n:1042] R[tru true  tr 5  ] C:UPDATE 1"},
		{"DELETE FROM rt WHERE id = 2 RETURNING b::text, CAST(n AS text), x::text, id::int8, b, v",
			"D[b:25,n:25,x:25,id:20,b:16,v:1043] R[false 8 2.5 2 false cd] C:DELETE 1"},
	} {
		// The simple protocol first, in a transaction rolled back so the
		// extended run below sees the same rows (a sequence does not roll back:
		// the INSERT's values are compared once, below).
		mustQ(t, s, "BEGIN", "")
		simple, err := q(t, s, c.sql)
		if err != nil {
			t.Fatalf("simple %s: %v", c.sql, err)
		}
		mustQ(t, s, "ROLLBACK", "")
		if simple != c.want && !strings.HasPrefix(c.sql, "INSERT") {
			t.Errorf("simple %s:\n got %s\nwant %s", c.sql, simple, c.want)
		}
		// The extended protocol: Prepare describes without executing.
		ps, err := s.Prepare(context.Background(), c.sql, nil)
		if err != nil {
			t.Fatalf("prepare %s: %v", c.sql, err)
		}
		var desc []string
		for _, col := range ps.Columns() {
			desc = append(desc, fmt.Sprintf("%s:%d", col.Name, col.TypeOID))
		}
		if d := strings.SplitN(simple, " ", 2)[0]; d != "D["+strings.Join(desc, ",")+"]" {
			t.Errorf("simple %s: described %s, extended %s", c.sql, d, strings.Join(desc, ","))
		}
		w := &rec{}
		if err := ps.Execute(context.Background(), nil, w); err != nil {
			t.Fatalf("execute %s: %v", c.sql, err)
		}
		got := "D[" + strings.Join(desc, ",") + "] " + strings.Join(w.out, " ")
		if got != c.want {
			t.Errorf("extended %s:\n got %s\nwant %s", c.sql, got, c.want)
		}
	}
}
