package pgdialect

import "testing"

func TestZZProbe(t *testing.T) {
	for _, q := range []string{
		"SELECT id FROM (SELECT id, s FROM pt_t) q WHERE q.s = $1",
	} {
		st, err := Translate(q)
		if err != nil {
			t.Log(err)
			continue
		}
		t.Logf("%s\n  => %q %v %v", q, st.Exec, st.ParamOIDs, st.ParamCols)
	}
}
