// Package syncer reconciles the desired catalogue with the inventory service.
package syncer

import (
	"context"
	"fmt"
	"sort"

	"github.com/acme/inventory-sync/client"
)

// Inventory is the part of the inventory service the syncer needs;
// *client.Client implements it.
type Inventory interface {
	GetItem(ctx context.Context, sku string) (client.Item, error)
	PutItem(ctx context.Context, it client.Item) (client.Item, error)
	DeleteItem(ctx context.Context, sku string) error
	ListItems(ctx context.Context) ([]client.Item, error)
}

// Result says what a sync run did, SKU by SKU.
type Result struct {
	Created   []string
	Updated   []string
	Deleted   []string
	Unchanged []string
	// Failed holds the SKUs that could not be reconciled; the run carries on
	// with the others and the cron job reports them.
	Failed map[string]error
}

// Syncer applies a desired catalogue to an Inventory.
type Syncer struct {
	inv Inventory
	// Prune deletes items the service has but the catalogue does not.
	Prune bool
	// Logf receives one line per change; nil discards them.
	Logf func(format string, args ...interface{})
}

// New returns a Syncer writing to inv.
func New(inv Inventory) *Syncer { return &Syncer{inv: inv} }

func (s *Syncer) logf(format string, args ...interface{}) {
	if s.Logf != nil {
		s.Logf(format, args...)
	}
}

// Sync makes the service match desired. It returns an error only when the run
// could not start (the listing for Prune failed); per-item failures are in
// Result.Failed.
func (s *Syncer) Sync(ctx context.Context, desired []client.Item) (Result, error) {
	res := Result{Failed: map[string]error{}}
	want := make(map[string]bool, len(desired))
	for _, d := range desired {
		want[d.SKU] = true
		if err := ctx.Err(); err != nil {
			return res, err
		}
		s.reconcile(ctx, d, &res)
	}
	if s.Prune {
		existing, err := s.inv.ListItems(ctx)
		if err != nil {
			return res, fmt.Errorf("listing items to prune: %w", err)
		}
		for _, it := range existing {
			if want[it.SKU] {
				continue
			}
			s.remove(ctx, it.SKU, &res)
		}
	}
	sort.Strings(res.Created)
	sort.Strings(res.Updated)
	sort.Strings(res.Deleted)
	sort.Strings(res.Unchanged)
	return res, nil
}

// reconcile brings one SKU in line with its desired state.
func (s *Syncer) reconcile(ctx context.Context, d client.Item, res *Result) {
	cur, err := s.inv.GetItem(ctx, d.SKU)
	if err != nil {
		if !isNotFound(err) {
			res.Failed[d.SKU] = err
			return
		}
		d.Version = 0
		if _, err := s.inv.PutItem(ctx, d); err != nil {
			res.Failed[d.SKU] = err
			return
		}
		s.logf("created %s", d.SKU)
		res.Created = append(res.Created, d.SKU)
		return
	}
	if cur.Name == d.Name && cur.Quantity == d.Quantity {
		res.Unchanged = append(res.Unchanged, d.SKU)
		return
	}
	d.Version = cur.Version
	_, err = s.inv.PutItem(ctx, d)
	if isConflict(err) {
		// Someone (usually the warehouse scanner) wrote in between: read the
		// new version and try once more; a second conflict is reported.
		cur, err = s.inv.GetItem(ctx, d.SKU)
		if err == nil {
			d.Version = cur.Version
			_, err = s.inv.PutItem(ctx, d)
		}
	}
	if err != nil {
		res.Failed[d.SKU] = err
		return
	}
	s.logf("updated %s", d.SKU)
	res.Updated = append(res.Updated, d.SKU)
}

// remove deletes one SKU; an item that is already gone counts as deleted.
func (s *Syncer) remove(ctx context.Context, sku string, res *Result) {
	err := s.inv.DeleteItem(ctx, sku)
	if err != nil && !isNotFound(err) {
		res.Failed[sku] = err
		return
	}
	s.logf("deleted %s", sku)
	res.Deleted = append(res.Deleted, sku)
}
