package pgdialect

import (
	"strconv"
	"strings"
)

// PostgresVersion is the PostgreSQL release raftsql presents itself as: the
// one home of the server version. A node reports server_version as
// PostgresVersion followed by its build ("15.0 (raftsql 0.1.0)");
// server_version_num and version() are derived from that string, so the
// three always agree.
const PostgresVersion = "15.0"

// VersionString is what version() returns for a server_version.
func VersionString(serverVersion string) string {
	return "PostgreSQL " + serverVersion + " on x86_64-pc-linux-gnu, compiled by Go, 64-bit"
}

// ServerVersionNum is server_version_num for a server_version: major*10000
// + minor ("15.0 (raftsql 0.1.0)" -> "150000").
func ServerVersionNum(v string) string {
	f := strings.FieldsFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	maj, min := 16, 0
	if len(f) > 0 {
		maj, _ = strconv.Atoi(f[0])
	}
	if len(f) > 1 {
		min, _ = strconv.Atoi(f[1])
	}
	return strconv.Itoa(maj*10000 + min)
}
