package pgdialect

import (
	"reflect"
	"testing"
)

func TestTranslateCreateLike(t *testing.T) {
	st, err := Translate(`CREATE TABLE IF NOT EXISTS public.n (x int, LIKE s INCLUDING ALL EXCLUDING INDEXES, CONSTRAINT c CHECK (x > 0), LIKE "S2", "Y" text)`)
	if err != nil {
		t.Fatal(err)
	}
	want := &CreateLike{Table: "n", IfNotExists: true, Elements: []LikeElement{
		{Text: "x int", Column: "x"},
		{Source: "s", Options: LikeAll &^ LikeIndexes},
		{Text: "CONSTRAINT c CHECK (x > 0)"},
		{Source: "S2"},
		{Text: `"Y" text`, Column: "Y"},
	}}
	if st.Kind != KindQuery || st.Tag != "CREATE TABLE" || len(st.Exec) != 0 || !reflect.DeepEqual(st.Like, want) {
		t.Fatalf("got %+v %+v", st, st.Like)
	}
	for sql, msg := range map[string]string{
		"CREATE TABLE n (LIKE s INCLUDING bogus)":      `syntax error at or near "bogus"`,
		"CREATE TABLE n (LIKE s INCLUDE ALL)":          `syntax error at or near "INCLUDE"`,
		"CREATE TEMP TABLE n (LIKE s)":                 "CREATE TEMP TABLE ... (LIKE ...) is not supported",
		"CREATE TABLE n (LIKE s) WITH (fillfactor=70)": "CREATE TABLE ... (LIKE ...) WITH is not supported",
	} {
		if _, err := Translate(sql); err == nil || err.Error() != msg {
			t.Errorf("%s: %v, want %q", sql, err, msg)
		}
	}
}

func TestIndexKeyNames(t *testing.T) {
	for keys, want := range map[string][]string{
		"(a)":                            {"a"},
		"(a, b DESC) WHERE (c > 5)":      {"a", "b"},
		`("Mixed" COLLATE "C", (a + 1))`: {"Mixed", "expr"},
		"(lower(b))":                     {"expr"},
	} {
		if got := IndexKeyNames(keys); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q, want %q", keys, got, want)
		}
	}
	if got := LikeIndexName("t2", []string{"a", "expr"}); got != "t2_a_expr_idx" {
		t.Errorf("LikeIndexName: %s", got)
	}
}
