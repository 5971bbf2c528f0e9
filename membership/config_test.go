package membership

import (
	"errors"
	"testing"
)

func cfg(v, l []uint64) Config { return NewConfig(v, l) }

func TestConfigPredicates(t *testing.T) {
	c := cfg([]uint64{3, 1, 2}, []uint64{5, 4, 2})
	if !c.Equal(Config{Voters: []uint64{1, 2, 3}, Learners: []uint64{4, 5}}) {
		t.Fatalf("NewConfig = %s", c)
	}
	tests := []struct {
		id                       uint64
		voter, learner, contains bool
	}{
		{1, true, false, true}, {3, true, false, true}, {4, false, true, true}, {6, false, false, false}, {0, false, false, false},
	}
	for _, tt := range tests {
		if c.IsVoter(tt.id) != tt.voter || c.IsLearner(tt.id) != tt.learner || c.Contains(tt.id) != tt.contains {
			t.Errorf("id %d: voter %v learner %v contains %v", tt.id, c.IsVoter(tt.id), c.IsLearner(tt.id), c.Contains(tt.id))
		}
	}
	if got := c.String(); got != "voters=(1 2 3) learners=(4 5)" {
		t.Errorf("String = %q", got)
	}
	cl := c.Clone()
	cl.Voters[0] = 99
	if c.Voters[0] != 1 {
		t.Error("Clone aliases")
	}
	if !(Config{}).Equal(Config{Voters: []uint64{}}) || !(Config{}).IsEmpty() {
		t.Error("nil vs empty")
	}
	if err := c.Validate(); err != nil {
		t.Error(err)
	}
	for _, bad := range []Config{
		{Voters: []uint64{2, 1}}, {Voters: []uint64{1, 1}}, {Voters: []uint64{0}}, {Voters: []uint64{1}, Learners: []uint64{1}},
	} {
		if bad.Validate() == nil {
			t.Errorf("Validate(%v) = nil", bad)
		}
	}
}

func TestApply(t *testing.T) {
	base := cfg([]uint64{1, 2, 3}, []uint64{4})
	tests := []struct {
		name string
		in   Config
		ch   Change
		want Config
		err  bool
	}{
		{"add learner", base, Change{Type: AddLearner, NodeID: 5}, cfg([]uint64{1, 2, 3}, []uint64{4, 5}), false},
		{"add learner again is no-op", base, Change{Type: AddLearner, NodeID: 4}, base, false},
		{"add learner of voter rejected", base, Change{Type: AddLearner, NodeID: 1}, base, true},
		{"add voter", base, Change{Type: AddVoter, NodeID: 6}, cfg([]uint64{1, 2, 3, 6}, []uint64{4}), false},
		{"add voter promotes learner", base, Change{Type: AddVoter, NodeID: 4}, cfg([]uint64{1, 2, 3, 4}, nil), false},
		{"add voter again is no-op", base, Change{Type: AddVoter, NodeID: 2}, base, false},
		{"promote learner", base, Change{Type: PromoteLearner, NodeID: 4}, cfg([]uint64{1, 2, 3, 4}, nil), false},
		{"promote voter is no-op", base, Change{Type: PromoteLearner, NodeID: 1}, base, false},
		{"promote non-member rejected", base, Change{Type: PromoteLearner, NodeID: 9}, base, true},
		{"remove voter", base, Change{Type: RemoveNode, NodeID: 2}, cfg([]uint64{1, 3}, []uint64{4}), false},
		{"remove learner", base, Change{Type: RemoveNode, NodeID: 4}, cfg([]uint64{1, 2, 3}, nil), false},
		{"remove non-member rejected", base, Change{Type: RemoveNode, NodeID: 9}, base, true},
		{"remove last voter rejected", cfg([]uint64{1}, []uint64{2}), Change{Type: RemoveNode, NodeID: 1}, cfg([]uint64{1}, []uint64{2}), true},
		{"node 0 rejected", base, Change{Type: AddVoter}, base, true},
		{"unknown type rejected", base, Change{Type: 42, NodeID: 7}, base, true},
		{"bootstrap from empty", Config{}, Change{Type: AddVoter, NodeID: 1}, cfg([]uint64{1}, nil), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.in.Clone()
			got, err := tt.in.Apply(tt.ch)
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if err != nil && !errors.Is(err, ErrInvalidChange) {
				t.Fatalf("error %v does not wrap ErrInvalidChange", err)
			}
			if !got.Equal(tt.want) {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
			if !tt.in.Equal(before) {
				t.Fatal("Apply mutated its receiver")
			}
			if err := got.Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCommittedIndex(t *testing.T) {
	tests := []struct {
		voters []uint64
		match  map[uint64]uint64
		want   uint64
	}{
		{nil, nil, 0},
		{[]uint64{1}, map[uint64]uint64{1: 5}, 5},
		{[]uint64{1, 2}, map[uint64]uint64{1: 5, 2: 3}, 3},
		{[]uint64{1, 2, 3}, map[uint64]uint64{1: 5, 2: 3, 3: 1}, 3},
		{[]uint64{1, 2, 3}, map[uint64]uint64{1: 5}, 0},
		{[]uint64{1, 2, 3, 4}, map[uint64]uint64{1: 9, 2: 8, 3: 7, 4: 1}, 7},
		{[]uint64{1, 2, 3, 4, 5}, map[uint64]uint64{1: 9, 2: 8, 3: 7, 4: 1, 5: 2}, 7},
		{ids(9), map[uint64]uint64{1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9}, 5},
	}
	for _, tt := range tests {
		got := CommittedIndex(tt.voters, func(id uint64) uint64 { return tt.match[id] })
		if got != tt.want {
			t.Errorf("CommittedIndex(%v, %v) = %d, want %d", tt.voters, tt.match, got, tt.want)
		}
	}
}

func ids(n int) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(i + 1)
	}
	return out
}

func TestVoteResult(t *testing.T) {
	tests := []struct {
		voters []uint64
		votes  map[uint64]bool
		want   VoteResult
	}{
		{nil, nil, VoteLost},
		{[]uint64{1}, map[uint64]bool{1: true}, VoteWon},
		{[]uint64{1}, map[uint64]bool{}, VotePending},
		{[]uint64{1, 2, 3}, map[uint64]bool{1: true}, VotePending},
		{[]uint64{1, 2, 3}, map[uint64]bool{1: true, 2: true}, VoteWon},
		{[]uint64{1, 2, 3}, map[uint64]bool{1: true, 2: false, 3: false}, VoteLost},
		{[]uint64{1, 2, 3}, map[uint64]bool{1: true, 2: false}, VotePending},
		{[]uint64{1, 2, 3, 4}, map[uint64]bool{1: true, 2: true, 3: false}, VotePending},
		{[]uint64{1, 2, 3, 4}, map[uint64]bool{1: true, 3: false, 4: false}, VoteLost},
		{[]uint64{1, 2, 3}, map[uint64]bool{1: true, 7: true}, VotePending}, // non-voter ignored
	}
	for _, tt := range tests {
		if got := TallyVotes(tt.voters, tt.votes); got != tt.want {
			t.Errorf("TallyVotes(%v, %v) = %s, want %s", tt.voters, tt.votes, got, tt.want)
		}
	}
	c := cfg([]uint64{1, 2, 3}, nil)
	if !c.HasQuorum(func(id uint64) bool { return id != 3 }) || c.HasQuorum(func(id uint64) bool { return id == 1 }) {
		t.Error("HasQuorum")
	}
}
