package sqlexec

// GENERATED ALWAYS AS IDENTITY columns refuse explicit values (428C9),
// checked by the session against its node's schema before a statement is
// proposed (pgdialect/identity.go). The columns are cached per schema
// version, so a statement on a schema without such columns costs one
// atomic load.

import (
	"context"
	"fmt"
	"sync"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

type identityCache struct {
	mu     sync.Mutex
	at     int64 // schema version of tables; 0: not loaded
	tables map[string]identityTable
}

type identityTable struct {
	cols   []string
	always map[string]bool
}

// identityTables returns the tables that have GENERATED ALWAYS columns.
func (db *DB) identityTables(ctx context.Context) (map[string]identityTable, error) {
	v := db.schemaVer.Load()
	db.identity.mu.Lock()
	defer db.identity.mu.Unlock()
	if db.identity.at == v && v != 0 {
		return db.identity.tables, nil
	}
	var tables map[string]identityTable
	err := db.withReader(ctx, func(c *lconn) error {
		c.syncSchema()
		var err error
		tables, err = loadIdentityTables(c)
		return err
	})
	if err != nil {
		return nil, err
	}
	db.identity.at, db.identity.tables = v, tables
	return tables, nil
}

// loadIdentityTables reads the tables that have identity columns from
// the schema c sees.
func loadIdentityTables(c *lconn) (map[string]identityTable, error) {
	tables := map[string]identityTable{}
	q, _, err := c.prepare(`SELECT s.name, s.sql, p.name FROM main.sqlite_schema s, pragma_table_info(s.name) p
 WHERE s.type = 'table' AND s.sql LIKE '%/*identity:a:%' ORDER BY s.name, p.cid`)
	if err != nil {
		return nil, err
	}
	defer q.release()
	_, err = q.run(nil, func(r []any) error {
		name, _ := r[0].(string)
		tsql, _ := r[1].(string)
		col, _ := r[2].(string)
		t, ok := tables[name]
		if !ok {
			t = identityTable{always: map[string]bool{}}
		}
		t.cols = append(t.cols, col)
		if pgdialect.IdentityAlwaysColumn(tsql, col) {
			t.always[col] = true
		}
		tables[name] = t
		return nil
	})
	return tables, err
}

// checkIdentity refuses an INSERT or UPDATE (PostgreSQL text sql) that
// gives a GENERATED ALWAYS column an explicit value.
func (s *Session) checkIdentity(ctx context.Context, sql string) error {
	var tables map[string]identityTable
	var err error
	if s.tx != nil && s.tx.schemaChanged {
		// the transaction's own CREATE, ALTER ... SET GENERATED, DROP
		// IDENTITY: the schema it sees, not the node's
		err = s.onTxState(ctx, func(c *lconn) error {
			var err error
			tables, err = loadIdentityTables(c)
			return err
		})
	} else {
		tables, err = s.e.db.identityTables(ctx)
	}
	if err != nil || len(tables) == 0 {
		return nil // nothing to check (an error here is not the statement's)
	}
	v := pgdialect.CheckIdentityAlways(sql, func(table string) ([]string, map[string]bool) {
		t := tables[table]
		return t.cols, t.always
	})
	if v == nil {
		return nil
	}
	detail := fmt.Sprintf("Column \"%s\" is an identity column defined as GENERATED ALWAYS.", v.Column)
	if v.Update {
		return &Error{Code: CodeGeneratedAlways, Message: fmt.Sprintf("column \"%s\" can only be updated to DEFAULT", v.Column), DetailText: detail}
	}
	return &Error{Code: CodeGeneratedAlways, Message: fmt.Sprintf("cannot insert a non-DEFAULT value into column \"%s\"", v.Column),
		DetailText: detail, HintText: "Use OVERRIDING SYSTEM VALUE to override."}
}
