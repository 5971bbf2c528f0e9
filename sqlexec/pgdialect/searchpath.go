package pgdialect

import "strings"

// search_path: raftsql resolves no name through it (one user schema,
// public: schema.go), but current_schema() and current_schemas() answer
// from it as PostgreSQL does, so a client that empties it (pg_dump, which
// records current_schemas(false) in its dump header) reads what it set.

// SearchPathSchemas is current_schemas(implicit) for the search_path
// value path of user: the schemas it names that exist, in order ("$user"
// is the user's schema), with pg_catalog first when implicit and not
// named.
func SearchPathSchemas(path, user string, implicit bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, item := range splitSearchPath(path) {
		if item == "$user" {
			item = user
		}
		if knownSchema(item) && !seen[item] {
			seen[item] = true
			out = append(out, item)
		}
	}
	if implicit && !seen["pg_catalog"] {
		out = append([]string{"pg_catalog"}, out...)
	}
	return out
}

// splitSearchPath splits a search_path value into its names: unquoted
// ones in lower case, double-quoted ones as written.
func splitSearchPath(path string) []string {
	var names []string
	for i := 0; i < len(path); {
		for i < len(path) && (path[i] == ' ' || path[i] == '\t' || path[i] == ',') {
			i++
		}
		if i >= len(path) {
			break
		}
		var b strings.Builder
		if path[i] == '"' {
			for i++; i < len(path); i++ {
				if path[i] == '"' {
					if i+1 < len(path) && path[i+1] == '"' {
						b.WriteByte('"')
						i++
						continue
					}
					i++
					break
				}
				b.WriteByte(path[i])
			}
			for i < len(path) && path[i] != ',' {
				i++
			}
			names = append(names, b.String())
			continue
		}
		j := i
		for j < len(path) && path[j] != ',' {
			j++
		}
		names = append(names, strings.ToLower(strings.TrimSpace(path[i:j])))
		i = j
	}
	return names
}

// SchemaArray is the text of a name[] of schemas.
func SchemaArray(schemas []string) string {
	return "{" + strings.Join(schemas, ",") + "}"
}
