package pgdialect

import "strings"

// PinConstraintNames is createSQL with every PRIMARY KEY, UNIQUE and
// FOREIGN KEY constraint that CREATE TABLE left unnamed given the name
// PostgreSQL gave it (t_pkey, t_a_key, t_a_fkey), as CONSTRAINT name.
// The catalog derives an unnamed constraint's name from the table's and
// columns' current names, where PostgreSQL fixes it when the constraint
// is made: without this, ALTER TABLE t RENAME TO u (or RENAME COLUMN)
// renamed the constraints too (u_pkey), so a later DROP CONSTRAINT t_pkey
// was 42704 and errors named another constraint than PostgreSQL's. CHECKs
// are named when the table is created (ddl.go). Called before a rename.
func PinConstraintNames(createSQL, table string) string {
	x := newTx(createSQL)
	open := x.firstTopParen()
	if open < 0 {
		return createSQL
	}
	type pin struct {
		at   int
		name string
	}
	var pins []pin
	join := func(cols []string) string { return strings.Join(cols, "_") }
	for _, el := range x.splitTop(open+1, x.match(open)) {
		if el[0] >= el[1] {
			continue
		}
		first := x.T(el[0])
		switch {
		case first.kw("CONSTRAINT"), first.kw("CHECK"), first.kw("EXCLUDE"):
			continue
		case first.kw("PRIMARY"):
			pins = append(pins, pin{first.pos, table + "_pkey"})
			continue
		case first.kw("UNIQUE"), first.kw("FOREIGN"):
			p := el[0] + 1
			if first.kw("FOREIGN") {
				p++
			}
			if !x.isP(p, "(") {
				continue
			}
			var cols []string
			for _, c := range x.splitTop(p+1, x.match(p)) {
				n, _ := x.name(c[0])
				cols = append(cols, n)
			}
			suffix := "_key"
			if first.kw("FOREIGN") {
				suffix = "_fkey"
			}
			pins = append(pins, pin{first.pos, table + "_" + join(cols) + suffix})
			continue
		}
		col, _ := x.name(el[0])
		d := x.depth[el[0]]
		for k := el[0] + 1; k < el[1]; k++ {
			if x.depth[k] != d || x.T(k-2).kw("CONSTRAINT") {
				continue
			}
			t := x.T(k)
			switch {
			case t.kw("PRIMARY") && x.T(k+1).kw("KEY"):
				pins = append(pins, pin{t.pos, table + "_pkey"})
			case t.kw("UNIQUE"):
				pins = append(pins, pin{t.pos, table + "_" + col + "_key"})
			case t.kw("REFERENCES"):
				pins = append(pins, pin{t.pos, table + "_" + col + "_fkey"})
			}
		}
	}
	if len(pins) == 0 {
		return createSQL
	}
	var b strings.Builder
	last := 0
	for _, p := range pins {
		b.WriteString(createSQL[last:p.at])
		b.WriteString("CONSTRAINT " + quoteIdent(p.name) + " ")
		last = p.at
	}
	b.WriteString(createSQL[last:])
	return b.String()
}

// MarkedPrimaryKeyIndex is the definition sql of table's index name
// (CREATE UNIQUE INDEX name ON ...) marked as a primary key when it is
// the one ALTER TABLE ... ADD PRIMARY KEY made under the default name
// (table_pkey), which is known by that name alone; "" when it needs no
// mark. Called before table is renamed, after which the name alone no
// longer tells (the catalog showed no primary key, and a foreign key
// naming the table without columns found none).
func MarkedPrimaryKeyIndex(table, name, sql string) string {
	if !strings.EqualFold(name, table+"_pkey") || strings.Contains(sql, constraintMarkP) {
		return ""
	}
	q := quoteIdent(name)
	k := strings.Index(sql, " "+q+" ON ")
	if k < 0 {
		return ""
	}
	at := k + 1 + len(q)
	return sql[:at] + constraintMarkP + sql[at:]
}

// ConstraintMarkP marks a unique index that is a table's primary key
// (catalog_dump.go).
const ConstraintMarkP = constraintMarkP
