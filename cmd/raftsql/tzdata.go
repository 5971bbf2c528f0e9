package main

// The binary embeds Go's tz database: a node whose host has no zoneinfo
// still resolves every TimeZone name a peer accepted (Go prefers the
// host's database when there is one; see docs/sql-dialect.md).
import _ "time/tzdata"
