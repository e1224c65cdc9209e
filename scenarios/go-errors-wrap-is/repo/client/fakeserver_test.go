package client

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
)

// fakeInventory is an in-memory inventory service with the real service's
// status codes. failNext makes the next n requests answer with a given status.
type fakeInventory struct {
	mu         sync.Mutex
	items      map[string]Item
	failStatus int
	failBody   string
	failNext   int
	requests   int
	userAgents []string
}

func newFakeInventory(t *testing.T) (*fakeInventory, *httptest.Server) {
	t.Helper()
	f := &fakeInventory{items: map[string]Item{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeInventory) failFor(n, status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failNext, f.failStatus, f.failBody = n, status, body
}

func (f *fakeInventory) requestCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests
}

func (f *fakeInventory) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests++
	f.userAgents = append(f.userAgents, r.UserAgent())
	if f.failNext > 0 {
		f.failNext--
		http.Error(w, f.failBody, f.failStatus)
		return
	}
	if r.URL.Path == "/items" && r.Method == http.MethodGet {
		all := make([]Item, 0, len(f.items))
		for _, it := range f.items {
			all = append(all, it)
		}
		sort.Slice(all, func(i, j int) bool { return all[i].SKU < all[j].SKU })
		writeJSON(w, all)
		return
	}
	sku := strings.TrimPrefix(r.URL.Path, "/items/")
	if sku == r.URL.Path || sku == "" {
		http.NotFound(w, r)
		return
	}
	cur, exists := f.items[sku]
	switch r.Method {
	case http.MethodGet:
		if !exists {
			http.Error(w, "no such item", http.StatusNotFound)
			return
		}
		writeJSON(w, cur)
	case http.MethodPut:
		var in Item
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		if in.Version != cur.Version {
			http.Error(w, "version mismatch", http.StatusConflict)
			return
		}
		in.SKU = sku
		in.Version = cur.Version + 1
		f.items[sku] = in
		writeJSON(w, in)
	case http.MethodDelete:
		if !exists {
			http.Error(w, "no such item", http.StatusNotFound)
			return
		}
		delete(f.items, sku)
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func writeJSON(w http.ResponseWriter, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
