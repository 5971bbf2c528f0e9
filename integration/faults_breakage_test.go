package integration

import (
	"os"
	"strings"
	"testing"
	"time"
)

// Self-tests with a broken node: the serve binary built with
// -tags raftsql_breakage, where RAFTSQL_BREAKAGE chooses a deliberate
// bug (breakage.go in the root package). Each must be caught by the same
// nemesis and checks as the real suite.

var breakageBin = serveBinary{tags: "raftsql_breakage"}

// breakageBinary builds the serve binary with the breakage switches.
func breakageBinary(t *testing.T) string {
	return breakageBin.get(t)
}

// TestFaultsSelfTestBreakage runs the suite against each broken build in
// rounds of 5 s of faults, checking everything after each round, and
// requires a violation within the run's duration.
func TestFaultsSelfTestBreakage(t *testing.T) {
	if os.Getenv("RAFTSQL_FAULTS_SELFTEST") == "" {
		t.Skip("RAFTSQL_FAULTS_SELFTEST=1 runs the checker's self-test")
	}
	for _, b := range []string{"ack-before-commit", "older-read-answer", "local-reads"} {
		t.Run(b, func(t *testing.T) {
			cfg := faultsConfigFromEnv(t)
			cfg.breakage = b
			r := newFaultsRun(t, cfg)
			began := time.Now()
			for round := 1; time.Since(began) < cfg.duration; round++ {
				r.run(5 * time.Second)
				problems, summary, _, artifacts := r.check()
				t.Logf("round %d (%v): %d problems\n%s", round, time.Since(began).Round(time.Second), len(problems), summary)
				if len(problems) > 0 {
					t.Logf("caught %s in round %d after %v (seed %d, artifacts %s):\n%s", b, round, time.Since(began).Round(time.Second), cfg.seed, artifacts, strings.Join(problems, "\n"))
					return
				}
			}
			t.Fatalf("seed %d: breakage %s not caught within %v", cfg.seed, b, cfg.duration)
		})
	}
}
