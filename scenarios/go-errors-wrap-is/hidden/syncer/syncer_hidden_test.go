package syncer

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/acme/inventory-sync/client"
)

// hiddenInv is an Inventory whose answers are scripted per call.
type hiddenInv struct {
	get  func(sku string) (client.Item, error)
	put  func(it client.Item) (client.Item, error)
	del  func(sku string) error
	list []client.Item
	puts int
}

func (h *hiddenInv) GetItem(_ context.Context, sku string) (client.Item, error) { return h.get(sku) }
func (h *hiddenInv) PutItem(_ context.Context, it client.Item) (client.Item, error) {
	h.puts++
	return h.put(it)
}
func (h *hiddenInv) DeleteItem(_ context.Context, sku string) error   { return h.del(sku) }
func (h *hiddenInv) ListItems(context.Context) ([]client.Item, error) { return h.list, nil }

func okPut(it client.Item) (client.Item, error) { it.Version++; return it, nil }

func TestHiddenWrappedNotFoundCreates(t *testing.T) {
	inv := &hiddenInv{
		get: func(string) (client.Item, error) {
			return client.Item{}, fmt.Errorf("read-through cache: %w", client.ErrNotFound)
		},
		put: okPut,
	}
	res, err := New(inv).Sync(context.Background(), []client.Item{{SKU: "a", Name: "A"}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Created, []string{"a"}) || len(res.Failed) != 0 {
		t.Fatalf("a wrapped ErrNotFound must lead to a create; result = %+v", res)
	}
}

func TestHiddenMessageTextDoesNotDecide(t *testing.T) {
	inv := &hiddenInv{
		get: func(sku string) (client.Item, error) {
			return client.Item{}, &client.StatusError{Method: "GET", Path: "/items/" + sku, StatusCode: 500,
				Body: "lookup failed: status 404 from shard 3"}
		},
		put: okPut,
	}
	res, err := New(inv).Sync(context.Background(), []client.Item{{SKU: "a", Name: "A"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed["a"] == nil || inv.puts != 0 {
		t.Fatalf("a 500 mentioning 404 in its body must be a failure, not a create; result = %+v puts=%d", res, inv.puts)
	}
}

func TestHiddenWrappedConflictRetries(t *testing.T) {
	conflicts := 1
	inv := &hiddenInv{
		get: func(sku string) (client.Item, error) { return client.Item{SKU: sku, Name: "A", Version: 4}, nil },
		put: func(it client.Item) (client.Item, error) {
			if conflicts > 0 {
				conflicts--
				return client.Item{}, fmt.Errorf("put via gateway: %w", client.ErrConflict)
			}
			return okPut(it)
		},
	}
	res, err := New(inv).Sync(context.Background(), []client.Item{{SKU: "a", Name: "B"}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Updated, []string{"a"}) || inv.puts != 2 {
		t.Fatalf("a wrapped ErrConflict must be retried once; result = %+v puts=%d", res, inv.puts)
	}
}

func TestHiddenConflictTextInOtherErrorIsNotRetried(t *testing.T) {
	inv := &hiddenInv{
		get: func(sku string) (client.Item, error) { return client.Item{SKU: sku, Name: "A", Version: 4}, nil },
		put: func(it client.Item) (client.Item, error) {
			return client.Item{}, &client.StatusError{Method: "PUT", Path: "/items/" + it.SKU, StatusCode: 422,
				Body: "quantity rejected (see status 409 runbook)"}
		},
	}
	res, err := New(inv).Sync(context.Background(), []client.Item{{SKU: "a", Name: "B"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed["a"] == nil || inv.puts != 1 {
		t.Fatalf("a 422 must fail without a retry; result = %+v puts=%d", res, inv.puts)
	}
}

func TestHiddenWrappedNotFoundOnDeleteIsDeleted(t *testing.T) {
	inv := &hiddenInv{
		del:  func(string) error { return fmt.Errorf("delete: %w", client.ErrNotFound) },
		list: []client.Item{{SKU: "old", Version: 1}},
	}
	s := New(inv)
	s.Prune = true
	res, err := s.Sync(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Deleted, []string{"old"}) || len(res.Failed) != 0 {
		t.Fatalf("result = %+v", res)
	}
}
