package raftsql

import (
	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// newWireServer builds the SQL engine over db, with this node as its
// replicator and the source of its node settings (SHOW raftsql.*), and the
// PostgreSQL server that calls the engine directly.
func (n *Node) newWireServer(db *sqlexec.DB, cfg Config) {
	engine := sqlexec.NewEngine(db, (*replicator)(n), sqlexec.EngineOptions{
		ServerVersion: pgdialect.PostgresVersion + " (raftsql " + Version + ")",
		NodeSettings:  (*nodeSettings)(n),
		ClusterAdmin:  (*clusterAdmin)(n),
	})
	n.pg = pgwire.NewServer(pgwire.Config{
		Engine:         engine,
		Logger:         n.log,
		MaxConnections: cfg.MaxConnections,
	})
}
