package pgdialect

// One namespace for relations: a table, view or index may not take the
// name of a sequence (42P07, as in PostgreSQL, where they are all
// pg_class rows). Sequences are rows of raftsql_sequences, not SQLite
// objects, so SQLite cannot see the clash: the CREATE is followed by
// pg_seq_name_free(name) (sqlexec/seqdeps.go), which fails the statement,
// and with it the CREATE, at apply when a sequence holds the name then.
// CREATE ... IF NOT EXISTS of a sequence's name is not checked (PostgreSQL
// skips it with a NOTICE; here the object is made), nor are temporary
// objects (their names are the session's own).

// relationNameFree adds the check that no sequence is named name to st,
// a CREATE TABLE / VIEW / INDEX of the shared namespace.
func (x *tx) relationNameFree(st *Stmt, name string, ifNotExists bool) *Stmt {
	if st == nil || name == "" || ifNotExists || x.temp || len(st.Exec) == 0 {
		return st
	}
	st.Exec = append(st.Exec, "SELECT pg_seq_name_free("+quoteLit(name)+")")
	st.NoRows = true
	return st
}
