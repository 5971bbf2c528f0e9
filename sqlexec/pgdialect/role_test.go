package pgdialect

import (
	"errors"
	"testing"
)

func TestRoleStatements(t *testing.T) {
	for _, c := range []struct {
		in, op, names, pw string
		su, login         string // "t", "f" or "" (not given)
		code              string
	}{
		{in: "CREATE ROLE alice", op: "CREATE", names: "alice"},
		{in: "create user Bob with password 'x''y'", op: "CREATE", names: "bob", pw: "x'y", login: "t"},
		{in: `CREATE ROLE "Carol" SUPERUSER NOLOGIN ENCRYPTED PASSWORD E'a\nb'`, op: "CREATE", names: "Carol", pw: "a\nb", su: "t", login: "f"},
		{in: "ALTER ROLE alice WITH PASSWORD $$p$$ NOSUPERUSER;", op: "ALTER", names: "alice", pw: "p", su: "f"},
		{in: "ALTER USER alice LOGIN INHERIT", op: "ALTER", names: "alice", login: "t"},
		{in: "DROP ROLE IF EXISTS a, \"B\"", op: "DROP", names: "a,B"},
		{in: "DROP USER a", op: "DROP", names: "a"},
		{in: "CREATE ROLE r CREATEDB", code: "0A000"},
		{in: "CREATE ROLE r VALID UNTIL 'infinity'", code: "0A000"},
		{in: "ALTER ROLE r RENAME TO s", code: "0A000"},
		{in: "ALTER ROLE r SET search_path = x", code: "0A000"},
		{in: "CREATE USER MAPPING FOR x SERVER y", code: "0A000"},
		{in: "CREATE ROLE", code: "42601"},
		{in: "CREATE ROLE r PASSWORD", code: "42601"},
		{in: "CREATE ROLE r PASSWORD 5", code: "42601"},
		{in: "DROP ROLE a b", code: "42601"},
		{in: "CREATE ROLE 'r'", code: "42601"},
	} {
		st, err := Translate(c.in)
		if c.code != "" {
			var e *Error
			if !errors.As(err, &e) || e.Code != c.code {
				t.Errorf("%s: %v, want %s", c.in, err, c.code)
			}
			continue
		}
		if err != nil || st.Kind != KindRole {
			t.Errorf("%s: %v %+v", c.in, err, st)
			continue
		}
		r := st.Role
		names := ""
		for i, n := range r.Names {
			if i > 0 {
				names += ","
			}
			names += n
		}
		pw := ""
		if r.Password != nil {
			pw = *r.Password
		}
		tf := func(b *bool) string {
			switch {
			case b == nil:
				return ""
			case *b:
				return "t"
			}
			return "f"
		}
		if r.Op != c.op || names != c.names || pw != c.pw || tf(r.Superuser) != c.su || tf(r.Login) != c.login {
			t.Errorf("%s: %+v (names %s, pw %q, su %q, login %q)", c.in, r, names, pw, tf(r.Superuser), tf(r.Login))
		}
	}
}

func FuzzRoleStatement(f *testing.F) {
	for _, s := range []string{"CREATE ROLE a LOGIN PASSWORD 'x'", "ALTER USER b WITH ENCRYPTED PASSWORD", "DROP ROLE IF EXISTS a, b", "CREATE USER \"x\" PASSWORD NULL SUPERUSER"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := Translate(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code == "XX000" {
				t.Fatalf("Translate(%q): %v", s, err)
			}
			return
		}
		if st.Kind == KindRole && (st.Role == nil || len(st.Role.Names) == 0) {
			t.Fatalf("Translate(%q): role statement without a role", s)
		}
	})
}
