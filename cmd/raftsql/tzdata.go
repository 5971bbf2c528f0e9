package main

// The binary embeds Go's tz database for any time.LoadLocation outside
// the SQL engine. The engine's zone rules (TimeZone, AT TIME ZONE,
// timestamptz input) come only from the copy embedded in pgdialect
// (sqlexec/pgdialect/zoneinfo.go), never the host's zoneinfo, so every
// node computes the same values (docs/sql-dialect.md, "Time zones").
import _ "time/tzdata"
