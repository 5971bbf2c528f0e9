package pgdialect

import (
	"strings"
	"testing"
)

func TestEditColumn(t *testing.T) {
	create := func(sql string) string {
		st, err := Translate(sql)
		if err != nil {
			t.Fatal(err)
		}
		return st.Exec[0]
	}
	base := create(`CREATE TABLE t (id serial PRIMARY KEY, a int NOT NULL DEFAULT 1 CHECK (a > 0), b varchar(5) REFERENCES p (x) ON DELETE SET NULL, c numeric(4,1), CONSTRAINT u UNIQUE (a, b))`)
	for _, c := range []struct {
		ac        TableChange
		has, lack []string // substrings of the new definition
		code      string
	}{
		{TableChange{Column: "a", Action: "drop default"}, []string{`a int NOT NULL CONSTRAINT t_a_check CHECK (a > 0)`}, []string{"DEFAULT 1"}, ""},
		{TableChange{Column: "A", Action: "set default", Expr: "5"}, []string{"DEFAULT (5)", "CHECK (a > 0)"}, []string{"DEFAULT 1"}, ""},
		{TableChange{Column: "a", Action: "drop not null"}, []string{"a int DEFAULT 1"}, []string{"a int NOT NULL"}, ""},
		{TableChange{Column: "b", Action: "set not null"}, []string{"pg_in_varchar(b, 9) IS b) NOT NULL"}, nil, ""},
		{TableChange{Column: "b", Action: "type", Type: "text"}, []string{`b text REFERENCES p (x) ON DELETE SET NULL`, "pg_in_text(b, -1)"}, []string{"varchar"}, ""},
		{TableChange{Column: "c", Action: "type", Type: "bigint"}, []string{`c bigint`, "pg_in_int8(c, -1)"}, []string{"numeric", "COLLATE"}, ""},
		// the serial marker stays with its own column too (checked below)
		{TableChange{Column: "id", Action: "set not null"}, []string{"NOT NULL"}, nil, ""},
		{TableChange{Column: "id", Action: "drop default"}, nil, []string{"nextval"}, ""},
		{TableChange{Column: "id", Action: "drop not null"}, nil, nil, "42P16"},
		{TableChange{Column: "id", Action: "type", Type: "bigint"}, nil, nil, "0A000"},
		{TableChange{Column: "zz", Action: "set not null"}, nil, nil, "42703"},
		{TableChange{Column: "b", Action: "type", Type: "integer"}, nil, nil, "42804"},
		{TableChange{Column: "a", Action: "type", Type: "date"}, nil, nil, "42804"},
	} {
		c.ac.Table = "t"
		ed, err := EditColumn(base, c.ac)
		if c.code != "" {
			if e, ok := err.(*Error); !ok || e.Code != c.code {
				t.Errorf("%+v: got %v, want SQLSTATE %s", c.ac, err, c.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%+v: %v", c.ac, err)
			continue
		}
		for _, h := range c.has {
			if !strings.Contains(ed.SQL, h) {
				t.Errorf("%+v: %s\nlacks %q", c.ac, ed.SQL, h)
			}
		}
		for _, l := range c.lack {
			if strings.Contains(ed.SQL, l) {
				t.Errorf("%+v: %s\nhas %q", c.ac, ed.SQL, l)
			}
		}
		if !strings.Contains(ed.SQL, `CONSTRAINT u UNIQUE (a, b)`) || !strings.Contains(ed.SQL, "/*serial*/") {
			t.Errorf("%+v: other parts changed: %s", c.ac, ed.SQL)
		}
	}
}

func TestAlterColumnTranslate(t *testing.T) {
	st, err := Translate(`ALTER TABLE public.t ALTER COLUMN a TYPE bigint USING a::bigint, ALTER b SET DEFAULT now(), ALTER c SET STATISTICS 100`)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Exec) != 2 {
		t.Fatalf("Exec = %q", st.Exec)
	}
	a, ok := ParseTableChange(st.Exec[0])
	if !ok || a.Table != "t" || a.Column != "a" || a.Action != "type" || a.Type != "bigint" || !strings.Contains(a.Expr, "int8") {
		t.Errorf("%q -> %+v %v", st.Exec[0], a, ok)
	}
	b, ok := ParseTableChange(st.Exec[1])
	if !ok || b.Column != "b" || b.Action != "set default" || b.Expr == "" {
		t.Errorf("%q -> %+v %v", st.Exec[1], b, ok)
	}
	for _, bad := range []string{"ALTER TABLE t ALTER COLUMN a TYPE int[]", "ALTER TABLE t ALTER COLUMN a TYPE serial", "ALTER TABLE t ALTER COLUMN a BOGUS"} {
		if _, err := Translate(bad); err == nil {
			t.Errorf("%s: want an error", bad)
		}
	}
}
