package sqlexec

import (
	"context"
	"errors"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// translate translates one statement for this session. An INSERT whose
// VALUES use DEFAULT in some rows only (bun's bulk insert of rows with
// zero values) cannot be rewritten lexically: its DEFAULT items are
// replaced by the column defaults of the local schema
// (pgdialect.FillDefaults), which every node applies alike since they
// are part of the statement. A default changed between this lookup and
// the statement's place in the log is not seen (SQLite cannot alter a
// column default in place, so only DROP and CREATE of the table can).
func (s *Session) translate(ctx context.Context, sql string) (*pgdialect.Stmt, error) {
	if st, ok := s.dumpSequenceState(ctx, sql); ok { // dumpseq.go
		return st, nil
	}
	st, err := translate(sql)
	var pe *pgdialect.Error
	if err == nil || !errors.As(err, &pe) || pe.Code != CodeFeatureNotSupported {
		return st, err
	}
	filled, ok := pgdialect.FillDefaults(sql, func(table string) (names, defaults []string, err error) {
		err = s.e.db.withReader(ctx, func(c *lconn) error {
			c.syncSchema()
			q, _, err := c.prepare("SELECT name, coalesce(dflt_value, '') FROM pragma_table_info(?) ORDER BY cid")
			if err != nil {
				return err
			}
			defer q.release()
			_, err = q.run([]any{table}, func(r []any) error {
				n, _ := r[0].(string)
				d, _ := r[1].(string)
				names, defaults = append(names, n), append(defaults, d)
				return nil
			})
			return err
		})
		return names, defaults, err
	})
	if !ok {
		return st, err
	}
	return translate(filled)
}
