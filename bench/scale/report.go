package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
)

// printReport prints the records in path as one markdown table per
// section (in the order sections first appear), a row per measurement and
// a column per target; a cell whose target is not the first and whose row
// has a value for the first target too gets the ratio to it.
func printReport(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var sections, targets []string
	rows := map[string][]string{}   // section -> rows in order
	cells := map[[3]string]record{} // section, row, target
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if !slices.Contains(sections, r.Section) {
			sections = append(sections, r.Section)
		}
		if !slices.Contains(targets, r.Target) {
			targets = append(targets, r.Target)
		}
		if !slices.Contains(rows[r.Section], r.Row) {
			rows[r.Section] = append(rows[r.Section], r.Row)
		}
		cells[[3]string{r.Section, r.Row, r.Target}] = r
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for _, s := range sections {
		fmt.Printf("\n| %s |", s)
		for _, t := range targets {
			fmt.Printf(" %s |", t)
		}
		fmt.Print("\n|---|")
		for range targets {
			fmt.Print("---|")
		}
		fmt.Println()
		for _, row := range rows[s] {
			fmt.Printf("| %s |", row)
			base := cells[[3]string{s, row, targets[0]}]
			for i, t := range targets {
				r, ok := cells[[3]string{s, row, t}]
				switch {
				case !ok:
					fmt.Print(" – |")
				case i > 0 && base.Value > 0 && r.Value > 0:
					fmt.Printf(" %s [%s×] |", r.Text, strconv.FormatFloat(r.Value/base.Value, 'g', 2, 64))
				default:
					fmt.Printf(" %s |", r.Text)
				}
			}
			fmt.Println()
		}
	}
	return nil
}
