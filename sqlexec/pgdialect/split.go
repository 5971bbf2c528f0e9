package pgdialect

// Split returns the statements of a query string, without their
// terminating semicolons, surrounding whitespace and leading/trailing
// comments. Pieces that contain
// only whitespace and comments are dropped (so "-- ping" and ";" yield no
// statements; the caller answers EmptyQueryResponse); an unterminated
// block comment is kept, as the statement whose error it is. Semicolons inside
// quotes, dollar quotes, comments, parentheses and the BEGIN ... END body
// of CREATE TRIGGER do not split.
func Split(sql string) []string {
	pieces := SplitPieces(sql)
	if len(pieces) == 0 {
		return nil
	}
	out := make([]string, len(pieces))
	for i, p := range pieces {
		out[i] = p.Text
	}
	return out
}

// Piece is one statement of a query string (Split) and where it stands
// in that string, so that errors can point into the string as PostgreSQL's
// positions do.
type Piece struct {
	Text  string
	Start int // byte offset of Text in the query string
	// Semi is the byte offset of the ';' where PostgreSQL's parser ends
	// the statement, -1 when it runs to the end of the string: the one
	// Split ends it at or, inside a parenthesis left open, the first of
	// those the statement ends with. PostgreSQL reports an incomplete
	// statement at or near that ';', or at the end of input.
	Semi int
}

// SplitPieces is Split with each statement's place in sql.
func SplitPieces(sql string) []Piece {
	toks := lex(sql)
	var out []Piece
	start := 0          // byte offset of the current piece
	hasContent := false // non-trivia seen in the current piece
	depth := 0          // parentheses
	var head []string   // first keywords of the current piece (upper case)
	trigger := false
	block := 0   // BEGIN/CASE nesting inside a trigger body
	lastEnd := 0 // end of the last significant token of the current piece
	trail := -1  // the first of the ';' the piece ends with (inside an open parenthesis)
	flush := func(semi int) {
		if hasContent {
			if trail >= 0 {
				semi = trail
			}
			out = append(out, Piece{Text: sql[start:lastEnd], Start: start, Semi: semi})
		}
		hasContent, depth, head, trigger, block, trail = false, 0, head[:0], false, 0, -1
	}
	for i := range toks {
		t := &toks[i]
		if t.trivia() && !t.open {
			continue // (an unterminated comment is the statement's error: Translate reports it)
		}
		if t.typ == tPunct && t.text == ";" && depth <= 0 && block <= 0 {
			flush(t.pos)
			start = t.pos + 1
			continue
		}
		if !hasContent {
			start = t.pos
		}
		hasContent = true
		lastEnd = t.pos + len(t.text)
		switch {
		case t.typ != tPunct || t.text != ";":
			trail = -1
		case trail < 0:
			trail = t.pos
		}
		if t.typ == tPunct {
			switch t.text {
			case "(":
				depth++
			case ")":
				depth--
			}
		}
		if t.typ == tIdent {
			if len(head) < 4 {
				head = append(head, t.upper())
				if len(head) >= 2 && head[0] == "CREATE" && (head[len(head)-1] == "TRIGGER") {
					trigger = true
				}
			}
			if trigger {
				switch {
				case t.kw("BEGIN"), t.kw("CASE"):
					block++
				case t.kw("END"):
					block--
				}
			}
		}
	}
	flush(-1)
	return out
}
