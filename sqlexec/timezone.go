package sqlexec

import (
	"sync"
	"time"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// timezone.go: the session TimeZone in the state machine. A timestamptz
// written without a zone is wall-clock time in the session's zone, so the
// zone is part of what a write computes: the proposer carries its
// TimeZone in the entry (Command.TimeZone, only when not UTC) and apply
// binds it to the apply connection for that entry (detState.zone), where
// pg_in_timestamptz and the date/time casts read it. Reads bind the
// session's zone to their connection the same way. Zone names resolve in
// Go's tz database, which the binary embeds (cmd/raftsql imports
// time/tzdata), so every node reads the same rules whatever its host has.
//
// Invariant: the zone an entry's statements ran in while the proposer
// speculated is the zone carried in the entry. SET TimeZone is therefore
// refused inside a transaction once it has recorded a statement (its
// entry has one zone).

// zoneCache holds loaded zones by canonical name (loading reads the
// embedded tz database).
var zoneCache sync.Map // string -> *time.Location

// loadZoneCached is pgdialect.LoadZone with a cache.
func loadZoneCached(value string) (*time.Location, string, error) {
	if v, ok := zoneCache.Load(value); ok {
		loc := v.(*time.Location)
		return loc, loc.String(), nil
	}
	loc, name, err := pgdialect.LoadZone(value)
	if err != nil {
		return nil, "", err
	}
	zoneCache.Store(value, loc)
	return loc, name, nil
}

// entryZone is the zone an entry's statements run in: nil (UTC) for
// entries without one. A name this node cannot load (only possible with
// a binary whose embedded tz database lacks it) falls back to UTC.
func entryZone(name string) *time.Location {
	if name == "" {
		return nil
	}
	loc, _, err := loadZoneCached(name)
	if err != nil {
		return nil
	}
	return loc
}

// zoneName is the session's TimeZone as carried in entries: "" for UTC.
func (s *Session) zoneName() string {
	tz := s.settings["timezone"]
	if tz == "" || tz == "UTC" {
		return ""
	}
	return tz
}

// zone is the session's TimeZone location (nil = UTC).
func (s *Session) zone() *time.Location { return entryZone(s.zoneName()) }

// Location is the session's TimeZone location (nil = UTC), for the wire's
// timestamptz output (pgwire.SessionZone).
func (s *Session) Location() *time.Location { return s.zone() }

// zoneChangeAllowed refuses a change of the session's TimeZone to canon
// inside a transaction that has recorded a statement: its entry applies
// in one zone, the one its statements ran in.
func (s *Session) zoneChangeAllowed(canon string) error {
	if s.tx == nil || len(s.tx.stmts) == 0 || canon == s.settings["timezone"] {
		return nil
	}
	return &Error{Code: CodeFeatureNotSupported, Message: "changing TimeZone inside a transaction after its first statement is not supported",
		HintText: "Set the time zone before BEGIN or before the transaction's first statement: one transaction is applied in one time zone.", Statement: -1}
}
