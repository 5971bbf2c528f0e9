package pgdialect

import (
	"reflect"
	"testing"
)

func TestTranslateLock(t *testing.T) {
	for _, c := range []struct {
		sql    string
		locked []string
		err    string // the error message ("" = none)
	}{
		{"LOCK t", []string{"t"}, ""},
		{"LOCK TABLE ONLY public.t * , u IN ACCESS EXCLUSIVE MODE NOWAIT", []string{"t", "u"}, ""},
		{"LOCK TABLE t IN SHARE UPDATE EXCLUSIVE MODE", []string{"t"}, ""},
		{"LOCK TABLE t IN SHARE MODE", []string{"t"}, ""},
		{"LOCK TABLE t IN bogus MODE", nil, `syntax error at or near "bogus"`},
		{"LOCK TABLE t IN SHARE UPDATE MODE", nil, `syntax error at or near "MODE"`},
		{"LOCK TABLE t IN SHARE", nil, "syntax error at end of input"},
		{"LOCK TABLE t NOWAIT x", nil, `syntax error at or near "x"`},
	} {
		st, err := Translate(c.sql)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%s: error %v, want %q", c.sql, err, c.err)
			}
			continue
		}
		if err != nil || st.Kind != KindLock || st.Tag != "LOCK TABLE" || !reflect.DeepEqual(st.Locked, c.locked) {
			t.Errorf("%s: %+v, %v", c.sql, st, err)
		}
	}
}
