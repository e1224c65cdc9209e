// Command spoolctl inspects a metrics spool directory during incidents.
//
//	spoolctl ls DIR            list segments with size, mode and age
//	spoolctl cat DIR SEGMENT   print a segment
//
// Shipped in the on-call toolbox image; it reads the directory directly so it
// works even when the agent's spool package version differs.
package main

import (
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
)

func main() {
	if len(os.Args) < 3 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "ls":
		err = ls(os.Args[2])
	case "cat":
		if len(os.Args) != 4 {
			usage()
		}
		err = cat(os.Args[2], os.Args[3])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "spoolctl:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: spoolctl ls DIR | spoolctl cat DIR SEGMENT")
	os.Exit(2)
}

func ls(dir string) error {
	infos, err := ioutil.ReadDir(dir)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SEGMENT\tBYTES\tMODE\tAGE")
	var total int64
	for _, fi := range infos {
		if !strings.HasPrefix(fi.Name(), "seg-") {
			continue
		}
		total += fi.Size()
		fmt.Fprintf(tw, "%s\t%d\t%v\t%s\n", fi.Name(), fi.Size(), fi.Mode().Perm(), time.Since(fi.ModTime()).Round(time.Second))
	}
	fmt.Fprintf(tw, "total\t%d\t\t\n", total)
	return tw.Flush()
}

func cat(dir, segment string) error {
	data, err := ioutil.ReadFile(filepath.Join(dir, filepath.Base(segment)))
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(data)
	return err
}
