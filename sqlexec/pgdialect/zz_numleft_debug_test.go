package pgdialect

import (
	"os"
	"strings"
	"testing"
)

func TestZZNumleftDebug(t *testing.T) {
	for _, q := range strings.Split(os.Getenv("NLQ"), ";;") {
		st, err := Translate(q)
		if err != nil {
			t.Logf("%s\n  ERR %v", q, err)
			continue
		}
		t.Logf("%s\n  => %q", q, st.Exec)
	}
}
