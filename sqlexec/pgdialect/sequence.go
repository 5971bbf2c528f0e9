package pgdialect

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
)

// Sequences: CREATE/ALTER/DROP SEQUENCE and the arithmetic of nextval and
// setval, as in PostgreSQL 15 (sequence.c: init_params, nextval_internal,
// do_setval), with its errors and SQLSTATEs.
//
// The statements are translated into calls of the state machine's
// sequence functions (sqlexec/sequences.go), which keep each sequence in
// a row of an internal table changed at apply, in log order, so every
// node agrees: CREATE SEQUENCE s ... becomes
//
//	SELECT pg_seq_create('s', '<options>', <if not exists>)
//
// where <options> is SeqOptions in its canonical text form (Encode). The
// options are checked here, before proposing, as far as they do not depend
// on the sequence's current state; Define checks them again against that
// state at apply (ALTER SEQUENCE), so there is one home for the rules.
// Stmt.NoRows hides the SELECT's row: the client sees CREATE SEQUENCE.
//
// A statement calling a sequence function writes (it changes the
// sequence, or reads the session state its entry carries) however read-only
// SQLite thinks it is: CallsStateFunction tells the session to send it
// through the log.

// SeqDef is a sequence's definition (pg_sequence's columns).
type SeqDef struct {
	Type                        string // smallint, integer or bigint
	Start, Inc, Min, Max, Cache int64
	Cycle                       bool
	OwnedTable, OwnedColumn     string // OWNED BY (informational)
}

// SeqOptions are the options of one CREATE or ALTER SEQUENCE; nil fields
// were not given.
type SeqOptions struct {
	Type           *string
	Inc, Min, Max  *int64
	NoMin, NoMax   bool
	Start, Cache   *int64
	Cycle          *bool
	Restart        *int64
	RestartDefault bool    // RESTART without WITH: the start value
	Owned          *string // "table.column", "" for OWNED BY NONE
}

// sequenceTypeRange is the range of a sequence data type.
func sequenceTypeRange(t string) (lo, hi int64) {
	switch t {
	case "smallint":
		return math.MinInt16, math.MaxInt16
	case "integer":
		return math.MinInt32, math.MaxInt32
	}
	return math.MinInt64, math.MaxInt64
}

// sequenceType canonicalises AS type; ok is false for a type a sequence
// cannot have.
func sequenceType(name string) (string, bool) {
	switch strings.ToLower(name) {
	case "smallint", "int2":
		return "smallint", true
	case "integer", "int", "int4":
		return "integer", true
	case "bigint", "int8":
		return "bigint", true
	}
	return "", false
}

func seqErr(format string, a ...any) error { return pgErr("22023", format, a...) }

// Define applies o to cur (nil: a new sequence) and checks the result the
// way PostgreSQL's init_params does, in its order. restart is the new last
// value (with is_called false) when the sequence is created or restarted.
func (o *SeqOptions) Define(cur *SeqDef) (def SeqDef, restart *int64, err error) {
	create := cur == nil
	if create {
		def = SeqDef{Type: "bigint", Inc: 1, Cache: 1}
	} else {
		def = *cur
	}
	oldType := def.Type
	if o.Type != nil {
		t, ok := sequenceType(*o.Type)
		if !ok {
			return def, nil, seqErr("sequence type must be smallint, integer, or bigint")
		}
		def.Type = t
	}
	if o.Inc != nil {
		if *o.Inc == 0 {
			return def, nil, seqErr("INCREMENT must not be zero")
		}
		def.Inc = *o.Inc
	}
	if o.Cycle != nil {
		def.Cycle = *o.Cycle
	}
	lo, hi := sequenceTypeRange(def.Type)
	oldLo, oldHi := sequenceTypeRange(oldType)
	// MAXVALUE: given, NO MAXVALUE, or the default when creating (or when
	// the type changed and the old value was the old type's default).
	switch {
	case o.Max != nil:
		def.Max = *o.Max
	case o.NoMax || create || o.Type != nil && def.Max == oldHi:
		if def.Inc > 0 {
			def.Max = hi
		} else {
			def.Max = -1
		}
	}
	if def.Max < lo || def.Max > hi {
		return def, nil, seqErr("MAXVALUE (%d) is out of range for sequence data type %s", def.Max, def.Type)
	}
	switch {
	case o.Min != nil:
		def.Min = *o.Min
	case o.NoMin || create || o.Type != nil && def.Min == oldLo:
		if def.Inc > 0 {
			def.Min = 1
		} else {
			def.Min = lo
		}
	}
	if def.Min < lo || def.Min > hi {
		return def, nil, seqErr("MINVALUE (%d) is out of range for sequence data type %s", def.Min, def.Type)
	}
	if def.Min >= def.Max {
		return def, nil, seqErr("MINVALUE (%d) must be less than MAXVALUE (%d)", def.Min, def.Max)
	}
	switch {
	case o.Start != nil:
		def.Start = *o.Start
	case create:
		if def.Inc > 0 {
			def.Start = def.Min
		} else {
			def.Start = def.Max
		}
	}
	if def.Start < def.Min {
		return def, nil, seqErr("START value (%d) cannot be less than MINVALUE (%d)", def.Start, def.Min)
	}
	if def.Start > def.Max {
		return def, nil, seqErr("START value (%d) cannot be greater than MAXVALUE (%d)", def.Start, def.Max)
	}
	if create || o.RestartDefault || o.Restart != nil {
		r := def.Start
		if o.Restart != nil {
			r = *o.Restart
		}
		if r < def.Min {
			return def, nil, seqErr("RESTART value (%d) cannot be less than MINVALUE (%d)", r, def.Min)
		}
		if r > def.Max {
			return def, nil, seqErr("RESTART value (%d) cannot be greater than MAXVALUE (%d)", r, def.Max)
		}
		restart = &r
	}
	if o.Cache != nil {
		if *o.Cache <= 0 {
			return def, nil, seqErr("CACHE (%d) must be greater than zero", *o.Cache)
		}
		def.Cache = *o.Cache
	}
	if o.Owned != nil {
		def.OwnedTable, def.OwnedColumn, _ = strings.Cut(*o.Owned, ".")
	}
	return def, restart, nil
}

// Next is nextval's arithmetic: the value after last (is_called) or last
// itself (a fresh or restarted sequence), cycling or failing at the limits.
func (d *SeqDef) Next(name string, last int64, called bool) (int64, error) {
	if !called {
		return last, nil
	}
	if d.Inc > 0 {
		if last > d.Max-d.Inc { // no overflow: Max-Inc >= MinInt64 as Inc <= Max-Min
			if !d.Cycle {
				return 0, pgErr("2200H", "nextval: reached maximum value of sequence \"%s\" (%d)", name, d.Max)
			}
			return d.Min, nil
		}
		return last + d.Inc, nil
	}
	if last < d.Min-d.Inc {
		if !d.Cycle {
			return 0, pgErr("2200H", "nextval: reached minimum value of sequence \"%s\" (%d)", name, d.Min)
		}
		return d.Max, nil
	}
	return last + d.Inc, nil
}

// CheckSetval is setval's bounds check.
func (d *SeqDef) CheckSetval(name string, v int64) error {
	if v < d.Min || v > d.Max {
		return pgErr("22003", "setval: value %d is out of bounds for sequence \"%s\" (%d..%d)", v, name, d.Min, d.Max)
	}
	return nil
}

// Encode is o's canonical text form (the argument of pg_seq_create and
// pg_seq_alter); DecodeSeqOptions reads it back.
func (o *SeqOptions) Encode() string {
	var parts []string
	add := func(k string, v *int64) {
		if v != nil {
			parts = append(parts, k+"="+strconv.FormatInt(*v, 10))
		}
	}
	if o.Type != nil {
		parts = append(parts, "as="+*o.Type)
	}
	add("inc", o.Inc)
	add("min", o.Min)
	add("max", o.Max)
	add("start", o.Start)
	add("cache", o.Cache)
	add("restart", o.Restart)
	if o.NoMin {
		parts = append(parts, "nomin")
	}
	if o.NoMax {
		parts = append(parts, "nomax")
	}
	if o.RestartDefault {
		parts = append(parts, "restart")
	}
	if o.Cycle != nil {
		parts = append(parts, "cycle="+strconv.FormatBool(*o.Cycle))
	}
	if o.Owned != nil {
		// the parts are separated by spaces: a space (and so %) in the
		// owning table's or column's name is escaped
		parts = append(parts, "owned="+ownedEscaper.Replace(*o.Owned))
	}
	return strings.Join(parts, " ")
}

// ownedEscaper escapes the owner in Encode's form (PathUnescape reads it).
var ownedEscaper = strings.NewReplacer("%", "%25", " ", "%20")

// DecodeSeqOptions parses Encode's form.
func DecodeSeqOptions(s string) (*SeqOptions, error) {
	o := &SeqOptions{}
	for _, p := range strings.Fields(s) {
		k, v, hasV := strings.Cut(p, "=")
		num := func() (*int64, error) {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("sequence option %q: %w", p, err)
			}
			return &n, nil
		}
		var err error
		switch {
		case k == "as" && hasV:
			o.Type = &v
		case k == "inc" && hasV:
			o.Inc, err = num()
		case k == "min" && hasV:
			o.Min, err = num()
		case k == "max" && hasV:
			o.Max, err = num()
		case k == "start" && hasV:
			o.Start, err = num()
		case k == "cache" && hasV:
			o.Cache, err = num()
		case k == "restart" && hasV:
			o.Restart, err = num()
		case k == "restart":
			o.RestartDefault = true
		case k == "nomin":
			o.NoMin = true
		case k == "nomax":
			o.NoMax = true
		case k == "cycle" && hasV:
			b := v == "true"
			o.Cycle = &b
		case k == "owned" && hasV:
			if strings.Contains(v, "%") {
				if u, err := url.PathUnescape(v); err == nil {
					v = u
				} // else written before the escaping: as it is
			}
			o.Owned = &v
		default:
			err = fmt.Errorf("unknown sequence option %q", p)
		}
		if err != nil {
			return nil, err
		}
	}
	return o, nil
}

// SequenceName resolves the text argument of nextval/currval/setval (a
// regclass literal such as 'S1', '"S1"' or 'public.s1') to the sequence's
// name as PostgreSQL does: unquoted parts fold to lower case, quoted parts
// keep theirs, the schema public is dropped.
func SequenceName(arg string) (string, error) {
	x := newTx(arg)
	n, j := x.name(0)
	if n == "" || j != x.n() {
		return "", pgErr("42602", "invalid name syntax")
	}
	if j >= 3 && !(x.kw(0, "public") || x.T(0).typ == tQIdent && x.T(0).text == `"public"`) || j > 3 {
		if j == 3 {
			return "", pgErr("3F000", "schema \"%s\" does not exist", x.T(0).identName())
		}
		return "", pgErr("42602", "invalid name syntax")
	}
	return n, nil
}

// stateFuncs are the functions that change (or, for currval and lastval,
// read the session's part of) the state machine's own state at apply:
// sequences and extensions. A call makes a statement a write.
var stateFuncs = map[string]bool{"nextval": true, "currval": true, "setval": true, "lastval": true,
	"pg_seq_create": true, "pg_seq_alter": true, "pg_seq_drop": true, "pg_seq_restart_owned": true, "pg_seq_alter_owned": true, "pg_seq_reserve": true, "pg_seq_drop_owned": true, "pg_seq_rename_owned": true, "pg_ext_create": true, "pg_ext_drop": true,
	"pg_enum_create": true, "pg_enum_add": true, "pg_enum_drop": true}

// CallsStateFunction reports whether the SQLite statement text calls one
// of stateFuncs (lexically: the name followed by "("), so the statement
// must go through the log even when SQLite calls it read-only.
func CallsStateFunction(sqlText string) bool {
	low := strings.ToLower(sqlText)
	if !strings.Contains(low, "nextval") && !strings.Contains(low, "currval") && !strings.Contains(low, "setval") &&
		!strings.Contains(low, "lastval") && !strings.Contains(low, "pg_seq_") && !strings.Contains(low, "pg_ext_") && !strings.Contains(low, "pg_enum_") &&
		!strings.Contains(low, "pg_comment_") {
		return false // the common case, without tokenizing
	}
	x := newTx(sqlText)
	for i := 0; i+1 < x.n(); i++ {
		if t := x.T(i); t.typ == tIdent && stateFuncs[strings.ToLower(t.text)] && x.isP(i+1, "(") {
			return true
		}
	}
	return false
}

// sequence translates CREATE [IF NOT EXISTS], ALTER [IF EXISTS] and DROP
// SEQUENCE; i is the index of the SEQUENCE keyword.
func (x *tx) sequence(verb string, i int) (*Stmt, error) {
	i++
	st := &Stmt{Kind: KindQuery, Tag: verb + " SEQUENCE", NoRows: true}
	if verb == "DROP" {
		exec, err := x.dropCalls(i, "pg_seq_drop", true, nil) // drop.go
		if err == nil && x.T(x.n()-1).kw("CASCADE") {
			for k, e := range exec { // flag bit 1: CASCADE (sqlexec/seqdeps.go)
				exec[k] = strings.TrimSuffix(strings.TrimSuffix(e, "0)"), "1)") + map[bool]string{false: "2)", true: "3)"}[strings.HasSuffix(e, "1)")]
			}
		}
		st.Exec = exec
		return st, err
	}
	flag := "0"
	if verb == "CREATE" && x.kw(i, "IF", "NOT", "EXISTS") || verb == "ALTER" && x.kw(i, "IF", "EXISTS") {
		// 2: the statement's own IF [NOT] EXISTS, whose skip PostgreSQL
		// reports with a NOTICE (1: a serial column's sequence of
		// CREATE TABLE IF NOT EXISTS, skipped silently; serial.go)
		flag = "2"
		i += 2
		if verb == "CREATE" {
			i++
		}
	}
	n, j := x.name(i)
	if n == "" {
		return nil, x.syntaxErrAt(i)
	}
	o, err := x.seqOptions(j, verb == "ALTER")
	if err != nil {
		return nil, err
	}
	if verb == "CREATE" {
		if _, _, err := o.Define(nil); err != nil {
			code, msg, _ := ParseSQLStateError(err.Error())
			return nil, &Error{Code: code, Message: msg}
		}
	}
	if o.Owned != nil && *o.Owned != "" {
		// 4: the statement's own OWNED BY t.c, whose table and column
		// are checked at apply (sqlexec/seqowner.go); the sequences of
		// serial columns are made before their column (serial_add.go)
		flag = string(rune(flag[0] + 4))
	}
	fn := "pg_seq_create"
	if verb == "ALTER" {
		fn = "pg_seq_alter"
	}
	st.Exec = []string{"SELECT " + fn + "(" + quoteLit(n) + ", " + quoteLit(o.Encode()) + ", " + flag + ")"}
	return st, nil
}

// seqOptions parses the option list of CREATE/ALTER SEQUENCE from i.
func (x *tx) seqOptions(i int, alter bool) (*SeqOptions, error) {
	return x.seqOptionsIn(i, x.n(), alter)
}

// seqOptionsIn parses sequence options in tokens i..end-1.
func (x *tx) seqOptionsIn(i, end int, alter bool) (*SeqOptions, error) {
	o := &SeqOptions{}
	num := func(k int) (*int64, int, error) {
		neg := false
		if x.isP(k, "-") || x.isP(k, "+") {
			neg = x.isP(k, "-")
			k++
		}
		t := x.T(k)
		if t.typ != tNumber {
			return nil, k, x.syntaxErrAt(k)
		}
		s := t.text
		if neg {
			s = "-" + s
		}
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, k, &Error{Code: "22003", Message: fmt.Sprintf("value \"%s\" is out of range for type bigint", s)}
		}
		return &v, k + 1, nil
	}
	var err error
	for i < end {
		switch {
		case x.kw(i, "AS"):
			end, name, _, _, ok := x.parseType(i + 1)
			if !ok {
				return nil, x.syntaxErrAt(i + 1)
			}
			o.Type = &name
			i = end
		case x.kw(i, "INCREMENT"):
			i++
			if x.kw(i, "BY") {
				i++
			}
			o.Inc, i, err = num(i)
		case x.kw(i, "MINVALUE"):
			o.Min, i, err = num(i + 1)
		case x.kw(i, "MAXVALUE"):
			o.Max, i, err = num(i + 1)
		case x.kw(i, "NO", "MINVALUE"):
			o.NoMin, i = true, i+2
		case x.kw(i, "NO", "MAXVALUE"):
			o.NoMax, i = true, i+2
		case x.kw(i, "NO", "CYCLE"):
			b := false
			o.Cycle, i = &b, i+2
		case x.kw(i, "CYCLE"):
			b := true
			o.Cycle, i = &b, i+1
		case x.kw(i, "START"):
			i++
			if x.kw(i, "WITH") {
				i++
			}
			o.Start, i, err = num(i)
		case x.kw(i, "CACHE"):
			o.Cache, i, err = num(i + 1)
		case alter && x.kw(i, "RESTART"):
			i++
			if x.kw(i, "WITH") {
				i++
			}
			if i < x.n() && (x.T(i).typ == tNumber || x.isP(i, "-") || x.isP(i, "+")) {
				o.Restart, i, err = num(i)
			} else {
				o.RestartDefault = true
			}
		case x.kw(i, "OWNED", "BY"):
			i += 2
			if x.kw(i, "NONE") {
				s := ""
				o.Owned, i = &s, i+1
				break
			}
			// table.column (possibly schema-qualified, public stripped)
			var parts []string
			for x.T(i).typ == tIdent || x.T(i).typ == tQIdent {
				parts = append(parts, x.T(i).identName())
				i++
				if !x.isP(i, ".") {
					break
				}
				i++
			}
			if len(parts) < 2 {
				return nil, &Error{Code: "42601", Message: "invalid OWNED BY option", Hint: "Specify OWNED BY table.column or OWNED BY NONE."}
			}
			s := parts[len(parts)-2] + "." + parts[len(parts)-1]
			o.Owned = &s
		case alter && (x.kw(i, "OWNER", "TO") || x.kw(i, "RENAME") || x.kw(i, "SET", "SCHEMA")):
			return nil, unsupported("ALTER SEQUENCE ... %s is not supported", x.T(i).upper())
		case alter && (x.kw(i, "SET", "LOGGED") || x.kw(i, "SET", "UNLOGGED")):
			i += 2
		default:
			return nil, x.syntaxErrAt(i)
		}
		if err != nil {
			return nil, err
		}
	}
	return o, nil
}
