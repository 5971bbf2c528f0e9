package pgdialect

import "testing"

func TestWithoutNotValidChecks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`CREATE TABLE t (a int, b int)`, `CREATE TABLE t (a int, b int)`},
		{`CREATE TABLE t (a int, CONSTRAINT "c" ` + notValidMark + ` CHECK (a > 0), b int)`, `CREATE TABLE t (a int, b int)`},
		{`CREATE TABLE t (a int, CONSTRAINT "k" CHECK (a > 1), CONSTRAINT "c" ` + notValidMark + ` CHECK (a > 0))`, `CREATE TABLE t (a int, CONSTRAINT "k" CHECK (a > 1))`},
		{`CREATE TABLE t (a int, CONSTRAINT "f" ` + notValidMark + ` FOREIGN KEY (a) REFERENCES p (id))`, `CREATE TABLE t (a int, CONSTRAINT "f" ` + notValidMark + ` FOREIGN KEY (a) REFERENCES p (id))`},
	} {
		if got := WithoutNotValidChecks(c.in); got != c.want {
			t.Errorf("WithoutNotValidChecks(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
