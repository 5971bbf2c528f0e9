package pgdialect

// framecheck.go: the window frames PostgreSQL's grammar refuses (42P20,
// at the offending bound): a frame starting at UNBOUNDED FOLLOWING or
// ending at UNBOUNDED PRECEDING, or ending before it starts. SQLite
// answered 42601 at FOLLOWING or XX000 "unsupported frame specification"
// (differential fuzz tester's shape queries).

// frameBound kinds, in frame order.
const (
	fbUnboundedPreceding = iota
	fbPreceding
	fbCurrentRow
	fbFollowing
	fbUnboundedFollowing
)

// frameChecks reports the first window frame of the statement that
// PostgreSQL's grammar refuses.
func (x *tx) frameChecks() error {
	for i := 0; i+1 < x.n(); i++ {
		if !x.kw(i, "ROWS") && !x.kw(i, "RANGE") && !x.kw(i, "GROUPS") {
			continue
		}
		windowing := func(msg string, at int) error {
			return &Error{Code: "42P20", Message: msg, Position: x.T(at).pos + 1}
		}
		mode := x.T(i).upper()
		if mode == "GROUPS" {
			if err := x.groupsOrdered(i); err != nil {
				return err
			}
		}
		// offsets: ROWS and GROUPS here (frame_offsets.go), RANGE's in
		// window_range.go
		offset := func(k, kind, next int, which string) error {
			if mode == "RANGE" || kind != fbPreceding && kind != fbFollowing {
				return nil
			}
			return x.frameOffset(mode, k, next-1, which)
		}
		if !x.kw(i+1, "BETWEEN") {
			k, next, ok := x.frameBound(i + 1)
			if ok {
				if err := offset(i+1, k, next, "starting"); err != nil {
					return err
				}
			}
			switch {
			case !ok:
			case k == fbUnboundedFollowing:
				return windowing("frame start cannot be UNBOUNDED FOLLOWING", i+1)
			case k == fbFollowing:
				return windowing("frame starting from following row cannot end with current row", i+1)
			}
			continue
		}
		start, and, ok := x.frameBound(i + 2)
		if !ok || !x.kw(and, "AND") {
			continue
		}
		end, next, ok := x.frameBound(and + 1)
		if !ok {
			continue
		}
		if err := offset(i+2, start, and, "starting"); err != nil {
			return err
		}
		if err := offset(and+1, end, next, "ending"); err != nil {
			return err
		}
		switch {
		case start == fbUnboundedFollowing:
			return windowing("frame start cannot be UNBOUNDED FOLLOWING", i+2)
		case end == fbUnboundedPreceding:
			return windowing("frame end cannot be UNBOUNDED PRECEDING", and+1)
		case start == fbCurrentRow && end == fbPreceding:
			return windowing("frame starting from current row cannot have preceding rows", and+1)
		case start == fbFollowing && (end == fbPreceding || end == fbCurrentRow):
			return windowing("frame starting from following row cannot have preceding rows", and+1)
		}
	}
	return nil
}

// frameBound reads the frame bound at k: its kind and the token after
// it; ok=false when k starts no bound.
func (x *tx) frameBound(k int) (kind, next int, ok bool) {
	switch {
	case x.kw(k, "UNBOUNDED", "PRECEDING"):
		return fbUnboundedPreceding, k + 2, true
	case x.kw(k, "UNBOUNDED", "FOLLOWING"):
		return fbUnboundedFollowing, k + 2, true
	case x.kw(k, "CURRENT", "ROW"):
		return fbCurrentRow, k + 2, true
	}
	// an offset expression, then PRECEDING or FOLLOWING at its depth
	for j := k; j < x.n() && x.depth[j] >= x.depth[k]; j++ {
		if x.depth[j] != x.depth[k] {
			continue
		}
		if x.isP(j, "(") && x.match(j) > j {
			j = x.match(j) // (SELECT 1), (2 * 1)::int: its ) closes no frame
			continue
		}
		switch {
		case x.kw(j, "PRECEDING"):
			return fbPreceding, j + 1, j > k
		case x.kw(j, "FOLLOWING"):
			return fbFollowing, j + 1, j > k
		case x.kw(j, "AND"), x.isP(j, ")"), x.isP(j, ","), x.kw(j, "EXCLUDE"):
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// groupsOrdered is PostgreSQL's 42P20 for a GROUPS frame at i whose
// window has no ORDER BY (SQLite framed each partition as one group):
// at the window's parenthesis. A window that copies another (OVER (w
// GROUPS ...)) takes that one's ORDER BY, and is let through.
func (x *tx) groupsOrdered(i int) error {
	d := x.depth[i]
	open := -1
	for k := i - 1; k >= 0; k-- {
		if x.depth[k] < d {
			open = k
			break
		}
	}
	if open < 0 || !x.isP(open, "(") {
		return nil
	}
	if t := x.T(open + 1); (t.typ == tIdent || t.typ == tQIdent) && !t.kw("PARTITION") && !t.kw("ORDER") && !t.kw("GROUPS") {
		return nil // an existing window's name
	}
	for k := open + 1; k < i; k++ {
		if x.depth[k] == d && x.kw(k, "ORDER", "BY") {
			return nil
		}
	}
	return &Error{Code: "42P20", Message: "GROUPS mode requires an ORDER BY clause", Position: x.charPos(open)}
}
