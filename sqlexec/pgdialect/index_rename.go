package pgdialect

// index_rename.go: ALTER INDEX [IF EXISTS] name RENAME TO new (GORM's
// Migrator().RenameIndex, pg_dump-restored schemas renamed by hand).
// SQLite cannot rename an index; the session re-creates it from its
// stored definition under the new name (sqlexec/index_rename.go), which
// changes nothing else: an index changes no result.

// IndexRename is a parsed ALTER INDEX ... RENAME TO.
type IndexRename struct {
	Index, To string
	IfExists  bool
}

// alterIndex translates ALTER INDEX (INDEX at 1).
func (x *tx) alterIndex() (*Stmt, error) {
	i := 2
	ifExists := x.kw(i, "IF", "EXISTS")
	if ifExists {
		i += 2
	}
	name, j := x.name(i)
	if name == "" {
		return nil, x.syntaxErrAt(i)
	}
	if !x.kw(j, "RENAME", "TO") {
		return nil, unsupported("ALTER INDEX is not supported but for RENAME TO")
	}
	to, e := x.name(j + 2)
	if to == "" || x.isP(j+3, ".") {
		return nil, x.syntaxErrAt(j + 2)
	}
	if e < x.n() {
		return nil, x.syntaxErrAt(e)
	}
	return &Stmt{Kind: KindQuery, Tag: "ALTER INDEX", NoRows: true, IndexRename: &IndexRename{Index: name, To: to, IfExists: ifExists}}, nil
}

// RenamedIndexSQL is the stored CREATE INDEX statement createSQL with
// the index named to instead; false when its name cannot be found.
func RenamedIndexSQL(createSQL, to string) (string, bool) {
	x := newTx(createSQL)
	in := x.findKw(0, x.n(), 0, "INDEX")
	if in < 0 {
		return "", false
	}
	k := in + 1
	if x.kw(k, "IF", "NOT", "EXISTS") {
		k += 3
	}
	name, j := x.name(k)
	if name == "" || !x.kw(j, "ON") {
		return "", false
	}
	lo, last := x.T(k), x.T(j-1)
	return createSQL[:lo.pos] + quoteIdent(to) + createSQL[last.pos+len(last.text):], true
}
