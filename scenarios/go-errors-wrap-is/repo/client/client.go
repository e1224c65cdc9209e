// Package client talks to the inventory service REST API.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Item is one catalogue entry as the inventory service stores it.
type Item struct {
	SKU      string `json:"sku"`
	Name     string `json:"name"`
	Quantity int    `json:"quantity"`
	// Version is the optimistic-locking counter: a PUT must carry the stored
	// version (0 to create) or the service answers 409 Conflict.
	Version int `json:"version"`
}

// Client is a small, retrying client for the inventory service.
type Client struct {
	baseURL     string
	http        *http.Client
	maxAttempts int
	backoff     func(attempt int) time.Duration
	userAgent   string
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient replaces the default http.Client (10 s timeout).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.http = h } }

// WithMaxAttempts sets how many times a retryable request is tried in total.
func WithMaxAttempts(n int) Option {
	return func(c *Client) {
		if n > 0 {
			c.maxAttempts = n
		}
	}
}

// WithBackoff replaces the delay schedule between attempts.
func WithBackoff(f func(attempt int) time.Duration) Option { return func(c *Client) { c.backoff = f } }

// WithUserAgent sets the User-Agent header sent with every request.
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// DefaultBackoff doubles the delay after every failed attempt: 100ms, 200ms, 400ms...
func DefaultBackoff(attempt int) time.Duration {
	d := 100 * time.Millisecond
	for i := 1; i < attempt; i++ {
		d *= 2
	}
	return d
}

// New returns a client for the service at baseURL (e.g. "https://inventory.internal").
func New(baseURL string, opts ...Option) *Client {
	c := &Client{
		baseURL:     strings.TrimRight(baseURL, "/"),
		http:        &http.Client{Timeout: 10 * time.Second},
		maxAttempts: 3,
		backoff:     DefaultBackoff,
		userAgent:   "inventory-sync/1.4",
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// GetItem fetches one item by SKU.
func (c *Client) GetItem(ctx context.Context, sku string) (Item, error) {
	var it Item
	err := c.do(ctx, http.MethodGet, "/items/"+url.PathEscape(sku), nil, &it)
	return it, err
}

// PutItem creates (Version 0) or updates (Version = stored version) an item.
func (c *Client) PutItem(ctx context.Context, it Item) (Item, error) {
	var stored Item
	err := c.do(ctx, http.MethodPut, "/items/"+url.PathEscape(it.SKU), it, &stored)
	return stored, err
}

// DeleteItem removes an item.
func (c *Client) DeleteItem(ctx context.Context, sku string) error {
	return c.do(ctx, http.MethodDelete, "/items/"+url.PathEscape(sku), nil, nil)
}

// ListItems returns every item the service knows.
func (c *Client) ListItems(ctx context.Context) ([]Item, error) {
	var items []Item
	err := c.do(ctx, http.MethodGet, "/items", nil, &items)
	return items, err
}

// do runs one logical request, retrying transient failures.
func (c *Client) do(ctx context.Context, method, path string, in, out interface{}) error {
	for attempt := 1; ; attempt++ {
		err := c.once(ctx, method, path, in, out)
		if err == nil {
			return nil
		}
		if !isRetryable(err) {
			return err
		}
		if attempt >= c.maxAttempts {
			return fmt.Errorf("inventory: giving up after %d attempts: %v", attempt, err)
		}
		t := time.NewTimer(c.backoff(attempt))
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// maxErrorBody bounds how much of an error response ends up in the error message.
const maxErrorBody = 200

// once sends a single HTTP request and decodes the response.
func (c *Client) once(ctx context.Context, method, path string, in, out interface{}) error {
	var body io.Reader
	if in != nil {
		buf, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("inventory: %s %s: encoding request: %v", method, path, err)
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, body)
	if err != nil {
		return fmt.Errorf("inventory: %s %s: %v", method, path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("inventory: %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return fmt.Errorf("inventory: %s %s: status %d: %s", method, path, resp.StatusCode, strings.TrimSpace(string(raw)))
	}
	if out == nil || resp.StatusCode == http.StatusNoContent {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("inventory: %s %s: decoding response: %v", method, path, err)
	}
	return nil
}
