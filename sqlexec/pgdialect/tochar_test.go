package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
)

// TestToDateUnsupportedPatternSQLState: a template pattern to_date and
// to_timestamp do not read is 0A000 naming it; the function's error was an
// *Error, whose text carries no SQLSTATE, so the client saw XX000.
func TestToDateUnsupportedPatternSQLState(t *testing.T) {
	_, err := fnToDate(nil, []driver.Value{"0005-01-01 BC", "YYYY-MM-DD BC"})
	if err == nil || !strings.HasPrefix(err.Error(), ErrMarker+"0A000: ") || !strings.Contains(err.Error(), `"BC"`) {
		t.Fatalf("to_date with BC: %v, want 0A000 naming the pattern", err)
	}
}
