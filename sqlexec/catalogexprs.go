package sqlexec

import "strings"

// catalogExprs evaluates SQL expressions that read only the catalog (a
// compiled statement's declared-type lookups: literal table and column
// names, never the statement's rows), each NULL as "", in one query on
// c. ok=false when they cannot be evaluated here (the run-time checks
// decide then). The caller holds the catalog's authorization (authOff).
// The statement checks made when a statement compiles (concatcheck.go,
// assigncheck.go) share it.
func catalogExprs(c *lconn, exprs ...string) (vals []string, ok bool) {
	type answer struct {
		vals []string
		ok   bool
	}
	a := catalogRead(c, "exprs\x00"+strings.Join(exprs, "\x00"), func() answer { // catalogcache.go
		vals, ok := evalCatalogExprs(c, exprs)
		return answer{vals, ok}
	})
	return a.vals, a.ok
}

// evalCatalogExprs evaluates catalogExprs' expressions.
func evalCatalogExprs(c *lconn, exprs []string) (vals []string, ok bool) {
	parts := make([]string, len(exprs))
	for i, e := range exprs {
		parts[i] = "CAST(coalesce((" + e + "), '') AS TEXT)" // a number read as its text too
	}
	v, err := queryStrings(c, "SELECT "+strings.Join(parts, " || char(1) || "))
	if err != nil || len(v) != 1 {
		return nil, false
	}
	vals = strings.Split(v[0], "\x01")
	return vals, len(vals) == len(exprs)
}
