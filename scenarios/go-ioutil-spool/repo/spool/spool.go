// Package spool stores metric batches in segment files until they are uploaded.
package spool

import (
	"errors"
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

const (
	segPrefix = "seg-"
	segSuffix = ".log"
	tmpPrefix = ".tmp-"
	// writableBit is the owner-write permission; a segment without it is
	// locked (in flight to the gateway) and must not be deleted by retention.
	writableBit = 0o200
)

// ErrEmptyBatch is returned by Append for a batch with no bytes.
var ErrEmptyBatch = errors.New("spool: empty batch")

// Spool is a directory of segment files. It is safe for concurrent use within
// one process; two processes must not share a directory.
type Spool struct {
	dir string

	mu      sync.Mutex
	nextSeq uint64
}

// Open opens (creating if needed) the spool in dir and removes temp files
// left behind by a crash.
func Open(dir string) (*Spool, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	s := &Spool{dir: dir, nextSeq: 1}
	infos, err := ioutil.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	for _, fi := range infos {
		name := fi.Name()
		if strings.HasPrefix(name, tmpPrefix) {
			_ = os.Remove(filepath.Join(dir, name))
			continue
		}
		if seq, ok := parseSeq(name); ok && seq >= s.nextSeq {
			s.nextSeq = seq + 1
		}
	}
	return s, nil
}

// Dir returns the spool directory.
func (s *Spool) Dir() string { return s.dir }

// segmentName is the file name of sequence number seq; zero-padded so that
// lexical order is append order.
func segmentName(seq uint64) string { return fmt.Sprintf("%s%012d%s", segPrefix, seq, segSuffix) }

// parseSeq extracts the sequence number of a segment file name.
func parseSeq(name string) (uint64, bool) {
	if !strings.HasPrefix(name, segPrefix) || !strings.HasSuffix(name, segSuffix) {
		return 0, false
	}
	seq, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimPrefix(name, segPrefix), segSuffix), 10, 64)
	return seq, err == nil
}

// Append stores one batch as a new segment and returns the segment name. The
// segment appears atomically: readers never see a partial file.
func (s *Spool) Append(batch []byte) (string, error) {
	if len(batch) == 0 {
		return "", ErrEmptyBatch
	}
	s.mu.Lock()
	seq := s.nextSeq
	s.nextSeq++
	s.mu.Unlock()

	tmp, err := ioutil.TempFile(s.dir, tmpPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("spool: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(batch); err != nil {
		tmp.Close()
		return "", fmt.Errorf("spool: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("spool: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("spool: %w", err)
	}
	name := segmentName(seq)
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", fmt.Errorf("spool: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(s.dir, name)); err != nil {
		return "", fmt.Errorf("spool: %w", err)
	}
	return name, nil
}

// Read returns the contents of a segment.
func (s *Spool) Read(name string) ([]byte, error) {
	if _, ok := parseSeq(name); !ok {
		return nil, fmt.Errorf("spool: %q is not a segment name", name)
	}
	data, err := ioutil.ReadFile(filepath.Join(s.dir, name))
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	return data, nil
}

// Ack deletes a segment once it has been delivered. Acking a segment that is
// already gone is not an error.
func (s *Spool) Ack(name string) error {
	if _, ok := parseSeq(name); !ok {
		return fmt.Errorf("spool: %q is not a segment name", name)
	}
	err := os.Remove(filepath.Join(s.dir, name))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}

// Lock marks a segment as in flight: retention will not delete it.
func (s *Spool) Lock(name string) error {
	return s.chmod(name, 0o444)
}

// Unlock makes a segment eligible for retention again.
func (s *Spool) Unlock(name string) error {
	return s.chmod(name, 0o644)
}

func (s *Spool) chmod(name string, mode os.FileMode) error {
	if _, ok := parseSeq(name); !ok {
		return fmt.Errorf("spool: %q is not a segment name", name)
	}
	if err := os.Chmod(filepath.Join(s.dir, name), mode); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}
