package pgdialect

// LOCK [TABLE] [ONLY] name [*] [, ...] [IN lockmode MODE] [NOWAIT].
//
// raftsql's transactions are optimistic (sqlexec/doc.go): a write
// transaction is validated at COMMIT against every later write, which is
// at least what any table lock would have given it, so the lock itself
// takes nothing. What PostgreSQL checks is kept: the grammar (lock modes
// are an allow-list), that the statement runs in a transaction block
// (25P01) and that every relation exists and is a table or view (the
// session, sqlexec/lock.go, on the transaction's schema).

// lockModes are PostgreSQL's lock modes, each as its words.
var lockModes = [][]string{
	{"ACCESS", "SHARE"}, {"ROW", "SHARE"}, {"ROW", "EXCLUSIVE"},
	{"SHARE", "UPDATE", "EXCLUSIVE"}, {"SHARE", "ROW", "EXCLUSIVE"}, {"SHARE"},
	{"EXCLUSIVE"}, {"ACCESS", "EXCLUSIVE"},
}

// lock parses LOCK (the keyword at 0) into a KindLock statement naming
// the relations in Locked.
func (x *tx) lock() (*Stmt, error) {
	k := 1
	if x.kw(k, "TABLE") {
		k++
	}
	st := &Stmt{Kind: KindLock, Tag: "LOCK TABLE"}
	for {
		n, j, err := x.relation(k)
		if err != nil {
			return nil, err
		}
		st.Locked = append(st.Locked, n)
		k = j
		if !x.isP(k, ",") {
			break
		}
		k++
	}
	if x.kw(k, "IN") {
		k++
		found := false
		for _, m := range lockModes {
			if x.kw(k, m...) && x.kw(k+len(m), "MODE") {
				k += len(m) + 1
				found = true
				break
			}
		}
		if !found {
			// PostgreSQL's grammar fails at the first word that
			// continues no lock mode (the furthest any mode matched).
			bad := k
			for _, m := range lockModes {
				for w := range m {
					if !x.kw(k+w, m[w]) {
						if k+w > bad {
							bad = k + w
						}
						break
					}
				}
			}
			return nil, x.syntaxErrAt(bad)
		}
	}
	if x.kw(k, "NOWAIT") {
		k++
	}
	if k < x.n() {
		return nil, x.syntaxErrAt(k)
	}
	return st, nil
}
