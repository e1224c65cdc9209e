package spool

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestHiddenNoIoutilInMigratedPackages: the ask itself. Code and tests of
// spool and upload must not import io/ioutil any more.
func TestHiddenNoIoutilInMigratedPackages(t *testing.T) {
	for _, dir := range []string{".", filepath.Join("..", "upload")} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no Go files in %s", dir)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_hidden_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range af.Imports {
				if p, _ := strconv.Unquote(imp.Path.Value); p == "io/ioutil" {
					t.Errorf("%s still imports io/ioutil", f)
				}
			}
		}
	}
}

func hiddenSpool(t *testing.T, batches ...string) (*Spool, []string) {
	t.Helper()
	dir, err := os.MkdirTemp("", "spool-hidden-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range batches {
		n, err := s.Append([]byte(b))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	return s, names
}

const ten = "0123456789"

func TestHiddenEnforceDeletesOldestFirst(t *testing.T) {
	s, names := hiddenSpool(t, ten, ten, ten, ten)
	deleted, err := s.Enforce(25)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(deleted, names[:2]) {
		t.Fatalf("Enforce(25) on 4x10 bytes deleted %v, want %v", deleted, names[:2])
	}
	pending, _ := s.Pending()
	if !reflect.DeepEqual(pending, names[2:]) {
		t.Fatalf("Pending = %v, want %v", pending, names[2:])
	}
}

func TestHiddenEnforceNeverDeletesLockedSegments(t *testing.T) {
	s, names := hiddenSpool(t, ten, ten, ten, ten)
	if err := s.Lock(names[0]); err != nil {
		t.Fatal(err)
	}
	deleted, err := s.Enforce(25)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(deleted, []string{names[1], names[2]}) {
		t.Fatalf("Enforce(25) with the oldest locked deleted %v, want %v", deleted, names[1:3])
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Segments: 2, Bytes: 20, Locked: 1}) {
		t.Fatalf("Stats = %+v, want 2 segments, 20 bytes, 1 locked", st)
	}
}

func TestHiddenEnforceWithEverythingLockedDeletesNothing(t *testing.T) {
	s, names := hiddenSpool(t, ten, ten)
	for _, n := range names {
		if err := s.Lock(n); err != nil {
			t.Fatal(err)
		}
	}
	deleted, err := s.Enforce(0)
	if err != nil || len(deleted) != 0 {
		t.Fatalf("Enforce(0) with all locked = %v, %v", deleted, err)
	}
	for _, n := range names {
		if err := s.Unlock(n); err != nil {
			t.Fatal(err)
		}
	}
	deleted, err = s.Enforce(0)
	if err != nil || !reflect.DeepEqual(deleted, names) {
		t.Fatalf("Enforce(0) after unlocking = %v, %v, want %v", deleted, err, names)
	}
}

func TestHiddenStatsLockedAndBytes(t *testing.T) {
	s, names := hiddenSpool(t, strings.Repeat("x", 4096), "y", strings.Repeat("z", 100))
	if err := s.Lock(names[1]); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Segments: 3, Bytes: 4197, Locked: 1}) {
		t.Fatalf("Stats = %+v, want 3 segments, 4197 bytes, 1 locked", st)
	}
}

// A symlink named like a segment is not a segment (the listing never followed links).
func TestHiddenSymlinkIsNotASegment(t *testing.T) {
	s, names := hiddenSpool(t, ten)
	target := filepath.Join(s.Dir(), "elsewhere.dat")
	if err := os.WriteFile(target, []byte(strings.Repeat("q", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(s.Dir(), segmentName(500))); err != nil {
		t.Fatal(err)
	}
	pending, err := s.Pending()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pending, names) {
		t.Fatalf("Pending = %v, want %v", pending, names)
	}
	st, _ := s.Stats()
	if st.Segments != 1 || st.Bytes != 10 {
		t.Fatalf("Stats = %+v, want the symlink ignored", st)
	}
}
