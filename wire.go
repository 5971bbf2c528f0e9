package raftsql

import (
	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec"
)

// newWireServer builds the SQL engine over db, with this node as its
// replicator, and the PostgreSQL server that calls it.
func (n *Node) newWireServer(db *sqlexec.DB, cfg Config) {
	engine := sqlexec.NewEngine(db, (*replicator)(n), sqlexec.EngineOptions{
		ServerVersion: "15.0 (raftsql " + Version + ")",
	})
	n.pg = pgwire.NewServer(pgwire.Config{
		Engine:         engineAdapter{engine: engine, node: n},
		Logger:         n.log,
		MaxConnections: cfg.MaxConnections,
		ServerVersion:  "15.0 (raftsql " + Version + ")",
	})
}
