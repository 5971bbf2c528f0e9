package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// clockTicks is USER_HZ, the unit of /proc/PID/stat's CPU times: 100 on
// every Linux architecture Go supports.
const clockTicks = 100

// treeCPU is the CPU time (user and system) the processes pids and all their
// live descendants have used so far, from /proc: a target's server processes
// (raftsql's nodes, or PostgreSQL's postmaster with its backends). Noise on
// a shared machine moves throughput much more than CPU per operation, which
// counts none of the time spent waiting for a core.
func treeCPU(pids []int) (time.Duration, error) {
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return 0, err
	}
	parent := map[int]int{}
	ticks := map[int]int64{}
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue // the process ended meanwhile
		}
		pid, ppid, t, ok := parseStat(string(b))
		if ok {
			parent[pid], ticks[pid] = ppid, t
		}
	}
	roots := map[int]bool{}
	for _, p := range pids {
		if _, ok := ticks[p]; !ok {
			return 0, fmt.Errorf("process %d not found", p)
		}
		roots[p] = true
	}
	var sum int64
	for pid, t := range ticks {
		for p := pid; p > 1; p = parent[p] {
			if roots[p] {
				sum += t
				break
			}
		}
	}
	return time.Duration(sum) * time.Second / clockTicks, nil
}

// parseStat reads pid, ppid and utime+stime from a /proc/PID/stat line;
// the command name in parentheses may itself hold spaces or parentheses.
func parseStat(s string) (pid, ppid int, ticks int64, ok bool) {
	open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || end < open {
		return 0, 0, 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(s[:open]))
	if err != nil {
		return 0, 0, 0, false
	}
	// After the name: state(3) ppid(4) ... utime(14) stime(15).
	f := strings.Fields(s[end+1:])
	if len(f) < 13 {
		return 0, 0, 0, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	ut, err2 := strconv.ParseInt(f[11], 10, 64)
	st, err3 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, 0, 0, false
	}
	return pid, ppid, ut + st, true
}
