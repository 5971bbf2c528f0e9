package pgdialect

import (
	"strconv"
	"strings"
	"testing"
)

// BenchmarkAnyParam: WHERE id = ANY($1) with 100 keys over a 100,000-row
// table (SQLite's IN over json_each: one primary key lookup per key).
func BenchmarkAnyParam(b *testing.B) {
	db := openCatalogDB(b, "")
	ct, err := Translate("CREATE TABLE big (id bigint PRIMARY KEY, v text)")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec(ct.Exec[0]); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) INSERT INTO big SELECT i, 'x' FROM n"); err != nil {
		b.Fatal(err)
	}
	st, err := Translate("SELECT count(*) FROM big WHERE id = ANY($1)")
	if err != nil {
		b.Fatal(err)
	}
	keys := make([]string, 100)
	for i := range keys {
		keys[i] = strconv.Itoa((i + 1) * 997)
	}
	arg := "{" + strings.Join(keys, ",") + "}"
	var plan []string
	rows, err := db.Query("EXPLAIN QUERY PLAN "+st.Exec[0], arg)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			b.Fatal(err)
		}
		plan = append(plan, detail)
	}
	rows.Close()
	b.Logf("plan: %s", strings.Join(plan, "; "))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var n int
		if err := db.QueryRow(st.Exec[0], arg).Scan(&n); err != nil || n != 100 {
			b.Fatal(n, err)
		}
	}
}
