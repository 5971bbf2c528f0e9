// Package cputime reports a benchmark's CPU time per operation.
//
// On a shared, loaded machine a benchmark's wall time per operation mostly
// measures waiting for a core; the process's CPU time (user and system)
// does not, so the benchmarks of issue 15 report it as "cpu-ns/op"
// (docs/benchmarks.md). It is for benchmarks only: nothing else imports it.
package cputime
