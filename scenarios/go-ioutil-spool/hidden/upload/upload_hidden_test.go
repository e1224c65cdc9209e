package upload

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/acme/metrics-spool/spool"
)

// The request must keep a known Content-Length (the gateway rejects chunked uploads).
func TestHiddenUploadSendsContentLength(t *testing.T) {
	var mu sync.Mutex
	var lengths []int64
	var chunked bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		lengths = append(lengths, r.ContentLength)
		if len(r.TransferEncoding) > 0 {
			chunked = true
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	dir, err := os.MkdirTemp("", "upload-hidden-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s, err := spool.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append([]byte("cpu 1\nmem 2\n")); err != nil {
		t.Fatal(err)
	}
	n, err := (&Uploader{Spool: s, Endpoint: srv.URL}).UploadOnce(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("UploadOnce = %d, %v", n, err)
	}
	if len(lengths) != 1 || lengths[0] <= 0 || chunked {
		t.Fatalf("content lengths %v, chunked %v", lengths, chunked)
	}
}

// A transport failure must leave the segment pending and unlocked.
func TestHiddenTransportFailureUnlocks(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	endpoint := srv.URL
	srv.Close()
	dir, err := os.MkdirTemp("", "upload-hidden-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s, err := spool.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	name, _ := s.Append([]byte("batch"))
	if _, err := (&Uploader{Spool: s, Endpoint: endpoint}).UploadOnce(context.Background()); err == nil {
		t.Fatal("want an error from a closed gateway")
	}
	fi, err := os.Stat(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Fatalf("mode = %v, want unlocked", fi.Mode().Perm())
	}
}
