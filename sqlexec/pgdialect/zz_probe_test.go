package pgdialect

import (
	"os"
	"testing"
)

func TestZZProbe(t *testing.T) {
	st, err := Translate(os.Getenv("ZZSQL"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range st.Exec {
		t.Log(e)
	}
}
