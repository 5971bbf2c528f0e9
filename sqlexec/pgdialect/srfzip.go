package pgdialect

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// Set-returning functions zipped side by side in FROM: unnest(a, b, ...)
// and ROWS FROM (f(...), g(...), ...). PostgreSQL runs the functions in
// lockstep, row n of the result holding each function's row n, NULL for a
// function already done, as many rows as the longest. Each function's
// rows are a JSON array (the json_each input srfSource prepares; a
// generate_series's rows collected by json_group_array), pg_srf_zip
// pairs them into one array of rows, and each column is read from its
// row with json_extract:
//
//	(SELECT json_extract(value, '$[0]') AS "unnest", ... FROM
//	json_each(pg_srf_zip(j1, j2))) AS "unnest"
//
// In FROM only as the first item (a zipped item after others would read
// them, PostgreSQL's implicit LATERAL): after other items it is refused
// (0A000), as is a function of several columns (jsonb_each) in ROWS FROM.
// A select list's several set-returning calls are zipped the same way
// (srfselect.go), there by json_each beside the query's FROM items.

// zipFuncs are the functions zipMembers reads.
var zipFuncs = map[string]bool{"unnest": true, "generate_series": true, "regexp_split_to_table": true, "string_to_table": true,
	"generate_subscripts": true, "jsonb_object_keys": true, "json_object_keys": true, "regexp_matches": true,
	"jsonb_path_query": true}

// inZip reports whether token i is inside the functions of a ROWS FROM
// item (rewritten by zipFrom, not by the passes of each function).
func (x *tx) inZip(i int) bool {
	for _, z := range x.zips {
		if x.T(z).kw("ROWS") && i > z+2 && i < x.match(z+2) {
			return true
		}
	}
	return false
}

// zipMember is one zipped function: the JSON array of its rows and its
// column's default name.
type zipMember struct {
	rows, name string
}

// rowsFromAt reports whether ROWS FROM ( opens at c, a FROM item.
func (x *tx) rowsFromAt(c int) bool {
	return x.kw(c, "ROWS", "FROM") && x.isP(c+2, "(") && (x.kw(c-1, "FROM") || x.kw(c-1, "JOIN") || x.isP(c-1, ",") || x.kw(c-1, "LATERAL"))
}

// zipFrom rewrites the zipped FROM item at i (unnest with several
// arguments, or ROWS FROM), after the expression passes translated the
// functions' arguments.
func (x *tx) zipFrom(i int) error {
	what := "unnest() of several arrays"
	if x.T(i).kw("ROWS") {
		what = "ROWS FROM (...)"
	}
	p := i - 1
	if x.kw(p, "LATERAL") {
		p--
	}
	if !x.kw(p, "FROM") {
		return unsupported("%s after other FROM items is not supported", what)
	}
	var members []zipMember
	var e int // the closing parenthesis of the functions
	if x.T(i).kw("ROWS") {
		e = x.match(i + 2)
		for _, f := range x.splitTop(i+3, e) {
			ms, err := x.zipMembers(f[0], f[1])
			if err != nil {
				return err
			}
			members = append(members, ms...)
		}
	} else {
		e = x.match(i + 1)
		ms, err := x.zipMembers(i, e+1)
		if err != nil {
			return err
		}
		members = ms
	}
	if len(members) == 0 { // ROWS FROM ()
		return syntaxErr(x.T(e).pos+1, "syntax error at or near %q", x.T(e).text)
	}
	names := make([]string, len(members))
	for k, m := range members {
		names[k] = m.name
	}
	end := e + 1
	ord := false
	if x.kw(end, "WITH", "ORDINALITY") {
		ord = true
		names = append(names, "ordinality")
		end += 2
	}
	alias := members[0].name
	j := end
	if x.kw(j, "AS") {
		j++
	}
	if t := x.T(j); t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper()) && !isJoinKw(t.upper()) {
		alias = t.identName()
		end = j + 1
		if x.isP(j+1, "(") {
			ce := x.match(j + 1)
			cols := x.splitTop(j+2, ce)
			if len(cols) > len(names) {
				return &Error{Code: "42P10", Message: fmt.Sprintf("table \"%s\" has %d columns available but %d columns specified", alias, len(names), len(cols))}
			}
			for k, c := range cols {
				if c[1] != c[0]+1 {
					return syntaxErr(x.T(c[0]).pos+1, "syntax error at or near %q", x.T(c[0]).text)
				}
				names[k] = x.T(c[0]).identName()
			}
			end = ce + 1
		}
	}
	rows := make([]string, len(members))
	items := make([]string, 0, len(names))
	for k, m := range members {
		rows[k] = m.rows
		items = append(items, fmt.Sprintf("json_extract(value, '$[%d]') AS %s", k, quoteIdent(names[k])))
	}
	if ord {
		items = append(items, "CAST(key + 1 AS BIGINT) AS "+quoteIdent(names[len(names)-1]))
	}
	x.wipe(i, end)
	x.T(i).set("(SELECT " + strings.Join(items, ", ") + " FROM json_each(pg_srf_zip(" + strings.Join(rows, ", ") + "))) AS " + quoteIdent(alias))
	return nil
}

// zipMembers reads the function call a..b-1 of a zipped FROM item: one
// member, or one per array of unnest(a, b, ...).
func (x *tx) zipMembers(a, b int) ([]zipMember, error) {
	t := x.T(a)
	if t.typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 {
		return nil, unsupported("ROWS FROM (...) of other than function calls is not supported")
	}
	name := t.identName()
	args := x.splitTop(a+2, b-1)
	switch {
	case name == "unnest":
		var ms []zipMember
		for _, arg := range args {
			if arg[0] >= arg[1] { // unnest(a, )
				return nil, syntaxErr(x.T(arg[0]).pos+1, "syntax error at or near %q", x.T(arg[0]).text)
			}
			decl := ""
			if q, col, ok := x.bareColumn(arg[0], arg[1]); ok {
				decl = ", " + x.columnTypeExpr(q, col)
			}
			ms = append(ms, zipMember{rows: "pg_array_json(" + x.text(arg[0], arg[1]) + decl + ")", name: name})
		}
		return ms, nil
	case name == "generate_series":
		if len(args) < 2 || len(args) > 3 {
			return nil, unsupported("generate_series() with %d arguments is not supported", len(args))
		}
		return []zipMember{{rows: "(SELECT json_group_array(pg_zip_v) FROM " + x.seriesSubquery(a, args, "pg_zip_v") + ")", name: name}}, nil
	case zipFuncs[name]:
		_, src, err := x.srfSource(a)
		if err != nil {
			return nil, err
		}
		// json_each(rows): the rows themselves
		return []zipMember{{rows: strings.TrimSuffix(strings.TrimPrefix(src, "json_each("), ")"), name: name}}, nil
	}
	return nil, unsupported("%s() in ROWS FROM (...) is not supported", name)
}

// zipRel is the derived relation of the zipped FROM item at k (derivedcols.go:
// the columns' names and types), with the index after its functions.
func (x *tx) zipRel(k int) (*derivedRel, int) {
	rel := &derivedRel{}
	add := func(f, b int) {
		name := x.T(f).identName()
		args := x.splitTop(f+2, b-1)
		switch {
		case name == "unnest":
			for _, arg := range args {
				rel.cols = append(rel.cols, name)
				rel.oids = append(rel.oids, pgoid.ElemOf(x.arrayExprOID(arg[0], arg[1])))
			}
		case name == "generate_series":
			rel.cols = append(rel.cols, name)
			rel.oids = append(rel.oids, x.seriesOID(f+1))
		default:
			rel.cols = append(rel.cols, name)
			rel.oids = append(rel.oids, srfResultOIDs[name]) // 0: typed by the values
		}
	}
	var e int
	if x.T(k).kw("ROWS") {
		e = x.match(k + 2)
		for _, f := range x.splitTop(k+3, e) {
			if x.T(f[0]).typ == tIdent && x.isP(f[0]+1, "(") {
				add(f[0], f[1])
			}
		}
	} else {
		e = x.match(k + 1)
		add(k, e+1)
	}
	if len(rel.cols) == 0 {
		return nil, e + 1
	}
	rel.alias = rel.cols[0]
	e++
	if x.kw(e, "WITH", "ORDINALITY") {
		rel.cols = append(rel.cols, "ordinality")
		rel.oids = append(rel.oids, pgoid.Int8)
		e += 2
	}
	return rel, e
}

// fnSRFZip is pg_srf_zip(rows...): the JSON arrays of the zipped
// functions' rows as one array of rows, row n holding each function's
// n-th value (null past its end), as long as the longest; a NULL array
// has no rows.
func fnSRFZip(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	cols := make([][]json.RawMessage, len(a))
	n := 0
	for k, v := range a {
		if v == nil {
			continue
		}
		if err := json.Unmarshal([]byte(str(v)), &cols[k]); err != nil {
			return nil, fmt.Errorf("pg_srf_zip: %w", err)
		}
		n = max(n, len(cols[k]))
	}
	var b strings.Builder
	b.WriteByte('[')
	for r := 0; r < n; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for k := range cols {
			if k > 0 {
				b.WriteByte(',')
			}
			if r < len(cols[k]) {
				b.Write(cols[k][r])
			} else {
				b.WriteString("null")
			}
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String(), nil
}
