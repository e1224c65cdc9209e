package spool

import (
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
)

func tempSpoolDir(t *testing.T) string {
	t.Helper()
	dir, err := ioutil.TempDir("", "spool-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func mustOpen(t *testing.T, dir string) *Spool {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestAppendReadAck(t *testing.T) {
	s := mustOpen(t, tempSpoolDir(t))
	a, err := s.Append([]byte("cpu 0.5\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Append([]byte("mem 1024\n"))
	if err != nil {
		t.Fatal(err)
	}
	pending, err := s.Pending()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pending, []string{a, b}) {
		t.Fatalf("Pending = %v, want [%s %s]", pending, a, b)
	}
	data, err := s.Read(b)
	if err != nil || string(data) != "mem 1024\n" {
		t.Fatalf("Read(%s) = %q, %v", b, data, err)
	}
	if err := s.Ack(a); err != nil {
		t.Fatal(err)
	}
	if err := s.Ack(a); err != nil {
		t.Fatalf("second Ack: %v", err)
	}
	pending, _ = s.Pending()
	if !reflect.DeepEqual(pending, []string{b}) {
		t.Fatalf("Pending after ack = %v", pending)
	}
}

func TestAppendRejectsEmptyBatch(t *testing.T) {
	s := mustOpen(t, tempSpoolDir(t))
	if _, err := s.Append(nil); err != ErrEmptyBatch {
		t.Fatalf("err = %v, want ErrEmptyBatch", err)
	}
}

func TestReadRejectsNonSegmentNames(t *testing.T) {
	s := mustOpen(t, tempSpoolDir(t))
	if _, err := s.Read("../etc/passwd"); err == nil {
		t.Fatal("Read of a non-segment name succeeded")
	}
}

func TestOpenRemovesTempFilesAndContinuesSequence(t *testing.T) {
	dir := tempSpoolDir(t)
	if err := ioutil.WriteFile(filepath.Join(dir, segmentName(7)), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ioutil.WriteFile(filepath.Join(dir, ".tmp-12345"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, dir)
	infos, err := ioutil.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].Name() != segmentName(7) {
		t.Fatalf("after Open the directory holds %d entries, want only %s", len(infos), segmentName(7))
	}
	name, err := s.Append([]byte("y"))
	if err != nil {
		t.Fatal(err)
	}
	if name != segmentName(8) {
		t.Fatalf("next segment = %s, want %s", name, segmentName(8))
	}
}

func TestPendingIgnoresStrayFilesAndDirectories(t *testing.T) {
	dir := tempSpoolDir(t)
	s := mustOpen(t, dir)
	name, _ := s.Append([]byte("ok"))
	if err := ioutil.WriteFile(filepath.Join(dir, "NOTES.txt"), []byte("on-call notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, segmentName(99)), 0o755); err != nil {
		t.Fatal(err)
	}
	pending, err := s.Pending()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pending, []string{name}) {
		t.Fatalf("Pending = %v, want [%s]", pending, name)
	}
}

func TestStatsCountsSegmentsAndBytes(t *testing.T) {
	s := mustOpen(t, tempSpoolDir(t))
	for _, b := range []string{"abc", "defgh", "ij"} {
		if _, err := s.Append([]byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Segments != 3 || st.Bytes != 10 {
		t.Fatalf("Stats = %+v, want 3 segments, 10 bytes", st)
	}
}

func TestEnforceUnderBudgetKeepsEverything(t *testing.T) {
	s := mustOpen(t, tempSpoolDir(t))
	for i := 0; i < 3; i++ {
		if _, err := s.Append([]byte("0123456789")); err != nil {
			t.Fatal(err)
		}
	}
	deleted, err := s.Enforce(30)
	if err != nil {
		t.Fatal(err)
	}
	if len(deleted) != 0 {
		t.Fatalf("Enforce(30) deleted %v from a 30-byte spool", deleted)
	}
}

func TestLockAndUnlockChangeMode(t *testing.T) {
	dir := tempSpoolDir(t)
	s := mustOpen(t, dir)
	name, _ := s.Append([]byte("batch"))
	if err := s.Lock(name); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o444 {
		t.Fatalf("locked mode = %v", fi.Mode())
	}
	if err := s.Unlock(name); err != nil {
		t.Fatal(err)
	}
	fi, _ = os.Stat(filepath.Join(dir, name))
	if fi.Mode().Perm() != 0o644 {
		t.Fatalf("unlocked mode = %v", fi.Mode())
	}
}

func TestConcurrentAppendsGetDistinctSegments(t *testing.T) {
	s := mustOpen(t, tempSpoolDir(t))
	var wg sync.WaitGroup
	names := make(chan string, 200)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				name, err := s.Append([]byte(fmt.Sprintf("w%d i%d", w, i)))
				if err != nil {
					t.Error(err)
					return
				}
				names <- name
			}
		}(w)
	}
	wg.Wait()
	close(names)
	seen := map[string]bool{}
	for n := range names {
		if seen[n] {
			t.Fatalf("segment %s handed out twice", n)
		}
		seen[n] = true
	}
	pending, _ := s.Pending()
	if len(pending) != 200 || len(seen) != 200 {
		t.Fatalf("%d pending, %d distinct names, want 200", len(pending), len(seen))
	}
}
