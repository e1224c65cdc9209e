package syncer

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/acme/inventory-sync/client"
)

// memInventory is an in-memory Inventory. Hooks let a test inject failures.
type memInventory struct {
	items   map[string]client.Item
	onGet   func(sku string) error
	onPut   func(it client.Item) error
	onDel   func(sku string) error
	puts    int
	deletes int
}

func newMem(items ...client.Item) *memInventory {
	m := &memInventory{items: map[string]client.Item{}}
	for _, it := range items {
		m.items[it.SKU] = it
	}
	return m
}

// statusErr builds the error the real client returns for an HTTP status.
func statusErr(method, sku string, status int, body string) error {
	return fmt.Errorf("inventory: %s /items/%s: status %d: %s", method, sku, status, body)
}

func (m *memInventory) GetItem(_ context.Context, sku string) (client.Item, error) {
	if m.onGet != nil {
		if err := m.onGet(sku); err != nil {
			return client.Item{}, err
		}
	}
	it, ok := m.items[sku]
	if !ok {
		return client.Item{}, statusErr("GET", sku, 404, "no such item")
	}
	return it, nil
}

func (m *memInventory) PutItem(_ context.Context, it client.Item) (client.Item, error) {
	m.puts++
	if m.onPut != nil {
		if err := m.onPut(it); err != nil {
			return client.Item{}, err
		}
	}
	if it.Version != m.items[it.SKU].Version {
		return client.Item{}, statusErr("PUT", it.SKU, 409, "version mismatch")
	}
	it.Version++
	m.items[it.SKU] = it
	return it, nil
}

func (m *memInventory) DeleteItem(_ context.Context, sku string) error {
	m.deletes++
	if m.onDel != nil {
		if err := m.onDel(sku); err != nil {
			return err
		}
	}
	if _, ok := m.items[sku]; !ok {
		return statusErr("DELETE", sku, 404, "no such item")
	}
	delete(m.items, sku)
	return nil
}

func (m *memInventory) ListItems(context.Context) ([]client.Item, error) {
	out := make([]client.Item, 0, len(m.items))
	for _, it := range m.items {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	return out, nil
}

func TestCreatesMissingItems(t *testing.T) {
	inv := newMem()
	res, err := New(inv).Sync(context.Background(), []client.Item{{SKU: "a", Name: "A", Quantity: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Created, []string{"a"}) || len(res.Failed) != 0 {
		t.Fatalf("result = %+v", res)
	}
	if inv.items["a"].Version != 1 {
		t.Fatalf("stored = %+v", inv.items["a"])
	}
}

func TestUpdatesChangedAndKeepsUnchanged(t *testing.T) {
	inv := newMem(
		client.Item{SKU: "a", Name: "A", Quantity: 1, Version: 3},
		client.Item{SKU: "b", Name: "B", Quantity: 2, Version: 1},
	)
	res, err := New(inv).Sync(context.Background(), []client.Item{
		{SKU: "a", Name: "A", Quantity: 5},
		{SKU: "b", Name: "B", Quantity: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Updated, []string{"a"}) || !reflect.DeepEqual(res.Unchanged, []string{"b"}) {
		t.Fatalf("result = %+v", res)
	}
	if got := inv.items["a"]; got.Quantity != 5 || got.Version != 4 {
		t.Fatalf("a = %+v", got)
	}
}

func TestRetriesOnceAfterConflict(t *testing.T) {
	inv := newMem(client.Item{SKU: "a", Name: "A", Quantity: 1, Version: 3})
	conflicts := 1
	inv.onPut = func(it client.Item) error {
		if conflicts > 0 {
			conflicts--
			// the warehouse scanner bumped the version in between
			inv.items["a"] = client.Item{SKU: "a", Name: "A", Quantity: 0, Version: 4}
			return statusErr("PUT", "a", 409, "version mismatch")
		}
		return nil
	}
	res, err := New(inv).Sync(context.Background(), []client.Item{{SKU: "a", Name: "A", Quantity: 7}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Updated, []string{"a"}) || len(res.Failed) != 0 {
		t.Fatalf("result = %+v", res)
	}
	if got := inv.items["a"]; got.Quantity != 7 || got.Version != 5 {
		t.Fatalf("a = %+v", got)
	}
}

func TestSecondConflictIsReported(t *testing.T) {
	inv := newMem(client.Item{SKU: "a", Name: "A", Quantity: 1, Version: 3})
	inv.onPut = func(client.Item) error { return statusErr("PUT", "a", 409, "version mismatch") }
	res, err := New(inv).Sync(context.Background(), []client.Item{{SKU: "a", Name: "A", Quantity: 7}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed["a"] == nil || inv.puts != 2 {
		t.Fatalf("result = %+v, puts = %d", res, inv.puts)
	}
}

func TestOtherErrorsAreReportedNotCreated(t *testing.T) {
	inv := newMem()
	inv.onGet = func(sku string) error { return statusErr("GET", sku, 500, "internal error") }
	res, err := New(inv).Sync(context.Background(), []client.Item{{SKU: "a", Name: "A"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed["a"] == nil || len(res.Created) != 0 || inv.puts != 0 {
		t.Fatalf("result = %+v, puts = %d", res, inv.puts)
	}
}

func TestPruneDeletesUnwanted(t *testing.T) {
	inv := newMem(
		client.Item{SKU: "a", Name: "A", Version: 1},
		client.Item{SKU: "old", Name: "Old", Version: 1},
	)
	s := New(inv)
	s.Prune = true
	var logged []string
	s.Logf = func(format string, args ...interface{}) { logged = append(logged, fmt.Sprintf(format, args...)) }
	res, err := s.Sync(context.Background(), []client.Item{{SKU: "a", Name: "A"}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Deleted, []string{"old"}) {
		t.Fatalf("result = %+v", res)
	}
	if !reflect.DeepEqual(logged, []string{"deleted old"}) {
		t.Fatalf("logged = %v", logged)
	}
}

func TestPruneToleratesAlreadyDeleted(t *testing.T) {
	inv := newMem(client.Item{SKU: "old", Name: "Old", Version: 1})
	inv.onDel = func(sku string) error { return statusErr("DELETE", sku, 404, "no such item") }
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

func TestStopsWhenContextCancelled(t *testing.T) {
	inv := newMem()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New(inv).Sync(ctx, []client.Item{{SKU: "a"}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}
