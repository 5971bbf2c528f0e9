package pgdialect

import "testing"

// BenchmarkColumnSum100k measures a + b of two integer columns and ts +
// iv of a timestamp and an interval column over 100,000 rows (the
// translated statement: a sum of two columns takes columnDTOperator's
// CASE form, whose test is constant per statement).
//
//	go test ./sqlexec/pgdialect -run '^$' -bench ColumnSum100k
func BenchmarkColumnSum100k(b *testing.B) {
	db := openCatalogDB(b, "")
	st, _ := Translate("CREATE TABLE cs (id int PRIMARY KEY, a int, c int, ts timestamp, iv interval)")
	if _, err := db.Exec(st.Exec[0]); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < 99999)
		INSERT INTO cs SELECT i, i, i % 7, '2024-01-01 00:00:00', '1 day' FROM c`); err != nil {
		b.Fatal(err)
	}
	for name, q := range map[string]string{"int": "SELECT max(a + c) FROM cs", "timestamp": "SELECT max(ts + iv) FROM cs"} {
		st, err := Translate(q)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				var s string
				if err := db.QueryRow(st.Exec[0]).Scan(&s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
