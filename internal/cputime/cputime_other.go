//go:build !unix

package cputime

import "testing"

// PerOp: no CPU clock of the process here (see cputime_unix.go).
func PerOp(*testing.B) {}
