package pgdialect

import (
	"strings"
	"testing"
)

func TestZZMePrint(t *testing.T) {
	for _, q := range []string{
		`SELECT * FROM "users" WHERE "users"."id" = $1 AND "users"."deleted_at" IS NULL ORDER BY "users"."id" LIMIT 1`,
		`SELECT * FROM orders WHERE customer_id = $1 AND created_at > $2 ORDER BY created_at DESC LIMIT 20`,
		`SELECT sum(amount), count(*) FROM orders WHERE status = $1`,
		`UPDATE accounts SET balance = balance + $1 WHERE id = $2`,
		`SELECT id, total * 1.1 FROM orders WHERE total > 100`,
		`INSERT INTO orders (customer_id, amount, created_at) VALUES ($1, $2, $3)`,
	} {
		st, err := Translate(q)
		if err != nil {
			t.Logf("%s => %v", q, err)
			continue
		}
		t.Logf("%s => schema scans %d, len %d", q, strings.Count(st.Exec[0], "sqlite_schema"), len(st.Exec[0]))
	}
}
