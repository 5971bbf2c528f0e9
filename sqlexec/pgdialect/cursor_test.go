package pgdialect

import "testing"

func TestCursorStatements(t *testing.T) {
	for _, c := range []struct {
		sql  string
		kind Kind
		name string
		dir  Direction
		move bool
		code string
	}{
		{sql: "FETCH c", kind: KindFetch, name: "c", dir: Direction{Kind: DirForward, Count: 1}},
		{sql: "fetch next from C", kind: KindFetch, name: "c", dir: Direction{Kind: DirForward, Count: 1}},
		{sql: "FETCH 100 FROM _psql_cursor", kind: KindFetch, name: "_psql_cursor", dir: Direction{Kind: DirForward, Count: 100}},
		{sql: "FETCH FORWARD 100 FROM \"Cur\"", kind: KindFetch, name: "Cur", dir: Direction{Kind: DirForward, Count: 100}},
		{sql: "FETCH -2 IN c", kind: KindFetch, name: "c", dir: Direction{Kind: DirForward, Count: -2}},
		{sql: "FETCH PRIOR c", kind: KindFetch, name: "c", dir: Direction{Kind: DirBackward, Count: 1}},
		{sql: "FETCH BACKWARD ALL c", kind: KindFetch, name: "c", dir: Direction{Kind: DirBackward, Count: -1, All: true}},
		{sql: "FETCH ALL c", kind: KindFetch, name: "c", dir: Direction{Kind: DirForward, Count: -1, All: true}},
		{sql: "FETCH ABSOLUTE -1 FROM c", kind: KindFetch, name: "c", dir: Direction{Kind: DirAbsolute, Count: -1}},
		{sql: "FETCH LAST c", kind: KindFetch, name: "c", dir: Direction{Kind: DirAbsolute, Count: -1}},
		{sql: "FETCH RELATIVE +3 c", kind: KindFetch, name: "c", dir: Direction{Kind: DirRelative, Count: 3}},
		{sql: "MOVE FORWARD ALL IN c", kind: KindFetch, name: "c", dir: Direction{Kind: DirForward, Count: -1, All: true}, move: true},
		{sql: "FETCH ABSOLUTE FROM c", code: "42601"},
		{sql: "FETCH 1 FROM c extra", code: "42601"},
		{sql: "FETCH", code: "42601"},
		{sql: "CLOSE ALL", kind: KindClose},
		{sql: "CLOSE c", kind: KindClose, name: "c"},
		{sql: "CLOSE c d", code: "42601"},
		{sql: "DECLARE c CURSOR FOR SELECT 1", kind: KindDeclare, name: "c"},
		{sql: "DECLARE c NO SCROLL CURSOR WITH HOLD FOR VALUES (1)", kind: KindDeclare, name: "c"},
		{sql: "DECLARE c SCROLL NO SCROLL CURSOR FOR SELECT 1", code: "42P11"},
		{sql: "DECLARE c BINARY CURSOR FOR SELECT 1", code: "0A000"},
		{sql: "DECLARE c CURSOR FOR DELETE FROM t", code: "42601"},
		{sql: "DECLARE c CURSOR SELECT 1", code: "42601"},
	} {
		st, err := Translate(c.sql)
		if c.code != "" {
			if e, ok := err.(*Error); !ok || e.Code != c.code {
				t.Errorf("%s: %v, want SQLSTATE %s", c.sql, err, c.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if st.Kind != c.kind || st.Name != c.name {
			t.Errorf("%s: kind %v name %q", c.sql, st.Kind, st.Name)
			continue
		}
		if c.kind == KindFetch && (st.Cursor.Dir != c.dir || st.Cursor.Move != c.move) {
			t.Errorf("%s: %+v move=%v, want %+v move=%v", c.sql, st.Cursor.Dir, st.Cursor.Move, c.dir, c.move)
		}
	}
	st, _ := Translate("DECLARE c NO SCROLL CURSOR WITH HOLD FOR SELECT $1::int")
	if sp := st.Cursor; !sp.NoScroll || !sp.Hold || sp.Query != "SELECT $1::int" {
		t.Errorf("DECLARE spec %+v", sp)
	}
}
