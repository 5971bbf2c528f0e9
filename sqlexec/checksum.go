package sqlexec

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Checksums: a hash of the user-visible schema and content at an applied
// index, equal on every replica that applied the same log.

// Checksum hashes the user-visible schema and content at the applied index,
// in one read transaction on a pool connection.
func (db *DB) Checksum(ctx context.Context) (sum string, index uint64, err error) {
	err = db.withReader(ctx, func(c *lconn) error {
		if err := c.exec("BEGIN"); err != nil {
			return err
		}
		defer c.exec("COMMIT")
		idx, err := readAppliedIndex(c)
		if err != nil {
			return err
		}
		index = idx
		s, err := checksumConn(c)
		sum = s
		return err
	})
	return sum, index, err
}

// checksummedName is the SQL condition on an object's name for the
// checksums (this file and samplesum.go): the user's objects, and of the
// state machine's own tables those that hold replicated SQL state
// (sequences, enums, extensions, roles), so that a divergence there is
// found too. The others are bookkeeping: the applied index, the
// configuration and member table (checked by Raft), request ids and
// advisory lock leases.
const checksummedName = `(name NOT LIKE 'raftsql\_%' ESCAPE '\'
		OR name IN ('raftsql_sequences', 'raftsql_enums', 'raftsql_extensions', 'raftsql_roles'))`

func checksumConn(c *lconn) (string, error) {
	h := sha256.New()
	type obj struct{ typ, name, sql string }
	var objs []obj
	st, _, err := c.prepare(`SELECT type, name, coalesce(sql, '') FROM main.sqlite_schema
		WHERE ` + checksummedName + ` AND name NOT LIKE 'sqlite\_stat%' ESCAPE '\'
		AND name NOT LIKE 'sqlite\_autoindex%' ESCAPE '\' ORDER BY type, name`)
	if err != nil {
		return "", err
	}
	_, err = st.run(nil, func(r []any) error {
		objs = append(objs, obj{r[0].(string), r[1].(string), r[2].(string)})
		return nil
	})
	st.finalize()
	if err != nil {
		return "", err
	}
	var b []byte
	for _, o := range objs {
		b = hashValue(b[:0], o.typ+"\x00"+o.name+"\x00"+o.sql)
		h.Write(b)
	}
	for _, o := range objs {
		if o.typ != "table" || strings.HasPrefix(strings.ToUpper(o.sql), "CREATE VIRTUAL") {
			continue
		}
		tbl := `main."` + strings.ReplaceAll(o.name, `"`, `""`) + `"`
		q := `SELECT * FROM ` + tbl
		// Rowid tables: include the rowid (it is state: later inserts and
		// rowid references depend on it).
		st, _, err := c.prepare(`SELECT _rowid_, * FROM ` + tbl + ` ORDER BY _rowid_`)
		if err != nil {
			// WITHOUT ROWID: order by every column.
			st2, _, err2 := c.prepare(q)
			if err2 != nil {
				return "", err2
			}
			n := st2.columnCount()
			st2.finalize()
			ord := make([]string, n)
			for i := range ord {
				ord[i] = strconv.Itoa(i + 1)
			}
			st, _, err = c.prepare(q + " ORDER BY " + strings.Join(ord, ","))
			if err != nil {
				return "", err
			}
		}
		h.Write([]byte("\x01" + o.name))
		_, err = st.run(nil, func(r []any) error {
			b = writeRow(h, b, 'R', r)
			return nil
		})
		st.finalize()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
