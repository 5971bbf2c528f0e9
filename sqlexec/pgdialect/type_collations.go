package pgdialect

import (
	"fmt"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// Columns of the types whose stored text does not sort as their values
// (interval: '1 day' < '23:00:00' as text; jsonb: '1.5' = '1.50' as
// values; date: '0044-03-15 BC' > '0001-01-01' as text) are declared with a collation that compares values, so ORDER
// BY, comparisons, DISTINCT and indexes follow PostgreSQL.

// typeCollations maps a type to its collation's name and comparison
// (interval_order.go, jsonb_order.go).
var typeCollations = map[uint32]struct {
	name    string
	compare func(a, b string) int
}{
	pgoid.Interval:    {IntervalCollation, compareIntervalText},
	pgoid.Date:        {DatetimeCollation, compareDatetimeText}, // datetime_order.go
	pgoid.Timestamp:   {DatetimeCollation, compareDatetimeText},
	pgoid.Timestamptz: {DatetimeCollation, compareDatetimeText},
	pgoid.JSONB:       {JSONBCollation, compareJSONBText},
	pgoid.Money:       {MoneyCollation, compareMoneyText},
	pgoid.Inet:        {InetCollation, compareNetText}, // inet_funcs.go
	pgoid.Cidr:        {InetCollation, compareNetText},
	pgoid.Macaddr:     {MacaddrCollation, compareMacText}, // inet_funcs.go
	pgoid.Macaddr8:    {MacaddrCollation, compareMacText},
	pgoid.Int4Range:   {RangeCollation, compareRangeText}, // range_funcs.go
	pgoid.Int8Range:   {RangeCollation, compareRangeText},
	pgoid.NumRange:    {RangeCollation, compareRangeText},
	pgoid.DateRange:   {RangeCollation, compareRangeText},
	pgoid.TsRange:     {RangeCollation, compareRangeText},
	pgoid.TstzRange:   {RangeCollation, compareRangeText},
}

// typeCollation is the COLLATE clause a column of declared type typeName
// gets ("" for a type compared as its text).
func typeCollation(typeName string) string {
	if t := typeAlias[typeName]; t != nil {
		if c, ok := typeCollations[t.oid]; ok {
			return " COLLATE " + c.name
		}
	}
	return ""
}

// registerTypeCollations registers typeCollations with the driver.
func registerTypeCollations() error {
	for _, c := range typeCollations {
		if err := sqlite.RegisterCollationUtf8(c.name, c.compare); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register collation %s: %w", c.name, err)
		}
	}
	if err := sqlite.RegisterCollationUtf8(LateralKeyCollation, compareLateralKey); err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register collation %s: %w", LateralKeyCollation, err)
	}
	if err := sqlite.RegisterCollationUtf8(MinMaxCollation, compareMinMaxText); err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register collation %s: %w", MinMaxCollation, err)
	}
	return nil
}

// compareParsed orders texts by their parsed values (cmp); a text parse
// refuses (nothing the column's input function stores) sorts after every
// value, among such texts as text, so the order stays total.
func compareParsed[T any](a, b string, parse func(string) (T, error), cmp func(T, T) int) int {
	if a == b {
		return 0
	}
	va, errA := parse(a)
	vb, errB := parse(b)
	switch {
	case errA != nil && errB != nil:
		return strings.Compare(a, b)
	case errA != nil:
		return 1
	case errB != nil:
		return -1
	}
	return cmp(va, vb)
}
