package integration

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// faultCluster is a cluster of real `raftsql serve` processes whose peer
// links all run through linkProxies the test controls: each node's
// --initial-cluster lists itself at its real raft address and every peer
// at the address of the proxy for that directed link, and its --peer-dial
// pins those proxy addresses over the real ones the peers advertise. This works because
// the cluster id hashes member names only (membership.ClusterID), so the
// nodes agree on it although their address lists differ.
type faultCluster struct {
	*procCluster
	dir     string
	proxies [][]*linkProxy // [from][to]; nil on the diagonal
	paused  []bool
	down    []bool // SIGKILLed, not yet restarted
	// replaced: removed from the cluster and wiped; healing starts it
	// again with --join (faults_membership_test.go)
	replaced []bool
	removing []bool // a removal with an unknown outcome was attempted

	logMu  sync.Mutex
	events []string // every fault action, timestamped, for the artifacts
	start  time.Time
	seed   uint64
}

// startFaultCluster starts size nodes (with extra serve flags for each)
// behind per-link proxies.
func startFaultCluster(t *testing.T, size int, seed uint64, extra ...string) *faultCluster {
	t.Helper()
	return startFaultClusterBin(t, raftsqlBinary(t), nil, size, seed, extra...)
}

// startFaultClusterBin is startFaultCluster running bin with env added to
// each process's environment (the self-tests' broken builds).
func startFaultClusterBin(t *testing.T, bin string, env []string, size int, seed uint64, extra ...string) *faultCluster {
	t.Helper()
	ports := stablePorts(t, 2*size) // restarted on the same ports
	dir := t.TempDir()
	fc := &faultCluster{procCluster: &procCluster{t: t, bin: bin}, dir: dir,
		paused: make([]bool, size), down: make([]bool, size), replaced: make([]bool, size), removing: make([]bool, size), start: time.Now(), seed: seed}
	raftAddr := func(i int) string { return "127.0.0.1:" + strconv.Itoa(ports[i]) }
	name := func(i int) string { return "n" + strconv.Itoa(i+1) }
	fc.proxies = make([][]*linkProxy, size)
	for i := range size {
		fc.proxies[i] = make([]*linkProxy, size)
		for j := range size {
			if i == j {
				continue
			}
			p, err := newLinkProxy(name(i), name(j), raftAddr(j), seed+uint64(i*size+j))
			if err != nil {
				t.Fatal(err)
			}
			fc.proxies[i][j] = p
		}
	}
	for i := range size {
		// --initial-cluster names the peers at their proxies, and so does
		// --peer-dial: without it each node would dial a peer at the real
		// address the peer advertises (once applied), around the proxies.
		var initial, dial []string
		for j := range size {
			addr := raftAddr(j)
			if i != j {
				addr = fc.proxies[i][j].addr()
				dial = append(dial, name(j)+"="+addr)
			}
			initial = append(initial, name(j)+"="+addr)
		}
		p := &procNode{
			name:    name(i),
			pgAddr:  "127.0.0.1:" + strconv.Itoa(ports[size+i]),
			dataDir: filepath.Join(dir, name(i)),
			logPath: filepath.Join(dir, name(i)+".log"),
			env:     env,
		}
		p.args = append([]string{"serve", "--id", p.name, "--data-dir", p.dataDir,
			"--pg-listen", p.pgAddr, "--raft-listen", raftAddr(i),
			"--initial-cluster", strings.Join(initial, ","), "--peer-dial", strings.Join(dial, ","), "--log-level", "info"}, extra...)
		fc.nodes = append(fc.nodes, p)
	}
	t.Cleanup(func() {
		for _, p := range fc.nodes {
			fc.kill(p) // SIGKILL also ends a stopped process
		}
		for _, row := range fc.proxies {
			for _, p := range row {
				if p != nil {
					p.close()
				}
			}
		}
	})
	for _, p := range fc.nodes {
		fc.procCluster.start(p)
	}
	return fc
}

// logf records a fault action with its time since the start and the
// run's seed, in the test log and in the artifacts.
func (fc *faultCluster) logf(format string, args ...any) {
	line := fmt.Sprintf("%8.3fs seed=%d ", time.Since(fc.start).Seconds(), fc.seed) + fmt.Sprintf(format, args...)
	fc.logMu.Lock()
	fc.events = append(fc.events, line)
	fc.logMu.Unlock()
	fc.t.Log(line)
}

func (fc *faultCluster) eventLog() string {
	fc.logMu.Lock()
	defer fc.logMu.Unlock()
	return strings.Join(fc.events, "\n") + "\n"
}

func (fc *faultCluster) size() int { return len(fc.nodes) }

// sigkill kills node i; restart brings it back with its data directory.
func (fc *faultCluster) sigkill(i int) {
	fc.logf("SIGKILL %s", fc.nodes[i].name)
	fc.kill(fc.nodes[i])
	fc.down[i], fc.paused[i] = true, false
}

func (fc *faultCluster) restart(i int) {
	fc.logf("restart %s", fc.nodes[i].name)
	fc.procCluster.start(fc.nodes[i])
	fc.down[i] = false
}

// backup kills node i, copies its data directory aside (a crash-consistent
// image) and restarts it; rollBack puts that copy back later.
func (fc *faultCluster) backup(i int) {
	fc.sigkill(i)
	fc.logf("back up the data directory of %s", fc.nodes[i].name)
	if err := os.CopyFS(fc.nodes[i].dataDir+".backup", os.DirFS(fc.nodes[i].dataDir)); err != nil {
		fc.t.Fatal(err)
	}
	fc.restart(i)
}

// rollBack kills node i, replaces its data directory with the copy
// backup made and restarts it under its old name: an operator error the
// cluster cannot always detect (the copy is a member's genuine past, with
// its identity, born, and a log that forgot later votes and entries; see
// TestFaultsSelfTestWipedVoter). A wiped data directory, by contrast, is
// refused (birth.go).
func (fc *faultCluster) rollBack(i int) {
	fc.sigkill(i)
	fc.logf("roll back the data directory of %s to its backup", fc.nodes[i].name)
	if err := os.RemoveAll(fc.nodes[i].dataDir); err != nil {
		fc.t.Fatal(err)
	}
	if err := os.CopyFS(fc.nodes[i].dataDir, os.DirFS(fc.nodes[i].dataDir+".backup")); err != nil {
		fc.t.Fatal(err)
	}
	fc.restart(i)
}

// pause stops node i with SIGSTOP (a process that stalls: GC pause, VM
// migration); resume continues it.
func (fc *faultCluster) pause(i int) {
	if fc.down[i] || fc.paused[i] {
		return
	}
	fc.logf("SIGSTOP %s", fc.nodes[i].name)
	syscall.Kill(fc.nodes[i].cmd.Process.Pid, syscall.SIGSTOP)
	fc.paused[i] = true
}

func (fc *faultCluster) resume(i int) {
	if !fc.paused[i] {
		return
	}
	fc.logf("SIGCONT %s", fc.nodes[i].name)
	syscall.Kill(fc.nodes[i].cmd.Process.Pid, syscall.SIGCONT)
	fc.paused[i] = false
}

// cut blackholes the messages from i to j; cutBoth both directions.
func (fc *faultCluster) cut(i, j int) {
	fc.proxies[i][j].setCut(true)
}

func (fc *faultCluster) cutBoth(i, j int) {
	fc.cut(i, j)
	fc.cut(j, i)
}

// partition cuts every link between the two sides, both ways. Nodes in
// neither side (a bridge) keep all their links.
func (fc *faultCluster) partition(a, b []int) {
	fc.logf("partition %s | %s", fc.names(a), fc.names(b))
	for _, i := range a {
		for _, j := range b {
			fc.cutBoth(i, j)
		}
	}
}

// isolate cuts node i off from every other node, both ways.
func (fc *faultCluster) isolate(i int) {
	var rest []int
	for j := range fc.size() {
		if j != i {
			rest = append(rest, j)
		}
	}
	fc.partition([]int{i}, rest)
}

// latency delays every link by d plus up to jitter per chunk.
func (fc *faultCluster) latency(d, jitter time.Duration) {
	fc.logf("latency %v jitter %v on every link", d, jitter)
	fc.eachLink(func(p *linkProxy) { p.setLatency(d, jitter) })
}

// bandwidth limits every link to bytesPerSecond each way.
func (fc *faultCluster) bandwidth(bytesPerSecond int) {
	fc.logf("bandwidth %d B/s on every link", bytesPerSecond)
	fc.eachLink(func(p *linkProxy) { p.setRate(bytesPerSecond) })
}

// resetLinks closes the connections of every link of node i.
func (fc *faultCluster) resetLinks(i int) {
	fc.logf("reset the connections of %s", fc.nodes[i].name)
	for j := range fc.size() {
		if j != i {
			fc.proxies[i][j].reset()
			fc.proxies[j][i].reset()
		}
	}
}

// healAll ends every fault: links healed, paused nodes continued, killed
// nodes restarted.
func (fc *faultCluster) healAll() {
	fc.logf("heal")
	fc.eachLink(func(p *linkProxy) { p.heal() })
	for i := range fc.nodes {
		fc.resume(i)
		if fc.down[i] && !fc.replaced[i] {
			fc.restart(i)
		}
	}
	for i := range fc.nodes {
		fc.replaceIfRemoved(i)
		if fc.replaced[i] {
			fc.rejoin(i)
		}
	}
}

func (fc *faultCluster) eachLink(f func(p *linkProxy)) {
	for _, row := range fc.proxies {
		for _, p := range row {
			if p != nil {
				f(p)
			}
		}
	}
}

func (fc *faultCluster) names(idx []int) string {
	var s []string
	for _, i := range idx {
		s = append(s, fc.nodes[i].name)
	}
	return "{" + strings.Join(s, ",") + "}"
}

// currentLeader returns the node most reachable nodes name as leader, or
// -1 when none answers within a second. Under a partition the nodes may
// disagree; the most named one is the one a test means to isolate.
func (fc *faultCluster) currentLeader() int {
	best, _, _ := fc.leaderVotes()
	return best
}

// follows reports whether node i names node lead as its leader.
func (fc *faultCluster) follows(i, lead int) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	v, err := showSetting(ctx, fc.nodes[i].url(), "raftsql.leader")
	return err == nil && v == fc.nodes[lead].name
}

// leaderVotes asks every running node whom it follows: the most named
// node, how many name it, and how many nodes run.
func (fc *faultCluster) leaderVotes() (best, votes, running int) {
	named := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, p := range fc.nodes {
		if fc.down[i] || fc.paused[i] {
			continue
		}
		running++
		wg.Add(1)
		go func(url string) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			if v, err := showSetting(ctx, url, "raftsql.leader"); err == nil && v != "" && v != "none" {
				mu.Lock()
				named[v]++
				mu.Unlock()
			}
		}(p.url())
	}
	wg.Wait()
	best = -1
	for i, p := range fc.nodes {
		if named[p.name] > votes {
			best, votes = i, named[p.name]
		}
	}
	return best, votes, running
}

// agreedLeader waits until every running node names the same leader. It
// returns an error rather than failing the test, so that a run that
// never recovers still leaves its artifacts.
func (fc *faultCluster) agreedLeader(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		best, votes, running := fc.leaderVotes()
		if best >= 0 && votes == running {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no leader agreed by all %d running nodes within %v (best: %d votes)", running, timeout, votes)
		}
		time.Sleep(50 * time.Millisecond) // polling a condition
	}
}

// copyLogs copies the nodes' logs into dir (the artifacts of a failure).
func (fc *faultCluster) copyLogs(dir string) {
	for _, p := range fc.nodes {
		if b, err := os.ReadFile(p.logPath); err == nil {
			os.WriteFile(filepath.Join(dir, p.name+".log"), b, 0o644)
		}
	}
}
