package raftsql

import (
	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// newWireServer builds the SQL engine over db, with this node as its
// replicator and the source of its node settings (SHOW raftsql.*), and the
// PostgreSQL server that calls the engine directly.
func (n *Node) newWireServer(db *sqlexec.DB, cfg Config) error {
	auth, err := newClientAuth(n, cfg)
	if err != nil {
		return err
	}
	n.clientAuth = auth
	engine := sqlexec.NewEngine(db, (*replicator)(n), sqlexec.EngineOptions{
		ServerVersion:      pgdialect.PostgresVersion + " (raftsql " + Version + ")",
		NodeSettings:       (*nodeSettings)(n),
		ClusterAdmin:       (*clusterAdmin)(n),
		IsSuperuser:        auth.isSuperuser,
		BootstrapSuperuser: cfg.Superuser,
		CopyChunkBytes:     cfg.CopyChunkBytes,
		CopyStageLease:     cfg.CopyStageLease,
	})
	n.pg = pgwire.NewServer(pgwire.Config{
		Engine:              engine,
		Logger:              n.log,
		MaxConnections:      cfg.MaxConnections,
		Auth:                auth.authenticator(),
		TLSConfig:           clientTLS(cfg),
		IdleSessionTimeout:  cfg.IdleSessionTimeout,
		StartupTimeout:      cfg.AuthenticationTimeout,
		ReservedConnections: cfg.ReservedConnections,
		IsSuperuser:         auth.isSuperuser,
		Observe:             n.metrics.observeStatement,
	})
	n.log.Info("client authentication", "method", auth.method, "hba_file", cfg.HBAFile, "superuser", cfg.Superuser, "tls", cfg.TLS != nil, "peer_tls", cfg.PeerTLS != nil, "listen", cfg.PGListen)
	if cfg.Auth == AuthTrust && !isLoopback(cfg.PGListen) {
		n.log.Warn("clients are not authenticated (--auth trust) on a non-loopback address: anyone who can reach it is a superuser", "listen", cfg.PGListen)
	}
	return nil
}
