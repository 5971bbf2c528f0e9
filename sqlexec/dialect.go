package sqlexec

// The PostgreSQL dialect layer as seen by sessions, behind a small
// interface; dialect_pg.go wires it to sqlexec/pgdialect.

type dkind uint8

const (
	kQuery dkind = iota
	kBegin
	kCommit
	kRollback
	kSavepoint
	kRelease
	kRollbackTo
	kSet
	kShow
	kReset
	kCopyFrom
	kCopyTo
	kNoop
	kDropTables
	kTruncate
	kSetTransaction
	kEmpty
)

type dcopy struct {
	Table     string
	Columns   []string
	Format    string
	Delimiter string
	Null      string
	Quote     string
	Escape    string
	Header    bool
	Query     string
}

// dstmt mirrors pgdialect.Stmt.
type dstmt struct {
	Kind         dkind
	Exec         []string
	Tag          string
	Name         string
	Value        string
	Local        bool
	Copy         *dcopy
	DropIfExists []string
	ParamCount   int
	ParamOIDs    []uint32
	ColumnOIDs   []uint32   // result column types inferred by the dialect (0 = unknown)
	ParamCols    []paramCol // per parameter: the table column it is stored into / compared with
	ReadOnly     bool
}

type dialect interface {
	Split(sql string) []string
	Translate(sql string) (*dstmt, error)
}

// activeDialect is set to pgdialect by dialect_pg.go.
var activeDialect dialect

type paramCol struct{ Table, Column string }
