package spool

import (
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
)

// segments lists the segment files of the spool, oldest first. Temp files,
// directories, symlinks and stray files are ignored.
func (s *Spool) segments() ([]os.FileInfo, error) {
	infos, err := ioutil.ReadDir(s.dir)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	segs := make([]os.FileInfo, 0, len(infos))
	for _, fi := range infos {
		if !fi.Mode().IsRegular() {
			continue
		}
		if _, ok := parseSeq(fi.Name()); !ok {
			continue
		}
		segs = append(segs, fi)
	}
	return segs, nil
}

// Pending returns the names of the segments waiting for upload, oldest first.
func (s *Spool) Pending() ([]string, error) {
	segs, err := s.segments()
	if err != nil {
		return nil, err
	}
	names := make([]string, len(segs))
	for i, fi := range segs {
		names[i] = fi.Name()
	}
	return names, nil
}

// Stats summarises the spool for the agent's self-metrics.
type Stats struct {
	Segments int
	Bytes    int64
	Locked   int
}

// Stats returns the number of segments, their total size and how many are locked.
func (s *Spool) Stats() (Stats, error) {
	segs, err := s.segments()
	if err != nil {
		return Stats{}, err
	}
	var st Stats
	for _, fi := range segs {
		st.Segments++
		st.Bytes += fi.Size()
		if fi.Mode().Perm()&writableBit == 0 {
			st.Locked++
		}
	}
	return st, nil
}

// Enforce deletes the oldest unlocked segments until the spool holds at most
// budget bytes, and returns the names it deleted. Locked segments are in
// flight and are never deleted, so the spool can stay over budget while an
// upload is running.
func (s *Spool) Enforce(budget int64) ([]string, error) {
	segs, err := s.segments()
	if err != nil {
		return nil, err
	}
	var total int64
	for _, fi := range segs {
		total += fi.Size()
	}
	var deleted []string
	for _, fi := range segs {
		if total <= budget {
			break
		}
		if fi.Mode().Perm()&writableBit == 0 {
			continue
		}
		if err := os.Remove(filepath.Join(s.dir, fi.Name())); err != nil && !os.IsNotExist(err) {
			return deleted, fmt.Errorf("spool: %w", err)
		}
		total -= fi.Size()
		deleted = append(deleted, fi.Name())
	}
	return deleted, nil
}
