package pgdialect

import "testing"

func TestTranslateOnConstraint(t *testing.T) {
	sql := `INSERT INTO public.t AS x (a, b) VALUES ($1, 2) ON CONFLICT ON CONSTRAINT "T_pkey" DO UPDATE SET b = excluded.b`
	st, err := Translate(sql)
	if err != nil {
		t.Fatal(err)
	}
	if st.OnConstraint == nil || *st.OnConstraint != (OnConstraint{Table: "t", Constraint: "T_pkey"}) || st.ParamCount != 1 {
		t.Fatalf("%+v %+v", st, st.OnConstraint)
	}
	want := `INSERT INTO public.t AS x (a, b) VALUES ($1, 2) ON CONFLICT (a, "b c") DO UPDATE SET b = excluded.b`
	if got := WithConflictTarget(sql, `a, "b c"`); got != want {
		t.Fatalf("WithConflictTarget:\n got %s\nwant %s", got, want)
	}
	if st, err := Translate("INSERT INTO t VALUES (1) ON CONFLICT (a) DO NOTHING"); err != nil || st.OnConstraint != nil {
		t.Fatalf("a plain conflict target: %+v %v", st, err)
	}
}
