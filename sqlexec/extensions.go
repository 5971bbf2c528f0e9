package sqlexec

// CREATE/DROP EXTENSION at apply: a row of raftsql_extensions per created
// extension (pg_extension shows them; pgdialect/extension.go decides
// which extensions exist and translates the statements).

import (
	"context"
	"fmt"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
)

var extensionFunctions = []detFunction{
	{"pg_ext_create", 3, cFuncPointer(fnExtCreate), 0},
	{"pg_ext_drop", 2, cFuncPointer(fnExtDrop), 0},
}

func extensionExists(c *lconn, name string) (bool, error) {
	if name == "plpgsql" {
		return true, nil // installed from the start
	}
	return stateExists(c, `SELECT 1 FROM raftsql_extensions WHERE name = ?1`, name)
}

func fnExtCreate(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_ext_create", func(c *lconn, d *detState) (any, error) {
		name, _ := argValue(tls, argv, 0).(string)
		version, _ := argValue(tls, argv, 1).(string)
		ifNotExists, _ := argValue(tls, argv, 2).(int64)
		found, err := extensionExists(c, name)
		if err != nil {
			return nil, err
		}
		if found {
			if ifNotExists != 0 {
				return nil, nil
			}
			return nil, &Error{Code: CodeDuplicateObject, Message: fmt.Sprintf("extension \"%s\" already exists", name)}
		}
		return nil, stateRun(c, `INSERT INTO raftsql_extensions(name, version) VALUES (?1, ?2)`, name, version)
	})
}

func fnExtDrop(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_ext_drop", func(c *lconn, d *detState) (any, error) {
		name, _ := argValue(tls, argv, 0).(string)
		ifExists, _ := argValue(tls, argv, 1).(int64)
		found, err := extensionExists(c, name)
		if err != nil {
			return nil, err
		}
		if !found {
			if ifExists != 0 {
				return nil, nil
			}
			return nil, &Error{Code: CodeUndefinedObject, Message: fmt.Sprintf("extension \"%s\" does not exist", name)}
		}
		return nil, stateRun(c, `DELETE FROM raftsql_extensions WHERE name = ?1`, name)
	})
}

// requireExtension is the statement's refusal when it calls a function of
// an extension that is not created in the state its statements see (its
// transaction's; outside one, this replica's, read again after a read
// barrier when it lacks the extension), as
// PostgreSQL's parse analysis finds no such function
// (pgdialect/uuid_ossp_require.go). A DROP EXTENSION between this check
// and a write's log position does not refuse the write: the function
// exists on every node, so its result is the same everywhere.
func (s *Session) requireExtension(ctx context.Context, use *pgdialect.ExtensionUse) error {
	check := func() (found bool, err error) {
		err = s.onTxState(ctx, func(c *lconn) error { // txn.go
			var err error
			found, err = extensionExists(c, use.Name)
			return err
		})
		return found, err
	}
	// An extension this replica has is answer enough (one dropped since
	// would have been there a moment ago); only a missing one waits for
	// the replica to catch up first (the session's own CREATE EXTENSION
	// may still be on its way), so the statements that call its
	// functions pay no read barrier each.
	found, err := check()
	if err == nil && !found && s.tx == nil {
		if err := s.barrier(ctx); err != nil {
			return err
		}
		found, err = check()
	}
	if err != nil {
		return err
	}
	if !found {
		e := *use.Err
		return &e
	}
	return nil
}
