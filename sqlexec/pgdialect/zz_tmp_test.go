package pgdialect

import "testing"

func BenchmarkZZTranslateSel(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Translate("SELECT abalance FROM pgbench_accounts WHERE aid = 40181;")
	}
}
