package pgdialect

// datetime_as_column.go: a date, timestamp or timestamptz value compared
// with a bare column of another of these types. PostgreSQL promotes the
// lower type of the pair (date < timestamp < timestamptz, a timestamp
// read as wall time in the session zone) and compares instants; the
// translator does not see the column's type, and comparing the value's
// stored text with the column's (a local '2024-01-01 12:00:00' with a
// UTC '2024-01-01 17:00:00+00', a date with a timestamp) gave silently
// wrong answers (ts_col < now(), date_col = '...'::timestamptz).
//
// pg_dt_as(value, value's type, the column's declared date/time type)
// rewrites the value into the text domain of the column's type, so the
// comparison stays one of canonical texts of one type and an index on
// the column still serves it. Where the column's type is the higher one
// the conversion is PostgreSQL's own (a date's midnight, a timestamp's
// instant in the zone); where it is the lower one the value may fall
// between two of the column's values, and then becomes a text strictly
// between their canonical texts, equal to none: every comparison
// operator then answers as PostgreSQL's (date_col < '2024-01-01
// 12:00'::timestamp holds for 2024-01-01, = holds for no date).

import (
	"database/sql/driver"
	"time"
)

func init() {
	ZonedFunctions = append(ZonedFunctions, ZonedFunc{"pg_dt_as", 3, dtAsColumn})
}

// dtAsColumn is pg_dt_as(value, vtype, ctype): value (of date/time type
// vtype) as a text that compares with the canonical texts of a column
// of type ctype as PostgreSQL compares the two types' values; other
// values and types unchanged.
func dtAsColumn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if a[0] == nil || a[1] == nil || a[2] == nil {
		return a[0], nil
	}
	vt, ct := str(a[1]), str(a[2])
	if vt == ct || !dtRank(vt) || !dtRank(ct) {
		return a[0], nil
	}
	if vt == "date" {
		return dateAs([]driver.Value{a[0], ct}, zone) // datetime_zone.go
	}
	o, err := operand(a[0], vt)
	if err != nil || o.inf != "" {
		return a[0], nil // the comparison reports the error / infinity is one
	}
	if zone == nil {
		zone = time.UTC
	}
	switch {
	case vt == "timestamp" && ct == "timestamptz":
		return formatTimestamptzCanon(WallIn(o.t, zone)), nil
	case ct == "date":
		// the column's date d is its midnight: as a timestamp, or the
		// instant the zone's clocks show it
		mid := func(d time.Time) time.Time { return d }
		w := o.t
		if vt == "timestamptz" {
			mid = func(d time.Time) time.Time { return WallIn(d, zone) }
			w, _ = localWall(o.t, zone)
		}
		d0 := time.Date(w.Year(), w.Month(), w.Day(), 0, 0, 0, 0, time.UTC)
		switch m := mid(d0); {
		case m.Equal(o.t):
			return formatDateCanon(d0), nil
		case m.Before(o.t):
			return formatDateCanon(d0) + " ", nil // after d0, before d0+1
		default:
			return formatDateCanon(d0.AddDate(0, 0, -1)) + " ", nil
		}
	case vt == "timestamptz" && ct == "timestamp":
		w, _ := localWall(o.t, zone)
		if WallIn(w, zone).Equal(o.t) {
			return formatTimestampCanon(w), nil
		}
		// an instant of the first pass through a fall-back overlap: no
		// wall time reads as it (PostgreSQL reads an ambiguous one with
		// the offset after), so it lies between the last wall time
		// before the overlap and the overlap's first
		return formatTimestampCanon(overlapStart(o.t, WallIn(w, zone), zone).Add(-time.Microsecond)) + "5", nil
	}
	return a[0], nil
}

// dtRank reports whether t is one of the types pg_dt_as converts between.
func dtRank(t string) bool {
	return t == "date" || t == "timestamp" || t == "timestamptz"
}

// overlapStart is the wall time at which zone's clocks are set back
// between instants lo and hi (lo before the change, hi after it: the
// first instant with hi's offset, as a wall time).
func overlapStart(lo, hi time.Time, zone *time.Location) time.Time {
	_, after := hi.In(zone).Zone()
	lo, hi = lo.Truncate(time.Second), hi.Truncate(time.Second)
	for hi.Sub(lo) > time.Second {
		mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
		if _, o := mid.In(zone).Zone(); o == after {
			hi = mid
		} else {
			lo = mid
		}
	}
	w, _ := localWall(hi, zone)
	return w
}
