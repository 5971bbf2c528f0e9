package main

// The command line: flags, running seeds in parallel, and the failure
// report with its replay command.

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"time"
)

func main() {
	os.Exit(mainErr(os.Args[1:], os.Stdout, os.Stderr))
}

func mainErr(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("raftsim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Uint64("seed", 0, "replay exactly this seed")
	seeds := fs.Int("seeds", 100, "run seeds 1..N")
	first := fs.Uint64("first", 1, "first seed for -seeds")
	nodes := fs.Int("nodes", 0, "cluster size 3 or 5 (default: odd seeds 3, even seeds 5)")
	steps := fs.Int("steps", defaultSteps, "fault-injection steps per run")
	heal := fs.Int("heal", defaultHealSteps, "max steps of the final heal phase (liveness bound)")
	faultsFlag := fs.String("faults", "", "fault mix, e.g. \"drop=0.05,dup=0.02,reorder=0.1,partition=0.01,crash=0.005,member=0.004,transfer=0.003\"; diskloss=P (0 by default) wipes a voter's disk (\"none\" disables; default "+defaultFaults.String()+")")
	verbose := fs.Bool("v", false, "print the full trace (use with -seed)")
	rafLog := fs.Bool("raftlog", false, "with -v, also print the raft core's log")
	unreachable := fs.Bool("report-unreachable", false, "transport reports every lost message to its sender (workaround for BUG-1, see TestRegressionLostInflightWindow)")
	early := fs.Bool("early-snapshot", false, "drivers snapshot+compact after the first applied entry (workaround for BUG-2, see TestRegressionJoinerBootstrapConfig)")
	lease := fs.Bool("lease", false, "serve reads with ReadOnlyLeaseBased instead of ReadOnlySafe")
	parallel := fs.Int("parallel", runtime.GOMAXPROCS(0), "seeds run in parallel")
	// A usage error still ends with the summary line that scripts read.
	usage := func(msg ...any) int {
		if len(msg) > 0 {
			fmt.Fprintln(stderr, msg...)
		}
		fmt.Fprintln(stdout, "0 passed, 1 failed")
		return 2
	}
	if err := fs.Parse(args); err != nil {
		return usage()
	}
	if *nodes != 0 && *nodes != 3 && *nodes != 5 {
		return usage("raftsim: -nodes must be 3 or 5")
	}
	faults, err := parseFaults(*faultsFlag, defaultFaults)
	if err != nil {
		return usage("raftsim:", err)
	}
	base := options{Nodes: *nodes, Steps: *steps, HealSteps: *heal, Faults: faults, ReportUnreachable: *unreachable, EarlySnapshot: *early, LeaseReads: *lease}

	var list []uint64
	if *seed != 0 {
		list = []uint64{*seed}
	} else {
		for i := 0; i < *seeds; i++ {
			list = append(list, *first+uint64(i))
		}
	}
	if *verbose && len(list) == 1 {
		base.Verbose = stdout
		if *rafLog {
			base.Logger = slog.New(slog.NewTextHandler(stdout, &slog.HandlerOptions{Level: slog.LevelDebug}))
		}
	}
	start := time.Now()
	results := runSeeds(list, base, *parallel)
	passed, failed := 0, 0
	maxHeal, maxHealSeed := 0, uint64(0)
	for _, r := range results {
		if r.V == nil {
			passed++
			if r.Stats.HealSteps > maxHeal {
				maxHeal, maxHealSeed = r.Stats.HealSteps, r.Seed
			}
			if len(list) == 1 {
				fmt.Fprintf(stdout, "seed %d (%d nodes): ok  %+v\n", r.Seed, r.Nodes, r.Stats)
			}
			continue
		}
		failed++
		report(stdout, r, base)
	}
	fmt.Fprintf(stderr, "raftsim: %d seeds in %v (slowest heal: %d steps, seed %d)\n", len(list), time.Since(start).Round(time.Millisecond), maxHeal, maxHealSeed)
	fmt.Fprintf(stdout, "%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return 1
	}
	return 0
}

// runSeeds runs every seed (in parallel) and returns results in seed order.
func runSeeds(list []uint64, base options, parallel int) []result {
	if parallel < 1 {
		parallel = runtime.GOMAXPROCS(0)
	}
	results := make([]result, len(list))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < parallel; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o := base
				o.Seed = list[i]
				results[i] = runSeed(o)
			}
		}()
	}
	for i := range list {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// Report prints one failure: seed, property, trace tail and how to replay.
func report(w io.Writer, r result, base options) {
	fmt.Fprintf(w, "FAIL seed=%d nodes=%d property=%q\n  %s\n", r.Seed, r.Nodes, r.V.Property, r.V.Detail)
	fmt.Fprintf(w, "  last %d events:\n", len(r.Trace))
	for _, l := range r.Trace {
		fmt.Fprintf(w, "    %s\n", l)
	}
	replay := fmt.Sprintf("go run ./raft/raftsim -seed %d", r.Seed)
	if base.Nodes != 0 {
		replay += fmt.Sprintf(" -nodes %d", base.Nodes)
	}
	if base.Steps != defaultSteps {
		replay += fmt.Sprintf(" -steps %d", base.Steps)
	}
	if base.HealSteps != defaultHealSteps {
		replay += fmt.Sprintf(" -heal %d", base.HealSteps)
	}
	if base.Faults != defaultFaults {
		replay += fmt.Sprintf(" -faults %q", base.Faults.String())
	}
	if base.ReportUnreachable {
		replay += " -report-unreachable"
	}
	if base.EarlySnapshot {
		replay += " -early-snapshot"
	}
	if base.LeaseReads {
		replay += " -lease"
	}
	fmt.Fprintf(w, "  replay: %s -v\n", replay)
}
