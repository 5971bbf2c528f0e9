package sqlexec

// Enum types at apply (pgdialect/enum.go translates CREATE/ALTER/DROP
// TYPE): labels are rows of raftsql_enums, changed by state functions
// (statefuncs.go) in log order; pg_enum_in checks a value against them for
// the hidden CHECK of a column of the type.

import (
	"encoding/json"
	"fmt"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

var enumFunctions = []detFunction{
	{"pg_enum_create", 2, cFuncPointer(fnEnumCreate), 0},
	{"pg_enum_add", 5, cFuncPointer(fnEnumAdd), 0},
	{"pg_enum_drop", 2, cFuncPointer(fnEnumDrop), 0},
	// in CHECK constraints, which SQLite allows only deterministic
	// functions in: its value depends on the enums table, which only
	// DDL entries change
	{"pg_enum_in", 2, cFuncPointer(fnEnumIn), lib.SQLITE_DETERMINISTIC},
	// casts to an enum type (enum_order.go): by the labels of the
	// connection's database, the same on every node at apply
	{"pg_enum_cast", 2, cFuncPointer(fnEnumCast), lib.SQLITE_DETERMINISTIC},
}

// enumLabels returns a type's labels in sort order (nil: no such enum).
func enumLabels(c *lconn, typ string) ([]string, []float64, error) {
	st, _, err := c.prepareFresh(`SELECT label, sortorder FROM raftsql_enums WHERE typname = ?1 ORDER BY sortorder`)
	if err != nil {
		return nil, nil, err
	}
	defer st.finalize()
	var labels []string
	var orders []float64
	_, err = st.run([]any{typ}, func(r []any) error {
		s, _ := r[0].(string)
		f, _ := r[1].(float64)
		labels = append(labels, s)
		orders = append(orders, f)
		return nil
	})
	return labels, orders, err
}

func fnEnumCreate(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_enum_create", func(c *lconn, d *detState) (any, error) {
		name, _ := argValue(tls, argv, 0).(string)
		js, _ := argValue(tls, argv, 1).(string)
		var labels []string
		if err := json.Unmarshal([]byte(js), &labels); err != nil {
			return nil, err
		}
		if old, _, err := enumLabels(c, name); err != nil {
			return nil, err
		} else if old != nil {
			return nil, &Error{Code: CodeDuplicateObject, Message: fmt.Sprintf("type \"%s\" already exists", name)}
		}
		// a column declared with the name before the type existed has
		// text order in its indexes; the enum's would not match them
		// (pgdialect/enum_order.go)
		if tbl, col, err := enumColumn(c, name); err != nil {
			return nil, err
		} else if tbl != "" {
			return nil, Unsupported(fmt.Sprintf("creating enum type %s while column %s of table %s already has that declared type", name, col, tbl))
		}
		seen := map[string]bool{}
		for i, l := range labels {
			if seen[l] {
				return nil, &Error{Code: CodeUniqueViolation, Message: "duplicate key value violates unique constraint \"pg_enum_typid_label_index\""}
			}
			seen[l] = true
			if err := stateRun(c, `INSERT INTO raftsql_enums(typname, label, sortorder) VALUES (?1, ?2, ?3)`, name, l, float64(i+1)); err != nil {
				return nil, err
			}
		}
		if len(labels) == 0 {
			// an enum without labels still exists: a placeholder row
			// PostgreSQL would not show is avoided by refusing it
			return nil, Unsupported("an enum type without labels")
		}
		return nil, enumChanged(c) // enum_order.go
	})
}

func fnEnumAdd(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_enum_add", func(c *lconn, d *detState) (any, error) {
		name, _ := argValue(tls, argv, 0).(string)
		label, _ := argValue(tls, argv, 1).(string)
		ine, _ := argValue(tls, argv, 2).(int64)
		where, _ := argValue(tls, argv, 3).(string)
		neighbor, _ := argValue(tls, argv, 4).(string)
		labels, orders, err := enumLabels(c, name)
		if err != nil {
			return nil, err
		}
		if labels == nil {
			return nil, &Error{Code: CodeUndefinedObject, Message: fmt.Sprintf("type \"%s\" does not exist", name)}
		}
		for _, l := range labels {
			if l == label {
				if ine != 0 {
					return nil, nil
				}
				return nil, &Error{Code: CodeDuplicateObject, Message: fmt.Sprintf("enum label \"%s\" already exists", label)}
			}
		}
		// PostgreSQL's sort orders: after the last, or halfway between
		// the neighbor and the label next to it
		order := orders[len(orders)-1] + 1
		if where != "" {
			k := -1
			for i, l := range labels {
				if l == neighbor {
					k = i
				}
			}
			if k < 0 {
				return nil, &Error{Code: CodeInvalidParameter, Message: fmt.Sprintf("\"%s\" is not an existing enum label", neighbor)}
			}
			switch {
			case where == "before" && k == 0:
				order = orders[0] - 1
			case where == "before":
				order = (orders[k-1] + orders[k]) / 2
			case k == len(orders)-1:
				order = orders[k] + 1
			default:
				order = (orders[k] + orders[k+1]) / 2
			}
		}
		if err := stateRun(c, `INSERT INTO raftsql_enums(typname, label, sortorder) VALUES (?1, ?2, ?3)`, name, label, order); err != nil {
			return nil, err
		}
		return nil, enumChanged(c) // enum_order.go
	})
}

func fnEnumDrop(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_enum_drop", func(c *lconn, d *detState) (any, error) {
		name, _ := argValue(tls, argv, 0).(string)
		ifExists, _ := argValue(tls, argv, 1).(int64)
		labels, _, err := enumLabels(c, name)
		if err != nil {
			return nil, err
		}
		if labels == nil {
			if ifExists != 0 {
				c.addNotice("00000", "", "type \"%s\" does not exist, skipping", name) // notice.go
				return nil, nil
			}
			return nil, &Error{Code: CodeUndefinedObject, Message: fmt.Sprintf("type \"%s\" does not exist", name)}
		}
		// a column of the type depends on it (RESTRICT)
		tbl, col, err := enumColumn(c, name)
		if err != nil {
			return nil, err
		}
		dep := ""
		if tbl != "" {
			dep = fmt.Sprintf("column %s of table %s depends on type %s", col, tbl, name)
		}
		if dep != "" {
			return nil, &Error{Code: CodeDependentObjects, Message: fmt.Sprintf("cannot drop type %s because other objects depend on it", name),
				DetailText: dep, HintText: "Use DROP ... CASCADE to drop the dependent objects too."}
		}
		if err := stateRun(c, `DELETE FROM raftsql_enums WHERE typname = ?1`, name); err != nil {
			return nil, err
		}
		if err := dropComment(c, classType, name); err != nil { // comments.go
			return nil, err
		}
		return nil, enumChanged(c) // enum_order.go
	})
}

// fnEnumIn(type, value) is value when type is no enum or value one of its
// labels (NULL passes); otherwise 22P02 as PostgreSQL's enum_in.
func fnEnumIn(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	v := argValue(tls, argv, 1)
	d := ctxDet(tls, ctx)
	if v == nil || !d.apply || d.conn == nil {
		lib.Xsqlite3_result_value(tls, ctx, *(*uintptr)(cptr(argv + 8)))
		return
	}
	typ, _ := argValue(tls, argv, 0).(string)
	label, isText := v.(string)
	c := d.conn
	var labels []string
	err := ownStatements(c, func() (err error) {
		labels, _, err = enumLabels(c, typ)
		return err
	})
	if err != nil {
		resultError(tls, ctx, stateErrText(err))
		return
	}
	if labels == nil {
		lib.Xsqlite3_result_value(tls, ctx, *(*uintptr)(cptr(argv + 8)))
		return
	}
	for _, l := range labels {
		if isText && l == label {
			lib.Xsqlite3_result_value(tls, ctx, *(*uintptr)(cptr(argv + 8)))
			return
		}
	}
	resultError(tls, ctx, stateErrText(&Error{Code: CodeInvalidTextRepresentation,
		Message: fmt.Sprintf("invalid input value for enum %s: \"%v\"", typ, v)}))
}

// enumColumn is the first column (table, column) whose declared type is
// typ, or "" for none.
func enumColumn(c *lconn, typ string) (table, column string, err error) {
	st, _, err := c.prepareFresh(`SELECT s.name, c.name FROM sqlite_schema s, pragma_table_info(s.name) c
 WHERE s.type = 'table' AND s.name NOT LIKE 'raftsql\_%' ESCAPE '\' AND lower(c.type) = lower(?1) ORDER BY s.rowid, c.cid LIMIT 1`)
	if err != nil {
		return "", "", err
	}
	defer st.finalize()
	_, err = st.run([]any{typ}, func(r []any) error {
		table, _ = r[0].(string)
		column, _ = r[1].(string)
		return nil
	})
	return table, column, err
}
