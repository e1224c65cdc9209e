package client

import (
	"context"
	"errors"
	"testing"
	"time"
)

func noBackoff(int) time.Duration { return 0 }

func TestPutThenGet(t *testing.T) {
	_, srv := newFakeInventory(t)
	c := New(srv.URL)
	ctx := context.Background()

	stored, err := c.PutItem(ctx, Item{SKU: "mug-01", Name: "Mug", Quantity: 12})
	if err != nil {
		t.Fatalf("PutItem: %v", err)
	}
	if stored.Version != 1 {
		t.Fatalf("stored version = %d, want 1", stored.Version)
	}
	got, err := c.GetItem(ctx, "mug-01")
	if err != nil {
		t.Fatalf("GetItem: %v", err)
	}
	if got.Name != "Mug" || got.Quantity != 12 || got.Version != 1 {
		t.Fatalf("GetItem = %+v", got)
	}
}

func TestUpdateNeedsCurrentVersion(t *testing.T) {
	_, srv := newFakeInventory(t)
	c := New(srv.URL)
	ctx := context.Background()
	if _, err := c.PutItem(ctx, Item{SKU: "mug-01", Name: "Mug", Quantity: 12}); err != nil {
		t.Fatal(err)
	}
	updated, err := c.PutItem(ctx, Item{SKU: "mug-01", Name: "Mug", Quantity: 9, Version: 1})
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	if updated.Version != 2 || updated.Quantity != 9 {
		t.Fatalf("updated = %+v", updated)
	}
	if _, err := c.PutItem(ctx, Item{SKU: "mug-01", Name: "Mug", Quantity: 1, Version: 1}); err == nil {
		t.Fatal("stale update succeeded, want an error")
	}
}

func TestGetMissingItemFails(t *testing.T) {
	_, srv := newFakeInventory(t)
	_, err := New(srv.URL).GetItem(context.Background(), "nope")
	if err == nil {
		t.Fatal("GetItem of a missing item succeeded")
	}
}

func TestDeleteAndList(t *testing.T) {
	_, srv := newFakeInventory(t)
	c := New(srv.URL)
	ctx := context.Background()
	for _, sku := range []string{"b", "a", "c"} {
		if _, err := c.PutItem(ctx, Item{SKU: sku, Name: sku, Quantity: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.DeleteItem(ctx, "b"); err != nil {
		t.Fatalf("DeleteItem: %v", err)
	}
	items, err := c.ListItems(ctx)
	if err != nil {
		t.Fatalf("ListItems: %v", err)
	}
	if len(items) != 2 || items[0].SKU != "a" || items[1].SKU != "c" {
		t.Fatalf("ListItems = %+v", items)
	}
	if err := c.DeleteItem(ctx, "b"); err == nil {
		t.Fatal("deleting a missing item succeeded")
	}
}

func TestRetriesUnavailableThenSucceeds(t *testing.T) {
	f, srv := newFakeInventory(t)
	c := New(srv.URL, WithBackoff(noBackoff))
	ctx := context.Background()
	if _, err := c.PutItem(ctx, Item{SKU: "mug-01", Name: "Mug"}); err != nil {
		t.Fatal(err)
	}
	f.failFor(2, 503, "upstream restarting")
	before := f.requestCount()
	if _, err := c.GetItem(ctx, "mug-01"); err != nil {
		t.Fatalf("GetItem after two 503s: %v", err)
	}
	if n := f.requestCount() - before; n != 3 {
		t.Fatalf("made %d requests, want 3", n)
	}
}

func TestDoesNotRetryClientErrors(t *testing.T) {
	f, srv := newFakeInventory(t)
	c := New(srv.URL, WithBackoff(noBackoff))
	if _, err := c.GetItem(context.Background(), "missing"); err == nil {
		t.Fatal("want an error")
	}
	if n := f.requestCount(); n != 1 {
		t.Fatalf("made %d requests for a 404, want 1", n)
	}
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	f, srv := newFakeInventory(t)
	c := New(srv.URL, WithBackoff(noBackoff), WithMaxAttempts(4))
	f.failFor(100, 429, "slow down")
	if _, err := c.ListItems(context.Background()); err == nil {
		t.Fatal("want an error after exhausting retries")
	}
	if n := f.requestCount(); n != 4 {
		t.Fatalf("made %d requests, want 4", n)
	}
}

// TestDefaultBackoffSchedule runs the real backoff (100ms + 200ms), so it is the
// slowest test in the module (~0.3 s) and has timed out once on an overloaded
// shared runner. Keep it: it is the only test of the production schedule.
func TestDefaultBackoffSchedule(t *testing.T) {
	f, srv := newFakeInventory(t)
	c := New(srv.URL)
	f.failFor(2, 502, "bad gateway")
	start := time.Now()
	if _, err := c.ListItems(context.Background()); err != nil {
		t.Fatalf("ListItems after two 502s: %v", err)
	}
	if elapsed := time.Since(start); elapsed < 300*time.Millisecond {
		t.Fatalf("retried after %v, want at least 300ms of backoff", elapsed)
	}
	if got, want := DefaultBackoff(3), 400*time.Millisecond; got != want {
		t.Fatalf("DefaultBackoff(3) = %v, want %v", got, want)
	}
}

func TestContextCancelledDuringBackoff(t *testing.T) {
	f, srv := newFakeInventory(t)
	c := New(srv.URL, WithBackoff(func(int) time.Duration { return time.Hour }))
	f.failFor(100, 503, "down")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	_, err := c.GetItem(ctx, "x")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestSendsUserAgent(t *testing.T) {
	f, srv := newFakeInventory(t)
	c := New(srv.URL, WithUserAgent("sync-test/0"))
	_, _ = c.ListItems(context.Background())
	if len(f.userAgents) != 1 || f.userAgents[0] != "sync-test/0" {
		t.Fatalf("user agents = %v", f.userAgents)
	}
}
