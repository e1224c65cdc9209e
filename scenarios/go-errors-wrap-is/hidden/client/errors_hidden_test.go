package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// hiddenServer answers every request with status and body, counting requests.
func hiddenServer(t *testing.T, status int, body string) (*httptest.Server, *int32) {
	t.Helper()
	var n int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&n, 1)
		if status == http.StatusOK {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(body))
			return
		}
		http.Error(w, body, status)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func hiddenNoBackoff(int) time.Duration { return 0 }

func TestHiddenNotFoundIsSentinelAndStatusError(t *testing.T) {
	srv, _ := hiddenServer(t, 404, "no such item")
	_, err := New(srv.URL, WithBackoff(hiddenNoBackoff)).GetItem(context.Background(), "sku-1")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("errors.Is(%v, ErrNotFound) = false", err)
	}
	if errors.Is(err, ErrConflict) || errors.Is(err, ErrUnavailable) {
		t.Fatalf("404 error %v also matches ErrConflict/ErrUnavailable", err)
	}
	var se *StatusError
	if !errors.As(err, &se) {
		t.Fatalf("errors.As(%v, *StatusError) = false", err)
	}
	if se.StatusCode != 404 || se.Method != "GET" || se.Path != "/items/sku-1" || se.Body != "no such item" {
		t.Fatalf("StatusError = %+v", *se)
	}
	if got, want := err.Error(), "inventory: GET /items/sku-1: status 404: no such item"; got != want {
		t.Fatalf("Error() = %q, want %q (message format must not change)", got, want)
	}
}

func TestHiddenConflictIsSentinel(t *testing.T) {
	srv, _ := hiddenServer(t, 409, "version mismatch")
	_, err := New(srv.URL, WithBackoff(hiddenNoBackoff)).PutItem(context.Background(), Item{SKU: "a", Version: 2})
	if !errors.Is(err, ErrConflict) || errors.Is(err, ErrNotFound) {
		t.Fatalf("PUT 409: err = %v, want ErrConflict only", err)
	}
	var se *StatusError
	if !errors.As(err, &se) || se.StatusCode != 409 || se.Method != "PUT" {
		t.Fatalf("PUT 409: errors.As StatusError failed for %v", err)
	}
	if got, want := err.Error(), "inventory: PUT /items/a: status 409: version mismatch"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
}

func TestHiddenUnavailableSurvivesGivingUp(t *testing.T) {
	for _, status := range []int{429, 502, 503} {
		srv, n := hiddenServer(t, status, "down")
		_, err := New(srv.URL, WithBackoff(hiddenNoBackoff), WithMaxAttempts(3)).ListItems(context.Background())
		if got := atomic.LoadInt32(n); got != 3 {
			t.Fatalf("status %d: %d requests, want 3", status, got)
		}
		if !errors.Is(err, ErrUnavailable) {
			t.Fatalf("status %d: errors.Is(%v, ErrUnavailable) = false after giving up", status, err)
		}
		var se *StatusError
		if !errors.As(err, &se) || se.StatusCode != status {
			t.Fatalf("status %d: errors.As StatusError failed for %v", status, err)
		}
		want := "inventory: giving up after 3 attempts: inventory: GET /items: status " +
			http.StatusText(0) + itoa(status) + ": down"
		if err.Error() != want {
			t.Fatalf("Error() = %q, want %q", err.Error(), want)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestHiddenRetryDecisionIgnoresMessageText(t *testing.T) {
	cases := []struct {
		status int
		body   string
	}{
		{400, "upstream returned status 503"},
		{500, "backend: connection refused"},
		{404, "status 429 quota exceeded for this sku"},
	}
	for _, c := range cases {
		srv, n := hiddenServer(t, c.status, c.body)
		_, err := New(srv.URL, WithBackoff(hiddenNoBackoff), WithMaxAttempts(3)).GetItem(context.Background(), "a")
		if err == nil {
			t.Fatalf("status %d: want an error", c.status)
		}
		if got := atomic.LoadInt32(n); got != 1 {
			t.Fatalf("status %d with body %q was tried %d times, want 1 (not retryable)", c.status, c.body, got)
		}
		if errors.Is(err, ErrUnavailable) {
			t.Fatalf("status %d matches ErrUnavailable", c.status)
		}
	}
}

// countingTransport counts round trips so retries of transport errors are visible.
type countingTransport struct{ n int32 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	atomic.AddInt32(&c.n, 1)
	return http.DefaultTransport.RoundTrip(r)
}

func TestHiddenTransportErrorStaysReachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.URL
	srv.Close() // nothing listens there any more: connection refused
	tr := &countingTransport{}
	c := New(addr, WithBackoff(hiddenNoBackoff), WithMaxAttempts(3), WithHTTPClient(&http.Client{Transport: tr}))
	_, err := c.GetItem(context.Background(), "a")
	if err == nil {
		t.Fatal("want an error from a closed server")
	}
	var ue *url.Error
	if !errors.As(err, &ue) {
		t.Fatalf("errors.As(%v, *url.Error) = false: transport error not wrapped", err)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("errors.Is(%v, ECONNREFUSED) = false", err)
	}
	if got := atomic.LoadInt32(&tr.n); got != 3 {
		t.Fatalf("connection refused tried %d times, want 3", got)
	}
	var se *StatusError
	if errors.As(err, &se) || errors.Is(err, ErrNotFound) || errors.Is(err, ErrUnavailable) {
		t.Fatalf("transport error %v matches a status error", err)
	}
}

func TestHiddenDecodeErrorStaysReachable(t *testing.T) {
	srv, _ := hiddenServer(t, http.StatusOK, "{not json")
	_, err := New(srv.URL).GetItem(context.Background(), "a")
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		t.Fatalf("errors.As(%v, *json.SyntaxError) = false: decode error not wrapped", err)
	}
}
