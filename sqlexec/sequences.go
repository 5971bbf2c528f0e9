package sqlexec

// Sequences, replicated through the log.
//
// A sequence is a row of raftsql_sequences (its definition, last_value and
// is_called), changed only on the apply connection, inside the entry that
// calls nextval/setval or runs CREATE/ALTER/DROP SEQUENCE
// (pgdialect/sequence.go translates those into pg_seq_* calls). The
// functions are installed on every connection with the deterministic
// ones (det.go) and do their work with statements of their own on the
// apply connection, so a sequence advances in log order, identically on
// every node, and the change is part of the entry's transaction; an entry
// that fails still keeps the values its nextval calls drew, advanced again
// after its rollback (keepDraws), as PostgreSQL never gives one back (see
// docs/transactions.md). On any other connection they refuse (25006):
// a statement calling one is never read-only (pgdialect.
// CallsStateFunction, lstmt.readonly), so it reaches the log.
//
// currval and lastval answer from the session's own history, which the
// session sends with every command (Command.Sequences) and gets back
// updated with the apply result (ApplyResult.Sequences): the value a
// node computes depends only on the entry, never on which node proposed
// it. The history is kept as JSON (seqSession).

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
)

// seqSession is a session's sequence history: the last value nextval (or
// setval with is_called) gave it per sequence, and the sequence of its
// last nextval.
type seqSession struct {
	Cur  map[string]int64 `json:"c,omitempty"`
	Last string           `json:"l,omitempty"`
	// Pin: values reserved for an explicit transaction (seqtxn.go), which
	// its nextval calls take in order instead of advancing the sequence.
	// Only a transaction's commands carry them; sequencesState drops them.
	Pin map[string][]int64 `json:"p,omitempty"`
	// drawn counts the nextval calls not served from Pin.
	drawn map[string]int
	// set: the sequences a setval or ALTER SEQUENCE of the run changed
	// (seqtxn.go: a transaction's own from then on).
	set map[string]bool
	// stmt: the values the running statement's nextval calls returned,
	// each sequence's in order, so that a constraint violation's
	// explanation re-runs the statement with them instead of drawing
	// again (constraint_errors.go).
	stmt map[string][]int64
	// kept: each sequence's last value the entry's nextval calls drew
	// (not from Pin), which its failure keeps (keepDraws).
	kept map[string]int64
}

func decodeSeqSession(s string) *seqSession {
	out := &seqSession{}
	if s != "" {
		// Undecodable (cannot happen: only encode writes it) reads as
		// empty on every node alike.
		_ = json.Unmarshal([]byte(s), out)
	}
	if out.Cur == nil {
		out.Cur = map[string]int64{}
	}
	return out
}

func (q *seqSession) encode() string {
	if len(q.Cur) == 0 && q.Last == "" && len(q.Pin) == 0 {
		return ""
	}
	b, _ := json.Marshal(q)
	return string(b)
}

// bindSequences gives d the history of the session whose statements run
// next; sequencesState returns it as they left it.
func (d *detState) bindSequences(state string) { d.seq = decodeSeqSession(state) }

func (d *detState) sequencesState() string {
	if d.seq == nil {
		return ""
	}
	d.seq.Pin = nil
	return d.seq.encode()
}

// sequenceFunctions are installed with detFunctions.
var sequenceFunctions = []detFunction{
	{"nextval", 1, cFuncPointer(fnNextval), 0},
	{"currval", 1, cFuncPointer(fnCurrval), 0},
	{"lastval", 0, cFuncPointer(fnLastval), 0},
	{"setval", -1, cFuncPointer(fnSetval), 0},
	{"pg_seq_create", 3, cFuncPointer(fnSeqCreate), 0},
	{"pg_seq_alter", 3, cFuncPointer(fnSeqAlter), 0},
	{"pg_seq_drop", 2, cFuncPointer(fnSeqDrop), 0},
	{"pg_seq_restart_owned", 1, cFuncPointer(fnSeqRestartOwned), 0}, // serial.go
	{"pg_seq_alter_owned", 3, cFuncPointer(fnSeqAlterOwned), 0},
	{"pg_seq_reserve", 2, cFuncPointer(fnSeqReserve), 0},      // seqtxn.go
	{"pg_seq_drop_owned", 2, cFuncPointer(fnSeqDropOwned), 0}, // seqdeps.go
	{"pg_seq_rename_owned", 3, cFuncPointer(fnSeqRenameOwned), 0},
}

// seqNameArg is the sequence a function's argument names: text (a
// regclass literal) or the OID 'name'::regclass gave (pg_class's OIDs,
// pgdialect.RelOID). "" for NULL.
func seqNameArg(c *lconn, tls *libc.TLS, argv uintptr, i int) (string, error) {
	switch v := argValue(tls, argv, i).(type) {
	case nil:
		return "", nil
	case string:
		return pgdialect.SequenceName(v)
	case int64:
		names, err := sequenceNames(c)
		if err != nil {
			return "", err
		}
		for _, n := range names {
			if int64(pgdialect.RelOID(n)) == v {
				return n, nil
			}
		}
		return "", &Error{Code: CodeUndefinedObject, Message: fmt.Sprintf("could not open relation with OID %d", v)}
	default:
		return pgdialect.SequenceName(fmt.Sprint(v))
	}
}

func sequenceNames(c *lconn) ([]string, error) {
	st, _, err := c.prepareFresh(`SELECT name FROM raftsql_sequences ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer st.finalize()
	var out []string
	_, err = st.run(nil, func(r []any) error {
		if s, ok := r[0].(string); ok {
			out = append(out, s)
		}
		return nil
	})
	return out, err
}

// seqState is one sequence's row.
type seqState struct {
	def    pgdialect.SeqDef
	last   int64
	called bool
}

func loadSequence(c *lconn, name string) (*seqState, error) {
	st, _, err := c.prepareCached(`SELECT typ, start, inc, min, max, cache, cycle, last, called, owned_table, owned_column
 FROM raftsql_sequences WHERE name = ?1`)
	if err != nil {
		return nil, err
	}
	defer st.release()
	var out *seqState
	_, err = st.run([]any{name}, func(r []any) error {
		s := &seqState{}
		s.def.Type, _ = r[0].(string)
		s.def.Start, _ = r[1].(int64)
		s.def.Inc, _ = r[2].(int64)
		s.def.Min, _ = r[3].(int64)
		s.def.Max, _ = r[4].(int64)
		s.def.Cache, _ = r[5].(int64)
		cy, _ := r[6].(int64)
		s.def.Cycle = cy != 0
		s.last, _ = r[7].(int64)
		ca, _ := r[8].(int64)
		s.called = ca != 0
		s.def.OwnedTable, _ = r[9].(string)
		s.def.OwnedColumn, _ = r[10].(string)
		out = s
		return nil
	})
	return out, err
}

func storeSequence(c *lconn, name string, s *seqState) error {
	return stateRun(c, `INSERT OR REPLACE INTO raftsql_sequences(name, typ, start, inc, min, max, cache, cycle, last, called, owned_table, owned_column)
 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`,
		name, s.def.Type, s.def.Start, s.def.Inc, s.def.Min, s.def.Max, s.def.Cache, boolInt(s.def.Cycle),
		s.last, boolInt(s.called), s.def.OwnedTable, s.def.OwnedColumn)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func noRelation(name string) error {
	return &Error{Code: CodeUndefinedTable, Message: fmt.Sprintf("relation \"%s\" does not exist", name)}
}

// mustSequence loads the sequence a function names.
func mustSequence(c *lconn, name string) (*seqState, error) {
	s, err := loadSequence(c, name)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return nil, noRelation(name)
	}
	return s, nil
}

func fnNextval(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "nextval", func(c *lconn, d *detState) (any, error) {
		name, err := seqNameArg(c, tls, argv, 0)
		if err != nil || name == "" {
			return nil, err
		}
		if v, ok := d.seq.takePin(name); ok { // seqtxn.go
			d.seq.drewInStatement(name, v)
			return v, nil
		}
		vals, err := drawSequence(c, name, 1)
		if err != nil {
			return nil, err
		}
		d.seq.Cur[name] = vals[0]
		d.seq.Last = name
		if d.seq.drawn == nil {
			d.seq.drawn = map[string]int{}
		}
		d.seq.drawn[name]++
		d.seq.drewInStatement(name, vals[0])
		if d.seq.kept == nil {
			d.seq.kept = map[string]int64{}
		}
		d.seq.kept[name] = vals[0]
		return vals[0], nil
	})
}

func (q *seqSession) drewInStatement(name string, v int64) {
	if q.stmt == nil {
		q.stmt = map[string][]int64{}
	}
	q.stmt[name] = append(q.stmt[name], v)
}

// keptNames are the sequences whose draws the entry keeps, in name order
// (every node updates them in the same order).
func (d *detState) keptNames() []string {
	names := make([]string, 0, len(d.seq.kept))
	for name := range d.seq.kept {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// keepDraws advances again, after a failed entry was rolled back, each
// sequence its nextval calls drew from: as in PostgreSQL, a value handed
// out is never given back, not by the failure of the statement that drew
// it either (a sequence the entry created is gone with it).
func (d *detState) keepDraws(c *lconn) error {
	if d.seq == nil {
		return nil
	}
	for _, name := range d.keptNames() {
		if err := stateRun(c, `UPDATE raftsql_sequences SET last = ?2, called = 1 WHERE name = ?1`, name, d.seq.kept[name]); err != nil {
			return err
		}
	}
	return nil
}

// beginStatement forgets what the previous statement drew (seqSession.stmt).
func (d *detState) beginStatement() {
	if d != nil && d.seq != nil {
		d.seq.stmt = nil
	}
	if d != nil {
		d.clearUpserted() // upsertxmax.go
	}
}

// pinStatementDraws makes the next run of the statement that just ran
// take the values it drew, in order, without advancing any sequence: the
// explanation of its constraint violation re-runs it and must show the
// row it wrote (PostgreSQL's failing row holds the value drawn once).
// The caller restores the session's history afterwards.
func (d *detState) pinStatementDraws() {
	if d == nil || d.seq == nil {
		return
	}
	d.seq.Pin = make(map[string][]int64, len(d.seq.stmt))
	for k, v := range d.seq.stmt {
		d.seq.Pin[k] = append([]int64(nil), v...)
	}
}

// drawSequence advances sequence name by n >= 1 values (nextval's rules:
// limits, cycling) and returns them.
func drawSequence(c *lconn, name string, n int64) ([]int64, error) {
	s, err := mustSequence(c, name)
	if err != nil {
		return nil, err
	}
	out := make([]int64, 0, n)
	for i := int64(0); i < n; i++ {
		v, err := s.def.Next(name, s.last, s.called)
		if err != nil {
			return nil, err
		}
		s.last, s.called = v, true
		out = append(out, v)
	}
	if err := stateRun(c, `UPDATE raftsql_sequences SET last = ?2, called = 1 WHERE name = ?1`, name, s.last); err != nil {
		return nil, err
	}
	return out, nil
}

func fnCurrval(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "currval", func(c *lconn, d *detState) (any, error) {
		name, err := seqNameArg(c, tls, argv, 0)
		if err != nil || name == "" {
			return nil, err
		}
		if _, err := mustSequence(c, name); err != nil {
			return nil, err
		}
		v, ok := d.seq.Cur[name]
		if !ok {
			return nil, &Error{Code: CodeObjectNotInPrerequisiteState, Message: fmt.Sprintf("currval of sequence \"%s\" is not yet defined in this session", name)}
		}
		return v, nil
	})
}

func fnLastval(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "lastval", func(c *lconn, d *detState) (any, error) {
		name := d.seq.Last
		if name == "" {
			return nil, &Error{Code: CodeObjectNotInPrerequisiteState, Message: "lastval is not yet defined in this session"}
		}
		if s, err := loadSequence(c, name); err != nil || s == nil {
			if err == nil {
				err = &Error{Code: CodeObjectNotInPrerequisiteState, Message: "lastval is not yet defined in this session"}
			}
			return nil, err
		}
		return d.seq.Cur[name], nil
	})
}

func fnSetval(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "setval", func(c *lconn, d *detState) (any, error) {
		if argc != 2 && argc != 3 {
			return nil, &Error{Code: CodeUndefinedFunction, Message: "function setval does not exist"}
		}
		name, err := seqNameArg(c, tls, argv, 0)
		if err != nil || name == "" {
			return nil, err
		}
		var v int64
		switch a := argValue(tls, argv, 1).(type) {
		case nil:
			return nil, nil // strict: NULL in, NULL out
		case int64:
			v = a
		case float64:
			v = int64(a)
		default:
			return nil, &Error{Code: CodeInvalidTextRepresentation, Message: fmt.Sprintf("invalid input syntax for type bigint: \"%v\"", a)}
		}
		called := true
		if argc == 3 {
			switch a := argValue(tls, argv, 2).(type) {
			case nil:
				return nil, nil
			case int64:
				called = a != 0
			}
		}
		s, err := mustSequence(c, name)
		if err != nil {
			return nil, err
		}
		if err := s.def.CheckSetval(name, v); err != nil {
			return nil, err
		}
		if err := stateRun(c, `UPDATE raftsql_sequences SET last = ?2, called = ?3 WHERE name = ?1`, name, v, boolInt(called)); err != nil {
			return nil, err
		}
		if called {
			d.seq.Cur[name] = v
		}
		d.seq.markSet(name) // seqtxn.go
		return v, nil
	})
}

// relationExists reports a table, view or index named name (relations
// share one namespace with sequences in PostgreSQL).
func relationExists(c *lconn, name string) (bool, error) {
	return stateExists(c, `SELECT 1 FROM main.sqlite_schema WHERE name = ?1 COLLATE NOCASE AND type IN ('table','view','index')`, name)
}

// seqDDLArgs reads the arguments of pg_seq_create/pg_seq_alter: the flag
// is 0, 1 (IF [NOT] EXISTS, skipped silently: a serial column's sequence)
// or 2 (IF [NOT] EXISTS of CREATE/ALTER SEQUENCE: a skip is a NOTICE).
func seqDDLArgs(tls *libc.TLS, argv uintptr) (name string, o *pgdialect.SeqOptions, ifExists, notice, checkOwner bool, err error) {
	name, _ = argValue(tls, argv, 0).(string)
	optText, _ := argValue(tls, argv, 1).(string)
	flag, _ := argValue(tls, argv, 2).(int64)
	o, err = pgdialect.DecodeSeqOptions(optText)
	return name, o, flag&3 != 0, flag&3 == 2, flag&seqCheckOwner != 0, err
}

func fnSeqCreate(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_seq_create", func(c *lconn, d *detState) (any, error) {
		name, o, ifNotExists, notice, checkOwner, err := seqDDLArgs(tls, argv)
		if err != nil {
			return nil, err
		}
		old, err := loadSequence(c, name)
		if err != nil {
			return nil, err
		}
		rel, err := relationExists(c, name)
		if err != nil {
			return nil, err
		}
		if old != nil || rel {
			if ifNotExists {
				if notice {
					c.addNotice(CodeDuplicateTable, "", "relation \"%s\" already exists, skipping", name) // notice.go
				}
				return nil, nil
			}
			return nil, &Error{Code: CodeDuplicateTable, Message: fmt.Sprintf("relation \"%s\" already exists", name)}
		}
		def, restart, err := o.Define(nil)
		if err != nil {
			return nil, err
		}
		if checkOwner {
			if err := checkSeqOwner(c, def.OwnedTable, def.OwnedColumn); err != nil { // seqowner.go
				return nil, err
			}
		}
		if ifNotExists && def.OwnedTable != "" {
			// CREATE TABLE IF NOT EXISTS of a serial table that exists
			// from before serials had sequences (serial.go): its column
			// does not use one, so none is made.
			uses, err := stateExists(c, `SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2 AND dflt_value IS NOT NULL`, def.OwnedTable, def.OwnedColumn)
			if err != nil || !uses {
				return nil, err
			}
		}
		return nil, storeSequence(c, name, &seqState{def: def, last: *restart})
	})
}

func fnSeqAlter(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_seq_alter", func(c *lconn, d *detState) (any, error) {
		name, o, ifExists, notice, checkOwner, err := seqDDLArgs(tls, argv)
		if err != nil {
			return nil, err
		}
		s, err := loadSequence(c, name)
		if err != nil {
			return nil, err
		}
		if s == nil {
			if ifExists {
				if notice {
					c.addNotice("00000", "", "relation \"%s\" does not exist, skipping", name) // notice.go
				}
				return nil, nil
			}
			return nil, noRelation(name)
		}
		def, restart, err := o.Define(&s.def)
		if err != nil {
			return nil, err
		}
		if checkOwner {
			if err := checkSeqOwner(c, def.OwnedTable, def.OwnedColumn); err != nil { // seqowner.go
				return nil, err
			}
		}
		s.def = def
		if restart != nil {
			s.last, s.called = *restart, false
		}
		d.seq.markSet(name) // seqtxn.go
		return nil, storeSequence(c, name, s)
	})
}

func fnSeqDrop(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_seq_drop", func(c *lconn, d *detState) (any, error) {
		name, _ := argValue(tls, argv, 0).(string)
		flag, _ := argValue(tls, argv, 1).(int64)
		s, err := loadSequence(c, name)
		if err != nil {
			return nil, err
		}
		if s == nil {
			if flag&1 != 0 {
				c.addNotice("00000", "", "sequence \"%s\" does not exist, skipping", name) // notice.go
				return nil, nil
			}
			return nil, &Error{Code: CodeUndefinedTable, Message: fmt.Sprintf("sequence \"%s\" does not exist", name)}
		}
		if err := checkSeqDrop(c, name, s, flag&seqDropCascade != 0); err != nil { // seqdeps.go
			return nil, err
		}
		if err := dropComment(c, classRel, name); err != nil { // comments.go
			return nil, err
		}
		return nil, stateRun(c, `DELETE FROM raftsql_sequences WHERE name = ?1`, name)
	})
}
