package upload

import (
	"compress/gzip"
	"context"
	"errors"
	"io/ioutil"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/acme/metrics-spool/spool"
)

// gateway records the decompressed batches it receives.
type gateway struct {
	mu      sync.Mutex
	batches []string
	status  int
	agents  []string
}

func (g *gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.status != 0 {
		http.Error(w, "gateway overloaded, retry later", g.status)
		return
	}
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		http.Error(w, "not gzip", http.StatusBadRequest)
		return
	}
	data, err := ioutil.ReadAll(zr)
	if err != nil {
		http.Error(w, "bad gzip", http.StatusBadRequest)
		return
	}
	g.batches = append(g.batches, string(data))
	g.agents = append(g.agents, r.Header.Get("X-Agent-ID"))
	w.WriteHeader(http.StatusAccepted)
	_, _ = w.Write([]byte(`{"accepted":true}`))
}

func (g *gateway) received() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.batches...)
}

func newSpool(t *testing.T) *spool.Spool {
	t.Helper()
	dir, err := ioutil.TempDir("", "upload-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	s, err := spool.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestUploadOnceShipsInOrderAndAcks(t *testing.T) {
	gw := &gateway{}
	srv := httptest.NewServer(gw)
	defer srv.Close()
	s := newSpool(t)
	for _, b := range []string{"one", "two", "three"} {
		if _, err := s.Append([]byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	u := &Uploader{Spool: s, Endpoint: srv.URL, AgentID: "host-1"}
	n, err := u.UploadOnce(context.Background())
	if err != nil || n != 3 {
		t.Fatalf("UploadOnce = %d, %v", n, err)
	}
	got := gw.received()
	if len(got) != 3 || got[0] != "one" || got[1] != "two" || got[2] != "three" {
		t.Fatalf("gateway received %q", got)
	}
	if gw.agents[0] != "host-1" {
		t.Fatalf("agent header = %q", gw.agents[0])
	}
	pending, _ := s.Pending()
	if len(pending) != 0 {
		t.Fatalf("pending after upload = %v", pending)
	}
}

func TestGatewayErrorKeepsSegmentUnlocked(t *testing.T) {
	gw := &gateway{status: http.StatusServiceUnavailable}
	srv := httptest.NewServer(gw)
	defer srv.Close()
	s := newSpool(t)
	name, _ := s.Append([]byte("batch"))
	u := &Uploader{Spool: s, Endpoint: srv.URL}
	n, err := u.UploadOnce(context.Background())
	var ge *GatewayError
	if !errors.As(err, &ge) || n != 0 {
		t.Fatalf("UploadOnce = %d, %v; want a GatewayError", n, err)
	}
	if ge.StatusCode != 503 || ge.Message != "gateway overloaded, retry later" || ge.Segment != name {
		t.Fatalf("GatewayError = %+v", ge)
	}
	pending, _ := s.Pending()
	if len(pending) != 1 {
		t.Fatalf("pending = %v, want the segment kept", pending)
	}
	fi, err := os.Stat(filepath.Join(s.Dir(), name))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Fatalf("segment mode after a failed upload = %v, want it unlocked (0644)", fi.Mode().Perm())
	}
}

// TestRunPicksUpLaterSegments polls with real timers. It was quarantined once
// (METRICS-2291) when the deadline was 100ms; with 5s it has been stable since.
func TestRunPicksUpLaterSegments(t *testing.T) {
	gw := &gateway{}
	srv := httptest.NewServer(gw)
	defer srv.Close()
	s := newSpool(t)
	u := &Uploader{Spool: s, Endpoint: srv.URL}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		u.Run(ctx, 10*time.Millisecond)
		close(done)
	}()
	time.Sleep(30 * time.Millisecond)
	if _, err := s.Append([]byte("late batch")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(gw.received()) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	if got := gw.received(); len(got) != 1 || got[0] != "late batch" {
		t.Fatalf("gateway received %q", got)
	}
}
