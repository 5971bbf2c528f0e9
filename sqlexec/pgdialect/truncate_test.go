package pgdialect

import (
	"encoding/hex"
	"reflect"
	"strings"
	"testing"
)

// truncMark is the mark a TRUNCATE of tables puts on each DELETE.
func truncMark(mode string, tables ...string) string {
	h := make([]string, len(tables))
	for i, t := range tables {
		h[i] = hex.EncodeToString([]byte(t))
	}
	return truncateMark + mode + " " + strings.Join(h, ",") + " */"
}

func TestParseTruncate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Truncate
	}{
		{"TRUNCATE p", Truncate{Table: "p", Set: []string{"p"}}},
		{`TRUNCATE TABLE "Odd */ name", c CASCADE`, Truncate{Table: "Odd */ name", Cascade: true, Set: []string{"Odd */ name", "c"}}},
		{"TRUNCATE p RESTART IDENTITY CASCADE", Truncate{Table: "p", Cascade: true, Restart: true, Set: []string{"p"}}},
	} {
		st, err := Translate(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		got, ok := ParseTruncate(st.Exec[0])
		if !ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: ParseTruncate(%q) = %+v, %v; want %+v", c.in, st.Exec[0], got, ok, c.want)
		}
	}
	for _, s := range []string{"DELETE FROM p", "DELETE FROM p WHERE 0 /* raftsql:truncate restrict 70 */", "SELECT 1 /* raftsql:truncate restrict 70 */", "DELETE FROM p /* raftsql:truncate maybe 70 */"} {
		if _, ok := ParseTruncate(s); ok {
			t.Errorf("ParseTruncate(%q) recognized", s)
		}
	}
}
