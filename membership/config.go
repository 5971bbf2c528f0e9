package membership

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ErrInvalidChange is wrapped by every error Config.Apply returns.
var ErrInvalidChange = errors.New("membership: invalid configuration change")

// String names the change type.
func (t ChangeType) String() string {
	switch t {
	case AddLearner:
		return "AddLearner"
	case AddVoter:
		return "AddVoter"
	case PromoteLearner:
		return "PromoteLearner"
	case RemoveNode:
		return "RemoveNode"
	}
	return "ChangeType(" + strconv.Itoa(int(t)) + ")"
}

// String renders the change for logs.
func (c Change) String() string {
	return fmt.Sprintf("%s(%d)", c.Type, c.NodeID)
}

// IsVoter reports whether id is a voter.
func (c Config) IsVoter(id uint64) bool {
	_, ok := slices.BinarySearch(c.Voters, id)
	return ok
}

// IsLearner reports whether id is a learner.
func (c Config) IsLearner(id uint64) bool {
	_, ok := slices.BinarySearch(c.Learners, id)
	return ok
}

// Contains reports whether id is a voter or a learner.
func (c Config) Contains(id uint64) bool { return c.IsVoter(id) || c.IsLearner(id) }

// IsEmpty reports whether the configuration has no voters and no learners.
func (c Config) IsEmpty() bool { return len(c.Voters) == 0 && len(c.Learners) == 0 }

// IDs returns all members (voters then learners), in a new slice.
func (c Config) IDs() []uint64 {
	out := make([]uint64, 0, len(c.Voters)+len(c.Learners))
	out = append(out, c.Voters...)
	return append(out, c.Learners...)
}

// Clone returns a deep copy of c.
func (c Config) Clone() Config {
	return Config{Voters: slices.Clone(c.Voters), Learners: slices.Clone(c.Learners)}
}

// Equal reports whether c and o have the same voters and learners. A nil
// and an empty slice are equal.
func (c Config) Equal(o Config) bool {
	return slices.Equal(c.Voters, o.Voters) && slices.Equal(c.Learners, o.Learners)
}

// String renders the configuration as "voters=(1 2 3) learners=(4)".
func (c Config) String() string {
	var b strings.Builder
	b.WriteString("voters=(")
	for i, v := range c.Voters {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatUint(v, 10))
	}
	b.WriteString(") learners=(")
	for i, v := range c.Learners {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatUint(v, 10))
	}
	b.WriteString(")")
	return b.String()
}

// Validate checks the Config invariants: sorted, no duplicates, no zero
// IDs, voters and learners disjoint.
func (c Config) Validate() error {
	check := func(name string, ids []uint64) error {
		for i, id := range ids {
			if id == 0 {
				return fmt.Errorf("membership: %s contain node ID 0", name)
			}
			if i > 0 && ids[i-1] >= id {
				return fmt.Errorf("membership: %s not sorted or duplicated at %d", name, id)
			}
		}
		return nil
	}
	if err := check("voters", c.Voters); err != nil {
		return err
	}
	if err := check("learners", c.Learners); err != nil {
		return err
	}
	for _, id := range c.Learners {
		if c.IsVoter(id) {
			return fmt.Errorf("membership: node %d is both voter and learner", id)
		}
	}
	return nil
}

// NewConfig builds a valid Config from unsorted voter and learner lists
// (duplicates removed; a node listed in both is a voter).
func NewConfig(voters, learners []uint64) Config {
	v := slices.Clone(voters)
	slices.Sort(v)
	v = slices.Compact(v)
	var l []uint64
	for _, id := range learners {
		if _, ok := slices.BinarySearch(v, id); !ok {
			l = append(l, id)
		}
	}
	slices.Sort(l)
	l = slices.Compact(l)
	return Config{Voters: v, Learners: l}
}

func insertSorted(ids []uint64, id uint64) []uint64 {
	out := slices.Clone(ids)
	i, ok := slices.BinarySearch(out, id)
	if ok {
		return out
	}
	return slices.Insert(out, i, id)
}

func removeSorted(ids []uint64, id uint64) []uint64 {
	out := slices.Clone(ids)
	if i, ok := slices.BinarySearch(out, id); ok {
		out = slices.Delete(out, i, i+1)
	}
	return out
}

// Apply returns the configuration that results from applying ch to c. It
// never mutates c. Errors (all wrapping ErrInvalidChange):
//   - node ID 0, unknown change type;
//   - AddLearner of a voter (demotion is not supported: remove it first);
//   - PromoteLearner of a node that is not a learner;
//   - RemoveNode of a non-member, or of the last voter.
//
// Adding a node that is already in the requested role is a no-op
// (returns an equal Config and no error), so that re-applying a change is
// idempotent. AddVoter of a learner promotes it.
func (c Config) Apply(ch Change) (Config, error) {
	if ch.NodeID == 0 {
		return c, fmt.Errorf("%w: %s: node ID 0", ErrInvalidChange, ch)
	}
	id := ch.NodeID
	switch ch.Type {
	case AddLearner:
		if c.IsVoter(id) {
			return c, fmt.Errorf("%w: %s: node %d is a voter (remove it before re-adding as learner)", ErrInvalidChange, ch, id)
		}
		return Config{Voters: slices.Clone(c.Voters), Learners: insertSorted(c.Learners, id)}, nil
	case AddVoter:
		return Config{Voters: insertSorted(c.Voters, id), Learners: removeSorted(c.Learners, id)}, nil
	case PromoteLearner:
		if !c.IsLearner(id) {
			if c.IsVoter(id) {
				return c.Clone(), nil
			}
			return c, fmt.Errorf("%w: %s: node %d is not a learner", ErrInvalidChange, ch, id)
		}
		return Config{Voters: insertSorted(c.Voters, id), Learners: removeSorted(c.Learners, id)}, nil
	case RemoveNode:
		if !c.Contains(id) {
			return c, fmt.Errorf("%w: %s: node %d is not a member", ErrInvalidChange, ch, id)
		}
		if c.IsVoter(id) && len(c.Voters) == 1 {
			return c, fmt.Errorf("%w: %s: cannot remove the last voter", ErrInvalidChange, ch)
		}
		return Config{Voters: removeSorted(c.Voters, id), Learners: removeSorted(c.Learners, id)}, nil
	}
	return c, fmt.Errorf("%w: unknown change type %d", ErrInvalidChange, ch.Type)
}

// Quorum returns the number of votes a majority of n voters needs.
func Quorum(n int) int { return n/2 + 1 }

// CommittedIndex returns the largest index that a majority of voters have
// acknowledged, given each voter's match index. It returns 0 for an empty
// voter set (nothing can commit without voters).
func CommittedIndex(voters []uint64, match func(id uint64) uint64) uint64 {
	n := len(voters)
	if n == 0 {
		return 0
	}
	var stack [7]uint64
	var m []uint64
	if n <= len(stack) {
		m = stack[:n]
	} else {
		m = make([]uint64, n)
	}
	for i, id := range voters {
		m[i] = match(id)
	}
	slices.Sort(m)
	// The quorum-th largest value: with ascending order, index n-quorum.
	return m[n-Quorum(n)]
}

// CommittedIndex is CommittedIndex over c.Voters.
func (c Config) CommittedIndex(match func(id uint64) uint64) uint64 {
	return CommittedIndex(c.Voters, match)
}

// VoteResult is the outcome of an election tally.
type VoteResult uint8

const (
	// VotePending means neither a majority of grants nor of rejections yet.
	VotePending VoteResult = iota + 1
	// VoteLost means a majority rejected.
	VoteLost
	// VoteWon means a majority granted.
	VoteWon
)

func (r VoteResult) String() string {
	switch r {
	case VotePending:
		return "VotePending"
	case VoteLost:
		return "VoteLost"
	case VoteWon:
		return "VoteWon"
	}
	return "VoteResult(" + strconv.Itoa(int(r)) + ")"
}

// TallyVotes counts votes (granted true / rejected false) from voters;
// entries in votes from non-voters are ignored. An empty voter set never
// wins.
func TallyVotes(voters []uint64, votes map[uint64]bool) VoteResult {
	if len(voters) == 0 {
		return VoteLost
	}
	granted, rejected := 0, 0
	for _, id := range voters {
		v, ok := votes[id]
		if !ok {
			continue
		}
		if v {
			granted++
		} else {
			rejected++
		}
	}
	q := Quorum(len(voters))
	switch {
	case granted >= q:
		return VoteWon
	case rejected >= q || len(voters)-rejected < q:
		return VoteLost
	}
	return VotePending
}

// VoteResult is TallyVotes over c.Voters.
func (c Config) VoteResult(votes map[uint64]bool) VoteResult { return TallyVotes(c.Voters, votes) }

// HasQuorum reports whether the set of ids (given as a predicate) contains a
// majority of c's voters.
func (c Config) HasQuorum(in func(id uint64) bool) bool {
	if len(c.Voters) == 0 {
		return false
	}
	n := 0
	for _, id := range c.Voters {
		if in(id) {
			n++
		}
	}
	return n >= Quorum(len(c.Voters))
}
