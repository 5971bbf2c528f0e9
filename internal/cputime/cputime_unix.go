//go:build unix

package cputime

import (
	"syscall"
	"testing"
	"time"
)

// PerOp reports the process's CPU time (user and system) per operation
// from now until the benchmark ends, as "cpu-ns/op".
func PerOp(b *testing.B) {
	b.Helper()
	start, ok := processCPU()
	if !ok {
		return
	}
	b.Cleanup(func() {
		end, ok := processCPU()
		if ok && b.N > 0 {
			b.ReportMetric(float64((end-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	})
}

func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
