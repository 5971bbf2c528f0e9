package pgdialect

import (
	"errors"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"CREATE TABLE c (a int REFERENCES p(id) ON DELETE SET NULL (a) INITIALLY DEFERRED, CONSTRAINT k FOREIGN KEY (a) REFERENCES p DEFERRABLE)",
	"ALTER TABLE c ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES p NOT DEFERRABLE INITIALLY IMMEDIATE; SET CONSTRAINTS f, public.g DEFERRED",
	"SELECT 1; SELECT 2", "SELECT 'a;b' -- c\n; /* x /* y */ */ SELECT $1::int",
	"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END; END; SELECT 3",
	"SELECT $a$ ; $a$, E'\\'', \"q;\"", "COPY t (a) FROM STDIN WITH (FORMAT csv, HEADER true)",
	"SELECT c.oid::pg_catalog.regclass::pg_catalog.text FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^x$'",
	"CREATE TABLE t (id serial PRIMARY KEY, d timestamp(3) with time zone DEFAULT now(), e text DEFAULT 'x'::text)",
	"ALTER TABLE t ADD PRIMARY KEY (a), ADD CONSTRAINT f FOREIGN KEY (b) REFERENCES u", "SET LOCAL x TO 'y'",
	"SELECT * FROM generate_series(1, $1) AS g(x)", "SELECT x::", "SELECT ((", "SELECT )))", "::", "$", "$1$", "'", "E'\\",
	"SELECT CAST(", "SELECT OPERATOR(", "DROP TABLE IF EXISTS", "TRUNCATE ,", "SELECT a FROM t WHERE a ~", "SELECT -- x",
	"SELECT date '2024-01-31' + 1 - interval '1' day * 2 AT TIME ZONE 'UTC' < now()", "SELECT x AT TIME ZONE", "SELECT extract(",
	"SELECT extract(epoch FROM", "SELECT age(", "SELECT interval '1' hour to", "SELECT * FROM generate_series(date 'x', now(), interval '1 day') g",
	// arrays (array_translate.go)
	"SELECT ARRAY[1,2][1:], a[:2], a[1], ARRAY[]::int[] || ARRAY(SELECT x FROM t) FROM t WHERE x = ANY($1) AND y <> ALL(a)",
	"SELECT id, unnest(tags) FROM t, unnest(t.a) AS u(x) WHERE u.x && '{1}'", "SELECT ARRAY[", "SELECT a[", "SELECT x = ANY(",
	"SELECT unnest(", "SELECT * FROM unnest(", "CREATE TABLE t (a int[], b varchar(3) ARRAY, c _text)", "SELECT '{1}'::int[",
	"SELECT a[1:", "SELECT ARRAY]", "SELECT ]", "SELECT a[]", "SELECT CAST(a AS int[])", "SELECT x = ANY(SELECT 1)",
	// numeric literals at PostgreSQL 15's lexer and numeric limits; new
	// functions' edges (fuzzfix)
	"SELECT .5e, 1e+", "SELECT 0x1F, 1_000, 1AND 2", "SELECT 1e131072, 9e-16384, 1e-1001, 0e200000", "SELECT date(",
	"SELECT make_interval(1, years => 2, secs := 1e300)", "SELECT (1, 2) OVERLAPS (3, 4)", "SET CONSTRAINTS a.b.c, nosch.x DEFERRED",
}

func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, c := range translateCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pieces := Split(s)
		// The significant tokens (neither whitespace, comments nor top-level
		// semicolons) of the input are exactly those of the pieces, in order.
		want := sigTokens(s)
		var got []string
		for _, p := range pieces {
			// PostgreSQL's whitespace only: U+205F and other Unicode
			// spaces are characters of a statement (a syntax error).
			if strings.Trim(p, " \t\n\r\f\v") == "" {
				t.Fatalf("Split(%q) returned an empty piece", s)
			}
			got = append(got, sigTokens(p)...)
		}
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("Split(%q) = %q: tokens\n got %q\nwant %q", s, pieces, got, want)
		}
	})
}

func sigTokens(s string) []string {
	var out []string
	for _, t := range lex(s) {
		if t.trivia() || t.typ == tPunct && t.text == ";" {
			continue
		}
		out = append(out, t.text)
	}
	return out
}

func FuzzTranslate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, c := range translateCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range append(Split(s), s) {
			st, err := Translate(p)
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Translate(%q): error %T is not *Error", p, err)
				}
				if e.Code == "XX000" {
					t.Fatalf("Translate(%q): internal error: %v", p, err)
				}
				continue
			}
			if st.ParamCount != len(st.ParamOIDs) {
				t.Fatalf("Translate(%q): ParamCount %d, %d ParamOIDs", p, st.ParamCount, len(st.ParamOIDs))
			}
		}
	})
}
