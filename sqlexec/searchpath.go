package sqlexec

import (
	"context"
	"fmt"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// search_path without public. raftsql's one user schema is public
// (pgdialect/schema.go); a search_path that does not name it (pg_dump
// and the scripts it writes empty it) finds no user relation in
// PostgreSQL, so a statement that names one without a schema fails
// there. checkSearchPath does the same before the statement runs, from
// the names pgdialect.UnqualifiedRelations finds in its text: 42P01 for
// an existing table or view named without public. (a name that exists
// nowhere gets the statement's own error), 3F000 for an object created
// without a schema. The default search_path costs nothing here.

// checkSearchPath refuses, as PostgreSQL does, a statement whose
// unqualified relations the session's search_path does not find.
func (s *Session) checkSearchPath(ctx context.Context, pgText string) error {
	path := s.settings["search_path"]
	if path == `"$user", public` || path == "public" || pgText == "" { // the common values: no work
		return nil
	}
	_, user := s.names()
	for _, sch := range pgdialect.SearchPathSchemas(path, user, false) {
		if sch == "public" {
			return nil
		}
	}
	refs, created := pgdialect.UnqualifiedRelations(pgText)
	pos := func(p int) int { return len([]rune(pgText[:p])) + 1 }
	if created.Name != "" {
		return &Error{Code: "3F000", Message: "no schema has been selected to create in", Pos: pos(created.Pos), Statement: -1}
	}
	for _, r := range refs {
		found, err := s.relationExists(ctx, r.Name) // query.go
		if err != nil {
			return err
		}
		if found {
			return &Error{Code: CodeUndefinedTable, Message: fmt.Sprintf("relation %q does not exist", r.Name), Pos: pos(r.Pos), Statement: -1}
		}
	}
	return nil
}
