package main

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// nodeSample is one node process's counters at one moment: its CPU time
// and its read and write system calls (syscr, syscw of /proc/PID/io, as in
// bench/syscalls.sh) and, from its /metrics, the Raft messages it received by
// type and its ReadIndex rounds and their reads. nodeDelta is what one cell
// added to them. Divided by the cell's operations they say where a
// replicated operation's CPU and messages go, node by node
// (docs/benchmarks.md, round 12).
type nodeSample struct {
	cpu      time.Duration
	syscr    float64
	syscw    float64
	received map[string]float64
	rounds   float64
	reads    float64
	ok       bool
}

type nodeDelta = nodeSample

// sampleNodes samples each of t's node processes; a node needs both its
// -cpu pid and its -pprof server (whose address also serves /metrics).
func sampleNodes(t *target) []nodeSample {
	if len(t.pprof) != len(t.pids) || len(t.pids) == 0 {
		return nil
	}
	out := make([]nodeSample, len(t.pids))
	for i, pid := range t.pids {
		c, err := treeCPU([]int{pid})
		if err != nil {
			continue
		}
		s, err := scrape(t.pprof[i] + "/metrics")
		if err != nil {
			continue
		}
		s.syscr, s.syscw, err = procIO(pid)
		if err != nil {
			continue
		}
		s.cpu, s.ok = c, true
		out[i] = s
	}
	return out
}

// scrape reads the counters nodeSample keeps from a Prometheus text page.
func scrape(url string) (nodeSample, error) {
	s := nodeSample{received: map[string]float64{}}
	resp, err := http.Get(url)
	if err != nil {
		return s, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		name, value, ok := strings.Cut(line, " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			continue
		}
		switch {
		case strings.HasPrefix(name, `raftsql_raft_received_messages_total{type="`):
			s.received[strings.TrimSuffix(strings.TrimPrefix(name, `raftsql_raft_received_messages_total{type="`), `"}`)] = v
		case name == "raftsql_raft_read_index_rounds_total":
			s.rounds = v
		case name == "raftsql_raft_read_index_reads_total":
			s.reads = v
		}
	}
	return s, sc.Err()
}

// procIO reads the read and write system call counts of process pid.
func procIO(pid int) (syscr, syscw float64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/io", pid))
	if err != nil {
		return 0, 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		name, value, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			continue
		}
		switch name {
		case "syscr":
			syscr = v
		case "syscw":
			syscw = v
		}
	}
	return syscr, syscw, nil
}

func nodeDeltas(from, to []nodeSample) []nodeDelta {
	if len(from) == 0 || len(from) != len(to) {
		return nil
	}
	out := make([]nodeDelta, len(to))
	for i := range to {
		if !from[i].ok || !to[i].ok {
			continue
		}
		d := nodeDelta{cpu: to[i].cpu - from[i].cpu, received: map[string]float64{},
			syscr: to[i].syscr - from[i].syscr, syscw: to[i].syscw - from[i].syscw,
			rounds: to[i].rounds - from[i].rounds, reads: to[i].reads - from[i].reads, ok: true}
		for k, v := range to[i].received {
			if dv := v - from[i].received[k]; dv > 0 {
				d.received[k] = dv
			}
		}
		out[i] = d
	}
	return out
}

func describeNodes(nodes []nodeDelta, ops int) string {
	if ops == 0 {
		return "no operations"
	}
	per := func(v float64) string { return strconv.FormatFloat(v/float64(ops), 'f', 2, 64) }
	var parts []string
	for i, d := range nodes {
		if !d.ok {
			parts = append(parts, fmt.Sprintf("n%d unknown", i+1))
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "n%d %.1f µs CPU, %s read and %s write system calls", i+1, float64(d.cpu.Nanoseconds())/1e3/float64(ops), per(d.syscr), per(d.syscw))
		types := make([]string, 0, len(d.received))
		for k := range d.received {
			types = append(types, k)
		}
		slices.Sort(types)
		for _, k := range types {
			fmt.Fprintf(&b, ", %s %s", strings.TrimPrefix(k, "Msg"), per(d.received[k]))
		}
		if d.rounds > 0 {
			fmt.Fprintf(&b, ", rounds %s (%.1f reads each)", per(d.rounds), d.reads/d.rounds)
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "; ")
}
