package pgdialect

// zoneinfo.go: time zone rules. A zone's rules decide what a write stores
// (a timestamptz written without a zone, date_trunc in the session zone
// ...), so every node must read them from the same data: they come from
// the tz database embedded in this package (tzdata/zoneinfo.zip, a copy of
// the Go toolchain's $GOROOT/lib/time/zoneinfo.zip; refresh it with
// `go generate`), never from the host's /usr/share/zoneinfo, whose version
// differs between hosts (time.LoadLocation prefers the host's files even
// in a binary that imports time/tzdata).
//
// Zone specifications are read as PostgreSQL 15 reads them:
//   - a name of the tz database, case-insensitive (europe/paris);
//   - a POSIX TZ string: EST5EDT, UTC+3 (3 hours WEST of Greenwich: POSIX
//     signs are inverted), <+03>-3, XYZ3ABC (default US DST rules),
//     EST5EDT,M3.2.0,M11.1.0, +05:30 (no name; 5.5 hours west);
//   - for SET TimeZone also a number of hours EAST (-8, 5.5) or
//     INTERVAL '-08:00' HOUR TO MINUTE, shown as PostgreSQL shows them
//     (<-08>+08, <+05:30>-05:30).

//go:generate sh -c "cp \"$(go env GOROOT)/lib/time/zoneinfo.zip\" tzdata/zoneinfo.zip"

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed tzdata/zoneinfo.zip
var zoneinfoZip []byte

var tzdb struct {
	once  sync.Once
	files map[string]*zip.File // by lower-case name
	locs  sync.Map             // lower-case name -> *time.Location
}

// tzdbZone loads the zone named name (case-insensitive) from the embedded
// tz database.
func tzdbZone(name string) (*time.Location, bool) {
	tzdb.once.Do(func() {
		tzdb.files = map[string]*zip.File{}
		r, err := zip.NewReader(bytes.NewReader(zoneinfoZip), int64(len(zoneinfoZip)))
		if err != nil {
			return // an empty database: every name is unknown
		}
		for _, f := range r.File {
			tzdb.files[strings.ToLower(f.Name)] = f
		}
	})
	key := strings.ToLower(name)
	if v, ok := tzdb.locs.Load(key); ok {
		return v.(*time.Location), true
	}
	f := tzdb.files[key]
	if f == nil {
		return nil, false
	}
	rc, err := f.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, false
	}
	loc, err := time.LoadLocationFromTZData(f.Name, data)
	if err != nil {
		return nil, false
	}
	tzdb.locs.Store(key, loc)
	return loc, true
}

// posixInvalid names the placeholder zone of posixZone's data: a lookup
// answers it only when Go cannot read the TZ string.
const posixInvalid = "?"

// posixZone reads a POSIX TZ string (std offset [dst [offset] [,rules]])
// as PostgreSQL does, naming the zone name. Go reads the string (the
// footer of a TZif file without transitions); PostgreSQL also accepts a
// string without a name (+05:30).
func posixZone(spec, name string) (*time.Location, bool) {
	if spec == "" || len(spec) > 255 || strings.ContainsAny(spec, "\x00\n") {
		return nil, false
	}
	if spec[0] == '+' || spec[0] == '-' || spec[0] >= '0' && spec[0] <= '9' {
		spec = "<>" + spec
	}
	if posixRulesWithoutDST(spec) {
		return nil, false // Go ignores the rules; PostgreSQL refuses them
	}
	loc, err := time.LoadLocationFromTZData(name, tzifFooterOnly(spec))
	if err != nil {
		return nil, false
	}
	for _, t := range []time.Time{time.Date(2000, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2000, 7, 15, 0, 0, 0, 0, time.UTC)} {
		if n, _ := t.In(loc).Zone(); n == posixInvalid {
			return nil, false
		}
	}
	return loc, true
}

// tzifFooterOnly is a TZif version 2 file with no transitions, one
// placeholder zone type and the footer tz: Go's reader applies the footer
// to all times.
func tzifFooterOnly(tz string) []byte {
	var b bytes.Buffer
	header := func() {
		b.WriteString("TZif2")
		b.Write(make([]byte, 15))
		for _, n := range []uint32{0, 0, 0, 0, 1, uint32(len(posixInvalid) + 1)} { // isut, isstd, leap, time, type, char
			_ = binary.Write(&b, binary.BigEndian, n)
		}
	}
	block := func() {
		b.Write([]byte{0, 0, 0, 0, 0, 0}) // utoff 0, isdst 0, abbrind 0
		b.WriteString(posixInvalid + "\x00")
	}
	header()
	block()
	header()
	block()
	b.WriteString("\n" + tz + "\n")
	return b.Bytes()
}

// zoneSpec resolves a zone name or POSIX TZ string (AT TIME ZONE,
// date_trunc's zone, SET TimeZone).
func zoneSpec(s string) (*time.Location, bool) {
	if s == "" || strings.HasPrefix(s, "/") || strings.Contains(s, "..") {
		return nil, false
	}
	if loc, ok := tzdbZone(s); ok {
		return loc, true
	}
	return posixZone(s, s)
}

// offsetZone is PostgreSQL's zone for a fixed offset of secs seconds
// east of Greenwich (SET TIME ZONE -8): a POSIX zone named <+hh[:mm]>-hh[:mm].
func offsetZone(secs int) (*time.Location, string, bool) {
	abs := secs
	if abs < 0 {
		abs = -abs
	}
	off := fmt.Sprintf("%02d", abs/3600)
	if abs%3600 != 0 {
		off += fmt.Sprintf(":%02d", abs%3600/60)
		if abs%60 != 0 {
			off += fmt.Sprintf(":%02d", abs%60)
		}
	}
	name := "<+" + off + ">-" + off
	if secs < 0 {
		name = "<-" + off + ">+" + off
	}
	loc, ok := posixZone(name, name)
	return loc, name, ok
}

// setZoneNumeric reads SET TimeZone's numeric forms: hours east (-8,
// 5.5) and INTERVAL '-08:00' [HOUR TO MINUTE]. ok=false when v is
// neither; err for an interval with days or months.
func setZoneNumeric(v string) (loc *time.Location, name string, ok bool, err error) {
	if h, perr := strconv.ParseFloat(v, 64); perr == nil && !strings.ContainsAny(v, "xXpP_") {
		if h != h || h > 167 || h < -167 {
			return nil, "", false, nil
		}
		loc, name, ok = offsetZone(int(h * 3600)) // truncated, as PostgreSQL
		return loc, name, ok, nil
	}
	l := strings.ToLower(v)
	if !strings.HasPrefix(l, "interval") {
		return nil, "", false, nil
	}
	f := strings.Fields(l[len("interval"):])
	iv, perr := parseInterval(strings.Join(f, " "))
	for perr != nil && len(f) > 1 && intervalFieldWords[strings.ToUpper(f[len(f)-1])] {
		f = f[:len(f)-1] // INTERVAL '-08:00' HOUR TO MINUTE
		iv, perr = parseInterval(strings.Join(f, " "))
	}
	if perr != nil {
		return nil, "", false, nil
	}
	if iv.months != 0 || iv.days != 0 {
		return nil, "", false, pgErr("22023", "invalid value for parameter \"TimeZone\": \"%s\"", v)
	}
	loc, name, ok = offsetZone(int(iv.us / usPerSec))
	return loc, name, ok, nil
}

// posixRulesWithoutDST reports a TZ string with transition rules but no
// daylight-saving zone (UTC+3,M3.2.0).
func posixRulesWithoutDST(spec string) bool {
	i := 0
	if strings.HasPrefix(spec, "<") {
		i = strings.IndexByte(spec, '>') + 1
		if i == 0 {
			return false
		}
	}
	for i < len(spec) && (spec[i] >= 'a' && spec[i] <= 'z' || spec[i] >= 'A' && spec[i] <= 'Z') {
		i++
	}
	if i < len(spec) && (spec[i] == '+' || spec[i] == '-') {
		i++
	}
	for i < len(spec) && (spec[i] >= '0' && spec[i] <= '9' || spec[i] == ':') {
		i++
	}
	return i < len(spec) && spec[i] == ','
}
