package pgdialect

import (
	"errors"
	"strings"
	"testing"
)

// TestTableSample: TABLESAMPLE is refused as unsupported, at its keyword.
func TestTableSample(t *testing.T) {
	for _, q := range []string{
		"SELECT id FROM t TABLESAMPLE SYSTEM (50)",
		"SELECT id FROM t AS s TABLESAMPLE bernoulli (10) REPEATABLE (1)",
	} {
		_, err := Translate(q)
		var e *Error
		if !errors.As(err, &e) || e.Code != "0A000" || e.Position != strings.Index(strings.ToUpper(q), "TABLESAMPLE")+1 {
			t.Errorf("Translate(%q) = %v, want 0A000 at TABLESAMPLE", q, err)
		}
	}
}

// TestTableSampleMethod: a method PostgreSQL does not have is its 42704.
func TestTableSampleMethod(t *testing.T) {
	_, err := Translate("SELECT * FROM u, t x TABLESAMPLE system_rows(3)")
	var e *Error
	if !errors.As(err, &e) || e.Code != "42704" || e.Message != "tablesample method system_rows does not exist" || e.Position != 34 {
		t.Errorf("got %v, want 42704 at the method", err)
	}
}
