package main

// The simulated cluster: run options and results, the sim state, one
// step of the main loop (restarts, faults, clients, delivery, ticks,
// Ready handling) and the operator that starts and stops nodes as the
// committed configuration changes.

import (
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"runtime/debug"
	"slices"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// Defaults for options.Steps and options.HealSteps.
const (
	defaultSteps     = 1000
	defaultHealSteps = 500
)

// options configures one simulated run.
type options struct {
	Seed      uint64
	Nodes     int // 3 or 5; 0 alternates by seed (odd: 3, even: 5)
	Steps     int // fault-injection steps before the heal phase
	HealSteps int // bound on the heal phase (liveness)
	Faults    faultRates
	Verbose   io.Writer // stream every trace event (nil: only keep the tail)
	TraceLen  int       // events in the failure trace
	Logger    *slog.Logger
	// ReportUnreachable makes the simulated transport report every lost
	// message to its sender (RawNode.ReportUnreachable), as a transport
	// that detects failed sends would. Off by default: a lossy network that
	// never reports must not stall the core (BUG-1,
	// TestRegressionLostInflightWindow).
	ReportUnreachable bool
	// EarlySnapshot makes every driver snapshot and compact its log as soon
	// as it has applied an entry, so a joining node always gets a snapshot
	// (with the configuration) rather than replaying the log from index 1,
	// which once lacked the bootstrap configuration. Workaround for BUG-2
	// (TestRegressionJoinerBootstrapConfig).
	EarlySnapshot bool
	// LeaseReads runs every node with ReadOnlyLeaseBased (and check-quorum)
	// instead of the default ReadOnlySafe.
	LeaseReads bool
	// DiskLossOldID is the unsafe variant of the disk-loss fault: the wiped
	// node restarts under its old id, as the voter it was, instead of being
	// replaced by a new member. The checker must catch it on some seed
	// (TestDiskLossOldIDCaught); it shows why identity matters.
	DiskLossOldID bool
	// noDurableCheck turns the committed entry durability accounting off
	// (tests only), so that a test can show what an unsafe run actually
	// does rather than what the accounting predicts.
	noDurableCheck bool
}

// runStats summarises a run.
type runStats struct {
	Writes, Applied, Reads, ReadsDone, Crashes, Partitions int
	ConfChanges, Transfers, Elections, Snapshots           int
	MaxTerm                                                uint64
	HealSteps                                              int
}

// result is the outcome of one run.
type result struct {
	Seed   uint64
	Nodes  int
	V      *violation
	Trace  []string
	Digest uint64
	Stats  runStats
	// DiskLosses counts the disk-loss faults injected (kept out of Stats,
	// which -seed prints, so that default output is unchanged).
	DiskLosses int
	// InitialDiskLosses counts those that hit a member of the initial
	// configuration (ids 1..Nodes), raftsql's bootstrap members.
	InitialDiskLosses int
	Replaced          int // lost voters replaced by a new voter
}

// nodesFor returns the cluster size used for seed when nodes is 0.
func nodesFor(seed uint64, nodes int) int {
	if nodes != 0 {
		return nodes
	}
	if seed%2 == 1 {
		return 3
	}
	return 5
}

type sim struct {
	opt    options
	rng    *rand.Rand
	step   int
	nodes  map[uint64]*node
	ids    []uint64 // every node ever created, sorted
	nextID uint64
	target int
	chk    *checker
	tr     *tracer
	v      *violation

	net     []envelope
	seq     uint64
	blocked map[[2]uint64]bool
	partEnd int
	lost    *replacement // the lost voter being replaced (diskloss.go)

	cfg      membership.Config // latest configuration applied anywhere
	cfgIndex uint64

	faultsOn  bool
	clientsOn bool
	proposed  map[uint64]bool
	writeIdx  map[uint64]uint64 // value -> index where first applied
	nextWrite uint64
	nextRead  uint64
	readNode  map[uint64]uint64 // pending read -> node

	storm                float64 // multiplier of the targeted crash rates
	preVote, checkQuorum bool
	maxSize              uint64
	maxInflight          int
	stats                runStats
	diskLosses, replaced int
	initialDiskLosses    int
}

// Run executes one seeded simulation and checks it.
func runSeed(opt options) (res result) {
	opt.Nodes = nodesFor(opt.Seed, opt.Nodes)
	if opt.Steps <= 0 {
		opt.Steps = defaultSteps
	}
	if opt.HealSteps <= 0 {
		opt.HealSteps = defaultHealSteps
	}
	s := &sim{
		opt:      opt,
		rng:      rand.New(rand.NewPCG(opt.Seed, 0x5eed5eed^opt.Seed*0x9e3779b97f4a7c15)),
		nodes:    make(map[uint64]*node),
		chk:      newChecker(),
		tr:       newTracer(opt.TraceLen, opt.Verbose),
		blocked:  make(map[[2]uint64]bool),
		proposed: make(map[uint64]bool),
		writeIdx: make(map[uint64]uint64),
		readNode: make(map[uint64]uint64),
		target:   opt.Nodes,
	}
	res.Seed, res.Nodes = opt.Seed, opt.Nodes
	defer func() {
		if r := recover(); r != nil {
			st := string(debug.Stack())
			if len(st) > 3000 {
				st = st[:3000]
			}
			s.v = violated(propPanic, "%v\n%s", r, st)
		}
		res.V = s.v
		res.Digest = s.tr.digest
		res.Stats = s.stats
		res.DiskLosses, res.Replaced, res.InitialDiskLosses = s.diskLosses, s.replaced, s.initialDiskLosses
		if s.v != nil {
			res.Trace = s.tr.lines()
		}
	}()
	s.run()
	return res
}

func (s *sim) note(format string, args ...any) {
	s.tr.add(event{step: s.step, what: fmt.Sprintf(format, args...)})
}

func (s *sim) fail(v *violation) bool {
	if v != nil && s.v == nil {
		s.v = v
		s.note("VIOLATION %s: %s", v.Property, v.Detail)
	}
	return s.v != nil
}

func (s *sim) run() {
	mode := s.rng.IntN(4)
	s.preVote = mode != 1
	s.checkQuorum = mode != 2 || s.opt.LeaseReads
	s.storm = []float64{1, 5}[s.rng.IntN(2)]
	s.maxSize = []uint64{1, 64, 512, 1 << 20}[s.rng.IntN(4)]
	s.maxInflight = []int{2, 8, 256}[s.rng.IntN(3)]
	var voters []uint64
	for i := 1; i <= s.opt.Nodes; i++ {
		voters = append(voters, uint64(i))
	}
	s.nextID = uint64(s.opt.Nodes) + 1
	s.cfg = membership.Config{Voters: voters}
	s.note("start seed=%d nodes=%d prevote=%v checkquorum=%v maxsize=%d inflight=%d storm=%g faults=%s",
		s.opt.Seed, s.opt.Nodes, s.preVote, s.checkQuorum, s.maxSize, s.maxInflight, s.storm, s.opt.Faults)
	for _, id := range voters {
		st := raft.NewMemoryStorage()
		st.SetConfig(membership.Config{Voters: slices.Clone(voters)})
		s.addNode(id, st)
	}
	if s.v != nil {
		return
	}
	s.faultsOn, s.clientsOn = true, true
	for s.step < s.opt.Steps && s.v == nil {
		s.stepOnce()
	}
	if s.v != nil {
		return
	}
	s.heal()
}

func (s *sim) addNode(id uint64, st *raft.MemoryStorage) {
	n := &node{id: id, st: st, snapEvery: uint64(20 + s.rng.IntN(60)), tickRate: 1}
	if s.rng.IntN(2) == 0 {
		n.tickRate = 0.8 + 0.2*s.rng.Float64()
	}
	s.nodes[id] = n
	s.ids = append(s.ids, id)
	slices.Sort(s.ids)
	s.start(n)
}

func (s *sim) live() []*node {
	var out []*node
	for _, id := range s.ids {
		if n := s.nodes[id]; n.up() {
			out = append(out, n)
		}
	}
	return out
}

func (s *sim) leader() *node {
	var best *node
	for _, id := range s.ids {
		n := s.nodes[id]
		if n.up() && n.state == raft.StateLeader && (best == nil || n.hs.Term > best.hs.Term) {
			best = n
		}
	}
	return best
}

func (s *sim) stepOnce() {
	s.step++
	if s.partEnd != 0 && s.step >= s.partEnd {
		s.healPartition()
	}
	for _, id := range s.ids {
		n := s.nodes[id]
		if !n.removed && !n.lost && !n.up() && s.step >= n.downUntil {
			s.restart(n)
			if s.v != nil {
				return
			}
		}
	}
	if s.faultsOn {
		s.faults()
		if s.v != nil {
			return
		}
	}
	s.replaceLost()
	if s.clientsOn {
		s.clients()
	}
	s.deliver()
	if s.v != nil {
		return
	}
	if s.step%50 == 0 && s.fail(s.checkDurable()) {
		return
	}
	for _, n := range s.live() {
		// Clocks run at slightly different rates (not with lease reads,
		// which assume bounded drift).
		if s.opt.LeaseReads || n.tickRate >= 1 || s.rng.Float64() < n.tickRate {
			n.rn.Tick()
		}
	}
	order := s.live()
	s.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, n := range order {
		if !n.up() {
			continue
		}
		if n.rn.HasReady() {
			s.handleReady(n)
		} else if n.pendingCrash != crashNone {
			s.crash(n)
		}
		if s.v != nil {
			return
		}
		s.reapRemoved()
	}
}

func (s *sim) reapRemoved() {
	for _, id := range s.ids {
		if n := s.nodes[id]; n.removed && n.up() {
			s.stopNode(n)
		}
	}
}

// setConfig tracks the newest committed configuration: it starts nodes that
// joined and stops (for good) nodes that were removed, as an operator would.
func (s *sim) setConfig(cfg membership.Config) {
	s.cfg = membership.Config{Voters: slices.Clone(cfg.Voters), Learners: slices.Clone(cfg.Learners)}
	ms := members(cfg)
	for _, id := range ms {
		if _, ok := s.nodes[id]; !ok {
			s.note("operator starts new node %d", id)
			s.addNode(id, raft.NewMemoryStorage())
		}
	}
	for _, id := range s.ids {
		n := s.nodes[id]
		if !n.removed && !slices.Contains(ms, id) {
			// Stopped by reapRemoved once the current Ready is done.
			s.note("operator stops removed node %d", id)
			n.removed = true
			s.chk.ForgetNode(id)
		}
	}
}

// members returns the voters, then the learners, of cfg in a new slice.
func members(cfg membership.Config) []uint64 {
	return append(slices.Clone(cfg.Voters), cfg.Learners...)
}

func (s *sim) checkDurable() *violation {
	if s.opt.noDurableCheck {
		return nil
	}
	return s.chk.CheckDurable(s.cfg.Voters, func(id, i, t uint64) bool {
		n := s.nodes[id]
		// A lost identity holds nothing but never votes again, so no
		// electing quorum contains it (diskloss.go).
		return n != nil && (n.lost || n.holds(i, t))
	})
}
