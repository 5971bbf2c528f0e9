package pgdialect

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// Catalog rows of sequences (sequence.go): pg_class (relkind 'S', added to
// its view in catalog.go through pgd_seqs), pg_sequence, pg_sequences and
// information_schema.sequences, read from the state machine's sequences
// table. Its shape is defined here, next to the views that read it; the
// declared types (BIGINT, BOOLEAN) are what clients see as the columns'
// types.

// SequencesTableSQL creates the table holding every sequence: definition,
// last_value and is_called. The state machine creates it at open and
// changes it only at apply (sqlexec/sequences.go).
const SequencesTableSQL = `CREATE TABLE IF NOT EXISTS raftsql_sequences(
 name TEXT PRIMARY KEY, typ TEXT NOT NULL, start BIGINT NOT NULL, inc BIGINT NOT NULL,
 min BIGINT NOT NULL, max BIGINT NOT NULL, cache BIGINT NOT NULL, cycle BOOLEAN NOT NULL,
 last BIGINT NOT NULL, called BOOLEAN NOT NULL, owned_table TEXT NOT NULL, owned_column TEXT NOT NULL)`

var sequenceViews = []catView{
	{"pgd_seqs", `SELECT q.name AS name, CAST(pg_oid('rel', q.name) AS INTEGER) AS oid, q.typ AS typ,
  CAST(CASE q.typ WHEN 'smallint' THEN 21 WHEN 'integer' THEN 23 ELSE 20 END AS INTEGER) AS typid,
  q.start AS start, q.inc AS inc, q.min AS min, q.max AS max, q.cache AS cache, q.cycle AS cycle, q.last AS last, q.called AS called,
  q.owned_table AS owned_table, q.owned_column AS owned_column
 FROM main.raftsql_sequences q`},
	{"pg_sequences", `SELECT 'public' AS schemaname, q.name AS sequencename, current_user() AS sequenceowner, q.typ AS data_type,
  q.start AS start_value, q.min AS min_value, q.max AS max_value, q.inc AS increment_by, q.cycle AS cycle, q.cache AS cache_size,
  CASE WHEN q.called THEN q.last END AS last_value
 FROM pgd_seqs q
 UNION ALL
 -- the implicit sequence of a serial/identity column of a table made
 -- before serials had one (serial.go: no default); its last_value is
 -- NULL: such a column takes the table's max+1, not a sequence state
 SELECT 'public' AS schemaname, c.tbl || '_' || c.attname || '_seq' AS sequencename, current_user() AS sequenceowner,
  CASE pg_coltype(c.decl, c.marker) WHEN 20 THEN 'bigint' WHEN 21 THEN 'smallint' ELSE 'integer' END AS data_type,
  1 AS start_value, 1 AS min_value,
  CASE pg_coltype(c.decl, c.marker) WHEN 20 THEN 9223372036854775807 WHEN 21 THEN 32767 ELSE 2147483647 END AS max_value,
  1 AS increment_by, 0 AS cycle, 1 AS cache_size, NULL AS last_value FROM pgd_cols c WHERE c.marker IS NOT NULL AND c.dflt IS NULL`},
	{"information_schema_sequences", `SELECT current_database() AS sequence_catalog, 'public' AS sequence_schema, +q.name AS sequence_name,
  +q.typ AS data_type, CASE q.typ WHEN 'smallint' THEN 16 WHEN 'integer' THEN 32 ELSE 64 END AS numeric_precision,
  2 AS numeric_precision_radix, 0 AS numeric_scale, CAST(q.start AS TEXT) AS start_value, CAST(q.min AS TEXT) AS minimum_value,
  CAST(q.max AS TEXT) AS maximum_value, CAST(q.inc AS TEXT) AS increment, CASE WHEN q.cycle THEN 'YES' ELSE 'NO' END AS cycle_option
 FROM pgd_seqs q
 -- as PostgreSQL's, without identity columns' sequences (pg_depend 'i')
 WHERE NOT EXISTS (SELECT 1 FROM pgd_cols c WHERE c.tbl = q.owned_table AND c.attname = q.owned_column AND c.marker LIKE 'identity%')`},
}

func init() {
	// pgd_seqs before the views that read it (pg_class, pg_sequence).
	at := 0
	for i, v := range catalogViews {
		if v.name == "pg_class" {
			at = i
			break
		}
	}
	catalogViews = append(catalogViews[:at], append(append([]catView{}, sequenceViews...), catalogViews[at:]...)...)
	for _, c := range strings.Fields(`seqrelid seqtypid`) {
		catalogColOID[c] = pgoid.OID
	}
	for _, c := range strings.Fields(`seqstart seqincrement seqmax seqmin seqcache increment_by cache_size last_value`) {
		catalogColOID[c] = pgoid.Int8
	}
	catalogColOID["seqcycle"] = pgoid.Bool
	catalogColOID["cycle"] = pgoid.Bool
	catalogColOID["sequencename"] = pgoid.Name
	catalogColOID["sequenceowner"] = pgoid.Name
}
