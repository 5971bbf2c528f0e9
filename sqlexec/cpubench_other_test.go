//go:build !unix

package sqlexec

import "testing"

// cpuPerOp: no CPU clock of the process here (see cpubench_test.go).
func cpuPerOp(*testing.B) {}
