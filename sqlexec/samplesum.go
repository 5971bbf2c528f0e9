package sqlexec

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Sampled checksums: the bounded portion of the database one verification
// check hashes. A check starts at a cursor (a table and a key in it) and
// hashes at most a given number of rows in key order, table after table in
// name order; the next check starts where this one stopped, so successive
// checks cover every row. The portion depends only on the cursor, the row
// budget and the data (never on SQLite's page layout), so every replica
// that applied the same log hashes the same rows and gets the same sum.
// Every check also hashes the whole schema (small and cheap), so a
// replica whose tables, indexes or triggers differ fails every check.

// VerifyCursor is where a sampled check starts: rows of Table with a key
// greater than Key (nil: from the table's first row), then the following
// tables in name order. An empty Table starts at the first table.
type VerifyCursor struct {
	Table string
	// Key is the rowid (one int64) for a rowid table, the primary key
	// values for a WITHOUT ROWID table.
	Key []any
}

// VerifySample is one replica's result of a sampled check.
type VerifySample struct {
	Sum   string // hex SHA-256 of the schema and the sampled rows
	Index uint64 // applied index the sample was taken at
	Rows  int    // rows hashed
	// Next is where the next check starts. Wrapped reports that this
	// check reached the end of the last table: a pass over the whole
	// database is complete and Next starts over.
	Next    VerifyCursor
	Wrapped bool
}

// SampleChecksum hashes the schema and at most rows rows from cur on, in
// one read transaction; Index is the applied index it saw. It reads on a
// pool connection, so it never blocks apply.
func (db *DB) SampleChecksum(ctx context.Context, cur VerifyCursor, rows int) (VerifySample, error) {
	type result struct {
		s   VerifySample
		err error
	}
	resc := make(chan result, 1)
	if _, err := db.StartSample(ctx, cur, rows, func(s VerifySample, err error) { resc <- result{s, err} }); err != nil {
		return VerifySample{}, err
	}
	r := <-resc
	return r.s, r.err
}

// StartSample takes a sampled checksum in the background: it returns once
// the sample's read transaction has fixed the state it hashes (the applied
// index it returns), and calls done with the result later, from another
// goroutine. Apply calls it between two entries, so it waits only for the
// snapshot, never for the hashing.
func (db *DB) StartSample(ctx context.Context, cur VerifyCursor, rows int, done func(VerifySample, error)) (uint64, error) {
	started := make(chan error, 1)
	var index uint64
	go func() {
		var out VerifySample
		began := false
		err := db.withReader(ctx, func(c *lconn) error {
			if err := c.exec("BEGIN"); err != nil {
				return err
			}
			defer c.exec("COMMIT")
			// The first read fixes the transaction's snapshot (WAL).
			idx, err := readAppliedIndex(c)
			if err != nil {
				return err
			}
			index, began = idx, true
			started <- nil
			out, err = sampleConn(c, cur, rows)
			out.Index = idx
			return err
		})
		if !began {
			started <- err
			return
		}
		done(out, err)
	}()
	if err := <-started; err != nil {
		return 0, err
	}
	return index, nil
}

// sampleTable is one user table as the sampled checksum sees it.
type sampleTable struct {
	name string
	keys []string // key columns (quoted): _rowid_, or the primary key
}

func sampleConn(c *lconn, cur VerifyCursor, rows int) (VerifySample, error) {
	if rows < 1 {
		rows = 1
	}
	h := sha256.New()
	var out VerifySample
	var b []byte
	// The schema, every check: a replica with a different schema differs
	// at once, whatever the cursor.
	st, _, err := c.prepare(`SELECT type, name, coalesce(sql, '') FROM main.sqlite_schema
		WHERE ` + checksummedName + ` AND name NOT LIKE 'sqlite\_stat%' ESCAPE '\'
		AND name NOT LIKE 'sqlite\_autoindex%' ESCAPE '\' ORDER BY type, name`)
	if err != nil {
		return out, err
	}
	_, err = st.run(nil, func(r []any) error {
		b = writeRow(h, b, 0, r)
		return nil
	})
	st.finalize()
	if err != nil {
		return out, err
	}
	tables, err := sampleTables(c)
	if err != nil {
		return out, err
	}
	// Start at the cursor's table, or the first one after it by name if it
	// no longer exists (then from that table's first row).
	start := sort.Search(len(tables), func(i int) bool { return tables[i].name >= cur.Table })
	key := cur.Key
	if start == len(tables) || tables[start].name != cur.Table {
		key = nil
	}
	left := rows
	for i := start; i < len(tables); i++ {
		t := tables[i]
		if i != start {
			key = nil
		}
		n, last, err := sampleRows(c, h, t, key, left, &b)
		if err != nil {
			return out, fmt.Errorf("sqlexec: sample %s: %w", t.name, err)
		}
		left -= n
		out.Rows += n
		if left == 0 {
			out.Next = VerifyCursor{Table: t.name, Key: last}
			break
		}
	}
	if left > 0 {
		out.Wrapped = true
		out.Next = VerifyCursor{}
	}
	// The rows' positions are part of what is compared: a replica that
	// stops elsewhere (more or fewer rows) differs.
	b = append(b[:0], 'E')
	b = binary.AppendUvarint(b, uint64(out.Rows))
	h.Write(b)
	out.Sum = hex.EncodeToString(h.Sum(nil))
	return out, nil
}

// sampleTables lists the user tables in name order with their key columns,
// and sqlite_sequence (AUTOINCREMENT's next values are state). Virtual tables are skipped (their content lives elsewhere: in shadow
// tables, which are listed, or outside the database).
func sampleTables(c *lconn) ([]sampleTable, error) {
	type row struct {
		name string
		wr   bool
	}
	var rs []row
	st, _, err := c.prepare(`SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow')
		AND ` + checksummedName + ` AND (name NOT LIKE 'sqlite\_%' ESCAPE '\' OR name = 'sqlite_sequence')
		ORDER BY name`)
	if err != nil {
		return nil, err
	}
	_, err = st.run(nil, func(r []any) error {
		name, _ := r[0].(string)
		wr, _ := r[1].(int64)
		rs = append(rs, row{name, wr != 0})
		return nil
	})
	st.finalize()
	if err != nil {
		return nil, err
	}
	out := make([]sampleTable, 0, len(rs))
	for _, r := range rs {
		t := sampleTable{name: r.name}
		if !r.wr {
			t.keys = []string{"_rowid_"}
		} else {
			st, _, err := c.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`)
			if err != nil {
				return nil, err
			}
			_, err = st.run([]any{r.name}, func(v []any) error {
				s, _ := v[0].(string)
				t.keys = append(t.keys, quoteIdent(s))
				return nil
			})
			st.finalize()
			if err != nil {
				return nil, err
			}
		}
		out = append(out, t)
	}
	return out, nil
}

// sampleRows hashes at most limit rows of t with a key after key (nil:
// from the first row) and returns how many it hashed and the last key.
func sampleRows(c *lconn, h interface{ Write([]byte) (int, error) }, t sampleTable, key []any, limit int, buf *[]byte) (int, []any, error) {
	cols := strings.Join(t.keys, ", ")
	q := `SELECT ` + cols + `, * FROM main.` + quoteIdent(t.name)
	args := make([]any, 0, len(t.keys)+1)
	if key != nil {
		if len(key) != len(t.keys) {
			// The table was recreated with another key: start it over.
			key = nil
		} else {
			q += ` WHERE (` + cols + `) > (` + strings.TrimSuffix(strings.Repeat("?, ", len(key)), ", ") + `)`
			args = append(args, key...)
		}
	}
	q += ` ORDER BY ` + cols + ` LIMIT ?`
	args = append(args, int64(limit))
	st, _, err := c.prepare(q)
	if err != nil {
		return 0, nil, err
	}
	defer st.finalize()
	b := append((*buf)[:0], 'T')
	b = hashValue(b, t.name)
	h.Write(b)
	n := 0
	var last []any
	_, err = st.run(args, func(r []any) error {
		b = writeRow(h, b, 'R', r)
		n++
		last = r[:len(t.keys):len(t.keys)]
		return nil
	})
	*buf = b
	return n, last, err
}

// EncodeVerifyCursor serializes cur (for a verification check entry).
func EncodeVerifyCursor(b []byte, cur VerifyCursor) []byte {
	b = appendBytes(b, []byte(cur.Table))
	b = binary.AppendUvarint(b, uint64(len(cur.Key)))
	for _, v := range cur.Key {
		b = appendValue(b, v)
	}
	return b
}

// DecodeVerifyCursor parses EncodeVerifyCursor's output at the start of
// data and returns the rest.
func DecodeVerifyCursor(data []byte) (VerifyCursor, []byte, error) {
	d := &decoder{b: data}
	var cur VerifyCursor
	cur.Table = string(d.bytes())
	n := d.uvarint()
	if d.err == nil && n > uint64(len(d.b)) {
		d.err = errCorrupt
	}
	for i := uint64(0); i < n && d.err == nil; i++ {
		switch t := d.byte1(); t {
		case tagNull:
			cur.Key = append(cur.Key, nil)
		case tagInt:
			cur.Key = append(cur.Key, d.varint())
		case tagFloat:
			if len(d.b) < 8 {
				d.err = errCorrupt
				break
			}
			cur.Key = append(cur.Key, math.Float64frombits(binary.BigEndian.Uint64(d.b)))
			d.b = d.b[8:]
		case tagText:
			cur.Key = append(cur.Key, string(d.bytes()))
		case tagBlob:
			cur.Key = append(cur.Key, append([]byte{}, d.bytes()...))
		default:
			d.err = errCorrupt
		}
	}
	if d.err != nil {
		return VerifyCursor{}, nil, d.err
	}
	return cur, d.b, nil
}
