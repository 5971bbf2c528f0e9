package pgdialect

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkTranslateValuesRows translates a multi-row INSERT (a bulk load,
// pg_dump --rows-per-insert, an ORM's batch) of 500 and 5,000 rows: the
// cost per row should not grow with the row count. Three passes once
// walked the statement from its start for each row (literal positions,
// FROM-item commas, pg_dump's catalog words by regular expression), which
// made 5,000 rows take 60 times the time of 500.
func BenchmarkTranslateValuesRows(b *testing.B) {
	for _, n := range []int{500, 5000} {
		var sql strings.Builder
		sql.WriteString("INSERT INTO bulk VALUES ")
		for i := range n {
			if i > 0 {
				sql.WriteString(", ")
			}
			fmt.Fprintf(&sql, "(%d, '%s')", i, strings.Repeat("x", 64))
		}
		b.Run(fmt.Sprintf("rows%d", n), func(b *testing.B) {
			for range b.N {
				lexMemo.Lock()
				lexMemo.long.l = nil // each translation lexes, as a new statement does
				lexMemo.Unlock()
				if _, err := Translate(sql.String()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
		})
	}
}
