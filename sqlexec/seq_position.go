package sqlexec

import (
	"regexp"
	"strings"
)

// A sequence function's argument that names no sequence
// (nextval('missing')) is refused when the call runs, where the
// statement's text is no longer at hand: PostgreSQL reports its 42P01 at
// the argument, the quoted name. seqNamePosition places it there when
// the client's statement has exactly one sequence function call whose
// quoted argument names the missing relation.

// reSeqCallArg finds a sequence function call with a quoted first
// argument: the literal's start is submatch 1.
var reSeqCallArg = regexp.MustCompile(`(?i)\b(?:nextval|currval|setval)\s*\(\s*('(?:[^']|'')*')`)

// reNoRelation reads the relation's name from a 42P01 message.
var reNoRelation = regexp.MustCompile(`^relation "(.*)" does not exist$`)

// seqNamePosition is the 1-based character position in orig of the
// quoted sequence name the 42P01 message msg names, 0 when not sure.
func seqNamePosition(msg, orig string) int {
	m := reNoRelation.FindStringSubmatch(msg)
	if m == nil || !strings.Contains(strings.ToLower(orig), "val") {
		return 0
	}
	at := -1
	for _, loc := range reSeqCallArg.FindAllStringSubmatchIndex(orig, -1) {
		lit := strings.ReplaceAll(orig[loc[2]+1:loc[3]-1], "''", "'")
		if seqArgName(lit) != m[1] {
			continue
		}
		if at >= 0 {
			return 0 // named twice: no sure place
		}
		at = loc[2]
	}
	if at < 0 {
		return 0
	}
	return len([]rune(orig[:at])) + 1
}

// seqArgName is the relation name a sequence function's text argument
// gives as the 42P01 message shows it: unquoted parts folded to lower
// case, quoted ones as written.
func seqArgName(s string) string {
	var parts []string
	for _, p := range strings.Split(strings.TrimSpace(s), ".") {
		p = strings.TrimSpace(p)
		if len(p) >= 2 && p[0] == '"' && p[len(p)-1] == '"' {
			parts = append(parts, strings.ReplaceAll(p[1:len(p)-1], `""`, `"`))
		} else {
			parts = append(parts, strings.ToLower(p))
		}
	}
	return strings.Join(parts, ".")
}
