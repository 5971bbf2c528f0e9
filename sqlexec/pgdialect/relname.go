package pgdialect

// One namespace for relations: a table, view or index may not take the
// name of a sequence (42P07, as in PostgreSQL, where they are all
// pg_class rows). Sequences are rows of raftsql_sequences, not SQLite
// objects, so SQLite cannot see the clash: the state machine looks up the
// name a CREATE makes before running it (sqlexec/seqdeps.go), at apply,
// so the answer follows the log order.

// CreatedRelation is the table, view or index the SQLite statement
// sqlText creates in the main schema, and whether it says IF NOT EXISTS;
// "" for other statements and for temporary objects.
func CreatedRelation(sqlText string) (name string, ifNotExists bool) {
	if len(sqlText) < 6 || !asciiEqualFold(sqlText[:6], "CREATE") {
		return "", false // the common case, without tokenizing
	}
	x := newTx(sqlText)
	i := 1
	if x.kw(i, "UNIQUE") {
		i++
	}
	switch {
	case x.kw(i, "TABLE"), x.kw(i, "VIEW"):
	case x.kw(i, "INDEX"):
		if x.kw(i+1, "ON") {
			return "", false
		}
	default:
		return "", false // TEMP objects, triggers, virtual tables
	}
	i++
	if x.kw(i, "IF", "NOT", "EXISTS") {
		ifNotExists = true
		i += 3
	}
	if x.T(i).identName() == "temp" && x.isP(i+1, ".") {
		return "", false
	}
	if x.T(i).identName() == "main" && x.isP(i+1, ".") {
		i += 2
	}
	n, _ := x.name(i)
	return n, ifNotExists
}

func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c, d := a[i]|0x20, b[i]|0x20
		if c != d {
			return false
		}
	}
	return true
}

// DroppedIfExists is the index or view the SQLite statement sqlText
// drops with IF EXISTS (object "index" or "view"); "" for other
// statements. PostgreSQL reports a missing one with a NOTICE, which the
// state machine decides at apply (sqlexec/ifexists.go).
func DroppedIfExists(sqlText string) (object, name string) {
	if len(sqlText) < 4 || !asciiEqualFold(sqlText[:4], "DROP") {
		return "", "" // the common case, without tokenizing
	}
	x := newTx(sqlText)
	if !(x.kw(1, "INDEX") || x.kw(1, "VIEW")) || !x.kw(2, "IF", "EXISTS") {
		return "", ""
	}
	name, _ = x.name(4)
	if name == "" {
		return "", ""
	}
	return map[bool]string{true: "index", false: "view"}[x.kw(1, "INDEX")], name
}

// DroppedIndex is the index a DROP INDEX [IF EXISTS] statement drops
// ("" for any other statement).
func DroppedIndex(sqlText string) string {
	if len(sqlText) < 4 || !asciiEqualFold(sqlText[:4], "DROP") {
		return ""
	}
	x := newTx(sqlText)
	if !x.kw(1, "INDEX") {
		return ""
	}
	at := 2
	if x.kw(2, "IF", "EXISTS") {
		at = 4
	}
	name, _ := x.name(at)
	return name
}
