package integration

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
)

// The fault-injection suite: the register, bank and append-set workloads
// run together through pgx against every node of a process cluster while
// a seeded nemesis kills, pauses, partitions, delays and resets. The
// default run is bounded (about 15 s of faults on 3 nodes); the
// environment selects more:
//
//	RAFTSQL_FAULTS_LONG=1          30 minutes on 5 nodes
//	RAFTSQL_FAULTS_DURATION=10m    any duration (with LONG or alone)
//	RAFTSQL_FAULTS_NODES=5         cluster size
//	RAFTSQL_FAULTS_SEED=12345      reproduce a run's fault schedule
//	RAFTSQL_FAULTS_ARTIFACTS=dir   where a failing run leaves its evidence
//	RAFTSQL_FAULTS_SELFTEST=1      run the self-tests (TestFaultsSelfTest*:
//	                               stale reads, a wiped voter, broken builds)
//	RAFTSQL_FAULTS_READ_LEASE=1    the nodes run with --read-lease
//
// A failing run names a directory holding the seed, the fault log, the
// register history with porcupine's visualisation, and the node logs.

type faultsConfig struct {
	seed       uint64
	nodes      int
	duration   time.Duration
	staleReads bool
	breakage   string // a deliberately broken build (faults_breakage_test.go)
	readLease  bool
}

func faultsConfigFromEnv(t *testing.T) faultsConfig {
	t.Helper()
	cfg := faultsConfig{seed: uint64(time.Now().UnixNano()), nodes: 3, duration: 15 * time.Second}
	if os.Getenv("RAFTSQL_FAULTS_LONG") != "" {
		cfg.nodes, cfg.duration = 5, 30*time.Minute
	}
	if s := os.Getenv("RAFTSQL_FAULTS_DURATION"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("RAFTSQL_FAULTS_DURATION: %v", err)
		}
		cfg.duration = d
	}
	if s := os.Getenv("RAFTSQL_FAULTS_NODES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 3 {
			t.Fatalf("RAFTSQL_FAULTS_NODES=%q: want a number >= 3", s)
		}
		cfg.nodes = n
	}
	cfg.readLease = os.Getenv("RAFTSQL_FAULTS_READ_LEASE") != ""
	if s := os.Getenv("RAFTSQL_FAULTS_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("RAFTSQL_FAULTS_SEED: %v", err)
		}
		cfg.seed = n
	}
	return cfg
}

// faultsRun is one run of the suite: the cluster, the workloads, and
// what they observed.
type faultsRun struct {
	t    *testing.T
	cfg  faultsConfig
	fc   *faultCluster
	nem  *nemesis
	reg  *registerWorkload
	bank *bankWorkload
	set  *appendSetWorkload
}

// keyEpoch is how long the register workload uses one set of keys: fresh
// keys keep each of porcupine's partitions short in a long run (an
// unknown outcome stays concurrent with every later operation on its
// key, which is what makes checking expensive).
const keyEpoch = 20 * time.Second

func newFaultsRun(t *testing.T, cfg faultsConfig) *faultsRun {
	t.Helper()
	t.Logf("faults run: seed=%d nodes=%d duration=%v stale_reads=%v read_lease=%v (RAFTSQL_FAULTS_SEED=%d reproduces the fault schedule)",
		cfg.seed, cfg.nodes, cfg.duration, cfg.staleReads, cfg.readLease, cfg.seed)
	bin, env := raftsqlBinary(t), []string(nil)
	if cfg.breakage != "" {
		bin, env = breakageBinary(t), []string{"RAFTSQL_BREAKAGE=" + cfg.breakage}
	}
	// Small snapshot thresholds: nodes snapshot and compact their logs
	// every few seconds under the workload, so a node back from a kill,
	// a pause or a partition often catches up by snapshot.
	args := []string{"--verify-interval", "2s", "--snapshot-entries", "1000", "--log-tail-entries", "200"}
	if cfg.readLease {
		args = append(args, "--read-lease")
	}
	fc := startFaultClusterBin(t, bin, env, cfg.nodes, cfg.seed, args...)
	fc.leader(30 * time.Second)
	opTimeout := 3 * time.Second
	r := &faultsRun{t: t, cfg: cfg, fc: fc,
		nem:  newNemesis(fc, cfg.seed, [2]time.Duration{time.Second, 3 * time.Second}, [2]time.Duration{500 * time.Millisecond, 1500 * time.Millisecond}),
		reg:  &registerWorkload{keys: 3, staleReads: cfg.staleReads, opTimeout: opTimeout, counts: map[string]int{}},
		bank: &bankWorkload{accounts: 5, initial: 100, opTimeout: opTimeout, counts: map[string]int{}},
		set:  &appendSetWorkload{opTimeout: opTimeout, attempted: map[int64]bool{}, acked: map[int64]bool{}, counts: map[string]int{}},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	epochs := int(cfg.duration/keyEpoch) + 2
	url := fc.nodes[0].url()
	if err := r.reg.setup(ctx, url, epochs); err != nil {
		t.Fatalf("register setup: %v", err)
	}
	if err := r.bank.setup(ctx, url); err != nil {
		t.Fatalf("bank setup: %v", err)
	}
	if err := r.set.setup(ctx, url); err != nil {
		t.Fatalf("append-set setup: %v", err)
	}
	fc.logf("workloads set up (the register history's times count from %v before this line)", time.Since(r.reg.start).Round(time.Millisecond))
	return r
}

// run drives the workloads and the nemesis for d.
func (r *faultsRun) run(d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	wait := r.startClients(ctx)
	r.nem.run(ctx) // heals everything when ctx ends
	wait()
}

// startClients starts every workload's clients on every node until ctx
// ends; the function returned waits for them.
func (r *faultsRun) startClients(ctx context.Context) (wait func()) {
	var wg sync.WaitGroup
	for i, p := range r.fc.nodes {
		url := p.url()
		for c := range 2 {
			wg.Add(1)
			go func(seed uint64) { defer wg.Done(); r.reg.client(ctx, p.name, url, seed) }(r.cfg.seed + uint64(100*i+c))
		}
		wg.Add(2)
		go func() { defer wg.Done(); r.bank.client(ctx, p.name, url, r.cfg.seed+uint64(1000+i)) }()
		go func() { defer wg.Done(); r.set.client(ctx, p.name, url) }()
	}
	return wg.Wait
}

// check waits for the healed cluster and checks everything; it returns
// the problems found and a summary of what was checked.
func (r *faultsRun) check() (problems []string, summary string, linearizable porcupine.CheckResult, artifacts string) {
	fc := r.fc
	artifacts = os.Getenv("RAFTSQL_FAULTS_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(os.TempDir(), fmt.Sprintf("raftsql-faults-seed%d", r.cfg.seed))
	}
	history := r.reg.history()
	res, err := checkLinearizable(history, 5*time.Minute, artifacts)
	if res == porcupine.Illegal {
		problems = append(problems, err.Error())
	} else if err != nil {
		r.t.Logf("linearizability check inconclusive: %v", err)
	}
	r.bank.mu.Lock()
	problems = append(problems, r.bank.violations...)
	r.bank.mu.Unlock()
	for _, p := range fc.nodes {
		select {
		case <-p.exited:
			problems = append(problems, fmt.Sprintf("%s exited on its own (see its log)", p.name))
		default:
		}
	}
	if err := fc.agreedLeader(time.Minute); err != nil {
		problems = append(problems, "after healing: "+err.Error())
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, p := range fc.nodes {
		ps, err := r.set.check(ctx, p.name, p.url())
		if err != nil {
			problems = append(problems, fmt.Sprintf("append-set read on %s: %v", p.name, err))
		}
		problems = append(problems, ps...)
		if v, err := showSetting(ctx, p.url(), "raftsql.verification"); err != nil || strings.HasPrefix(v, "diverged") {
			problems = append(problems, fmt.Sprintf("%s: SHOW raftsql.verification = %q, %v", p.name, v, err))
		}
	}
	summary = fmt.Sprintf("seed=%d nodes=%d duration=%v\nfaults: %s\nregister ops checked: %d (linearizability %s) %s\nbank: %s\nappend set: %s (acknowledged %d, attempted %d)\n",
		r.cfg.seed, r.cfg.nodes, r.cfg.duration, r.nem.report(), len(history), res, formatCounts(r.reg.counts, &r.reg.mu),
		formatCounts(r.bank.counts, &r.bank.mu), formatCounts(r.set.counts, &r.set.mu), len(r.set.acked), len(r.set.attempted))
	if len(problems) > 0 {
		os.MkdirAll(artifacts, 0o755)
		fc.copyLogs(artifacts)
		os.WriteFile(filepath.Join(artifacts, "faults.log"), []byte(fc.eventLog()), 0o644)
		os.WriteFile(filepath.Join(artifacts, "summary.txt"), []byte(summary+"\n"+strings.Join(problems, "\n")+"\n"), 0o644)
	}
	return problems, summary, res, artifacts
}

// networkProblems are the signs that the run's network faults did not
// reach the peer traffic: the nemesis's own (cuts that dropped nothing,
// an isolated leader never deposed), and, healed, a leader whose links
// through the proxies carry nothing.
func (r *faultsRun) networkProblems() []string {
	problems := r.nem.networkProblems()
	if l := r.fc.currentLeader(); l >= 0 {
		if err := r.fc.awaitForwarded(r.fc.leaderLinksBothWays(l), 10*time.Second); err != nil {
			problems = append(problems, err.Error())
		}
	}
	return problems
}

func formatCounts(m map[string]int, mu *sync.Mutex) string {
	mu.Lock()
	defer mu.Unlock()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var s []string
	for _, k := range keys {
		s = append(s, fmt.Sprintf("%s=%d", k, m[k]))
	}
	return strings.Join(s, " ")
}

// TestFaults is the suite: no violation of linearizability (registers),
// of the bank's invariant, or of the append-only set, under a seeded
// schedule of process, network and timing faults.
func TestFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	cfg := faultsConfigFromEnv(t)
	r := newFaultsRun(t, cfg)
	r.run(cfg.duration)
	problems, summary, _, artifacts := r.check()
	problems = append(problems, r.networkProblems()...)
	t.Logf("summary:\n%s", summary)
	if len(problems) > 0 {
		t.Fatalf("seed %d: %d problems (artifacts: %s):\n%s", cfg.seed, len(problems), artifacts, strings.Join(problems, "\n"))
	}
}

// TestFaultsSelfTestStaleReads breaks the system on purpose (the
// register reads skip ReadIndex: SET raftsql.read_consistency = 'stale')
// and requires the checker to notice under the same faults, checking
// after every few seconds until it does.
func TestFaultsSelfTestStaleReads(t *testing.T) {
	if os.Getenv("RAFTSQL_FAULTS_SELFTEST") == "" {
		t.Skip("RAFTSQL_FAULTS_SELFTEST=1 runs the checker's self-test")
	}
	cfg := faultsConfigFromEnv(t)
	cfg.staleReads = true
	r := newFaultsRun(t, cfg)
	began := time.Now()
	for round := 1; time.Since(began) < cfg.duration; round++ {
		r.run(5 * time.Second)
		history := r.reg.history()
		res := porcupine.CheckOperationsTimeout(registerModel, history, time.Minute)
		t.Logf("round %d (%v): %d register ops, linearizability %s; faults %s", round, time.Since(began).Round(time.Second), len(history), res, r.nem.report())
		if res == porcupine.Illegal {
			dir := filepath.Join(os.TempDir(), fmt.Sprintf("raftsql-faults-selftest-seed%d", cfg.seed))
			_, err := checkLinearizable(history, time.Minute, dir)
			t.Logf("caught stale reads after %v: %v", time.Since(began).Round(time.Second), err)
			return
		}
	}
	t.Fatalf("seed %d: stale reads not caught within %v", cfg.seed, cfg.duration)
}

// TestFaultsSelfTestWipedVoter breaks the operating rules on purpose: a
// member's data directory is rolled back to an old copy of itself and it
// restarts under its old name, so it rejoins as a voter that forgot its
// later votes and entries. (A wiped directory can no longer do this: an
// initial member restarted empty is refused, birth.go; an old copy is a
// genuine past the cluster cannot tell from a slow member.) Each round
// cuts the leader's messages to one follower (entries commit on the
// leader and the other follower only), isolates the leader, then rolls
// that other follower back: the lagging follower can win an election
// with the rolled-back member's vote, and acknowledged writes vanish. The
// suite must notice (lost acknowledged inserts, a register history that
// is not linearizable, a bank violation).
//
// No leader that saw the member's later acknowledgements may reach the
// rolled-back member: such a leader refuses it as soon as it rejects an
// append below them (lostlog.go), and the member stops. The fault is then
// caught by the product, before any write is lost, and the round proves
// nothing about the checker. So a round starts once every node names one
// leader, rolls back only if the member still follows that leader after
// the cut (a follower that lost the leader's messages may have won an
// election meanwhile, seeing the member's acknowledgements as leader),
// and isolates the leader before the member restarts. Both happened
// before: the member was refused and the run failed (once in six runs,
// seed 1796507310428961843 too). A round that rolled back passes only on
// a loss the checker found; any other problem, and any problem in a round
// that did not roll back, fails the test.
func TestFaultsSelfTestWipedVoter(t *testing.T) {
	if os.Getenv("RAFTSQL_FAULTS_SELFTEST") == "" {
		t.Skip("RAFTSQL_FAULTS_SELFTEST=1 runs the checker's self-test")
	}
	cfg := faultsConfigFromEnv(t)
	cfg.nodes = 3
	r := newFaultsRun(t, cfg)
	fc := r.fc
	for i := range cfg.nodes {
		fc.backup(i)
	}
	began := time.Now()
	for round := 1; time.Since(began) < cfg.duration; round++ {
		if err := fc.agreedLeader(time.Minute); err != nil {
			t.Fatalf("seed %d: round %d: %v", cfg.seed, round, err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		wait := r.startClients(ctx)
		a := fc.currentLeader()
		b, c := (a+1)%3, (a+2)%3
		fc.logf("cut %s -> %s (one way)", fc.nodes[a].name, fc.nodes[b].name)
		fc.cut(a, b)
		sleepCtx(ctx, time.Second)
		fc.isolate(a)
		rolledBack := fc.follows(c, a)
		if rolledBack {
			fc.rollBack(c)
		} else {
			fc.logf("%s no longer follows %s: no roll-back this round", fc.nodes[c].name, fc.nodes[a].name)
		}
		sleepCtx(ctx, 2*time.Second)
		fc.healAll()
		sleepCtx(ctx, time.Second)
		cancel()
		wait()
		problems, summary, res, artifacts := r.check()
		t.Logf("round %d (%v): %d problems\n%s", round, time.Since(began).Round(time.Second), len(problems), summary)
		if len(problems) == 0 {
			continue
		}
		r.bank.mu.Lock()
		bankViolated := len(r.bank.violations) > 0
		r.bank.mu.Unlock()
		if !rolledBack {
			t.Fatalf("seed %d: round %d rolled nothing back and found problems (artifacts: %s):\n%s", cfg.seed, round, artifacts, strings.Join(problems, "\n"))
		}
		if !lossFound(problems, res, bankViolated) {
			t.Fatalf("seed %d: round %d found problems, none of them a lost write the self-test looks for (artifacts: %s):\n%s", cfg.seed, round, artifacts, strings.Join(problems, "\n"))
		}
		t.Logf("caught the wiped voter after %v (artifacts: %s):\n%s", time.Since(began).Round(time.Second), artifacts, strings.Join(problems, "\n"))
		return
	}
	t.Fatalf("seed %d: a wiped voter rejoining was not caught within %v", cfg.seed, cfg.duration)
}

// lossFound reports whether a check found lost writes: a register history
// that is not linearizable, a bank violation, or acknowledged inserts
// missing from the append set.
func lossFound(problems []string, res porcupine.CheckResult, bankViolated bool) bool {
	if res == porcupine.Illegal || bankViolated {
		return true
	}
	for _, p := range problems {
		if strings.Contains(p, "acknowledged ids lost") {
			return true
		}
	}
	return false
}
