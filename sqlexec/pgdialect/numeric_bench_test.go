package pgdialect

import (
	"fmt"
	"testing"
)

// BenchmarkNumeric100k measures inserting 100,000 rows into a table with
// a numeric(12,2) column (one transaction, one prepared statement) and
// sum() over the numeric column and over an integer column.
//
//	go test ./sqlexec/pgdialect -run '^$' -bench Numeric100k -benchtime 3x
func BenchmarkNumeric100k(b *testing.B) {
	const rows = 100_000
	for b.Loop() {
		b.StopTimer()
		db := openCatalogDB(b, "")
		st, err := Translate("CREATE TABLE m (id int PRIMARY KEY, amt numeric(12,2), q int)")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Exec(st.Exec[0]); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		tx, _ := db.Begin()
		ins, err := tx.Prepare("INSERT INTO m VALUES (?, ?, ?)")
		if err != nil {
			b.Fatal(err)
		}
		for i := range rows {
			if _, err := ins.Exec(i, fmt.Sprintf("%d.%02d", i%100000, i%100), i); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		var s1, s2 string
		b.StartTimer()
		if err := db.QueryRow("SELECT sum(amt) FROM m").Scan(&s1); err != nil {
			b.Fatal(err)
		}
		if err := db.QueryRow("SELECT sum(q) FROM m").Scan(&s2); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}

// BenchmarkNumericSum100k measures sum() alone over 100,000 numeric and
// integer values.
func BenchmarkNumericSum100k(b *testing.B) {
	db := openCatalogDB(b, "")
	st, _ := Translate("CREATE TABLE m (id int PRIMARY KEY, amt numeric(12,2), q int)")
	if _, err := db.Exec(st.Exec[0]); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < 99999)
		INSERT INTO m SELECT i, printf('%d.%02d', i, i % 100), i FROM c`); err != nil {
		b.Fatal(err)
	}
	for _, col := range []string{"amt", "q"} {
		b.Run(col, func(b *testing.B) {
			for b.Loop() {
				var s string
				if err := db.QueryRow("SELECT sum(" + col + ") FROM m").Scan(&s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
