package pgdialect

import "testing"

func TestPinConstraintNames(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`CREATE TABLE t (a int)`, `CREATE TABLE t (a int)`},
		{`CREATE TABLE t (id int4 NOT NULL PRIMARY KEY, b int UNIQUE, c int REFERENCES p (id) ON DELETE CASCADE)`,
			`CREATE TABLE t (id int4 NOT NULL CONSTRAINT t_pkey PRIMARY KEY, b int CONSTRAINT t_b_key UNIQUE, c int CONSTRAINT t_c_fkey REFERENCES p (id) ON DELETE CASCADE)`},
		{`CREATE TABLE t (a int, b int, PRIMARY KEY (a, b), UNIQUE (b, a), FOREIGN KEY (a) REFERENCES p)`,
			`CREATE TABLE t (a int, b int, CONSTRAINT t_pkey PRIMARY KEY (a, b), CONSTRAINT t_b_a_key UNIQUE (b, a), CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES p)`},
		{`CREATE TABLE t (a int CONSTRAINT k PRIMARY KEY, CONSTRAINT u UNIQUE (a), CONSTRAINT pgdialect_x CHECK (a > 0))`,
			`CREATE TABLE t (a int CONSTRAINT k PRIMARY KEY, CONSTRAINT u UNIQUE (a), CONSTRAINT pgdialect_x CHECK (a > 0))`},
	} {
		if got := PinConstraintNames(c.in, "t"); got != c.want {
			t.Errorf("PinConstraintNames(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
