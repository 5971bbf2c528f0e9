package pgdialect

// Transaction modes of BEGIN / START TRANSACTION, SET TRANSACTION and SET
// SESSION CHARACTERISTICS AS TRANSACTION, read as PostgreSQL's grammar
// reads transaction_mode_list: items separated by commas or blanks, each
// ISOLATION LEVEL {SERIALIZABLE | REPEATABLE READ | READ COMMITTED | READ
// UNCOMMITTED}, READ ONLY, READ WRITE, DEFERRABLE or NOT DEFERRABLE. Each
// item is the setting PostgreSQL assigns for it, in order (a later item
// overrides an earlier one, as there), so the session applies them with
// the checks of those settings. A word that is no mode was accepted and
// ignored (BEGIN ISOLATION LEVEL foo began a transaction); it is 42601 at
// that word, as in PostgreSQL.

// TxMode is one transaction mode: the setting it assigns
// (transaction_isolation, transaction_read_only, transaction_deferrable)
// and the value, as SHOW prints it.
type TxMode struct {
	Name, Value string
}

// txModes reads the transaction modes from token i to the end; empty
// says whether none at all is allowed (BEGIN's list may be empty).
func (x *tx) txModes(i int, empty bool) ([]TxMode, error) {
	var modes []TxMode
	if i >= x.n() && !empty {
		return nil, x.syntaxErrAt(i)
	}
	for i < x.n() {
		if len(modes) > 0 && x.isP(i, ",") {
			i++
		}
		switch {
		case x.kw(i, "ISOLATION", "LEVEL"):
			i += 2
			var level string
			switch {
			case x.kw(i, "SERIALIZABLE"):
				level, i = "serializable", i+1
			case x.kw(i, "REPEATABLE", "READ"):
				level, i = "repeatable read", i+2
			case x.kw(i, "READ", "COMMITTED"):
				level, i = "read committed", i+2
			case x.kw(i, "READ", "UNCOMMITTED"):
				level, i = "read uncommitted", i+2
			case x.kw(i, "REPEATABLE") || x.kw(i, "READ"):
				return nil, x.syntaxErrAt(i + 1)
			default:
				return nil, x.syntaxErrAt(i)
			}
			modes = append(modes, TxMode{"transaction_isolation", level})
		case x.kw(i, "READ", "ONLY"):
			modes = append(modes, TxMode{"transaction_read_only", "on"})
			i += 2
		case x.kw(i, "READ", "WRITE"):
			modes = append(modes, TxMode{"transaction_read_only", "off"})
			i += 2
		case x.kw(i, "DEFERRABLE"):
			modes = append(modes, TxMode{"transaction_deferrable", "on"})
			i++
		case x.kw(i, "NOT", "DEFERRABLE"):
			modes = append(modes, TxMode{"transaction_deferrable", "off"})
			i += 2
		case x.kw(i, "READ") || x.kw(i, "ISOLATION") || x.kw(i, "NOT"):
			return nil, x.syntaxErrAt(i + 1)
		default:
			return nil, x.syntaxErrAt(i)
		}
	}
	return modes, nil
}

// txChain reads the end of COMMIT or ROLLBACK from token i: nothing, AND
// CHAIN or AND NO CHAIN. Anything else is 42601 (it was ignored, so
// COMMIT AND CHAIN committed and started nothing).
func (x *tx) txChain(i int) (bool, error) {
	if i >= x.n() {
		return false, nil
	}
	if !x.kw(i, "AND") {
		return false, x.syntaxErrAt(i)
	}
	j := i + 1
	no := x.kw(j, "NO")
	if no {
		j++
	}
	if !x.kw(j, "CHAIN") {
		return false, x.syntaxErrAt(j)
	}
	if j+1 < x.n() {
		return false, x.syntaxErrAt(j + 1)
	}
	return !no, nil
}

// commandNoTxBlock is Stmt.NoTxBlock of a maintenance command that
// starts with first: VACUUM, and REINDEX CONCURRENTLY, REINDEX SCHEMA,
// SYSTEM or DATABASE, as PostgreSQL 15 names them.
func (x *tx) commandNoTxBlock(first string) string {
	switch first {
	case "VACUUM":
		return "VACUUM"
	case "REINDEX":
		i := 1
		concurrently := false
		if x.isP(i, "(") {
			for i < x.n() && !x.isP(i, ")") {
				concurrently = concurrently || x.kw(i, "CONCURRENTLY")
				i++
			}
			i++
		}
		if concurrently {
			return "REINDEX CONCURRENTLY"
		}
		kind := x.T(i).upper()
		if x.kw(i+1, "CONCURRENTLY") {
			return "REINDEX CONCURRENTLY"
		}
		switch kind {
		case "SCHEMA", "SYSTEM", "DATABASE":
			return "REINDEX " + kind
		}
	}
	return ""
}
