// Package upload ships spooled metric segments to the metrics gateway.
package upload

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/ioutil"
	"net/http"
	"strings"
	"time"

	"github.com/acme/metrics-spool/spool"
)

// Uploader drains a spool into the gateway.
type Uploader struct {
	Spool    *spool.Spool
	Endpoint string // e.g. https://metrics-gw.internal/v1/ingest
	HTTP     *http.Client
	// AgentID identifies this host to the gateway.
	AgentID string
	// Logf receives one line per failed upload; nil discards them.
	Logf func(format string, args ...interface{})
}

// GatewayError is a non-2xx answer from the gateway.
type GatewayError struct {
	Segment    string
	StatusCode int
	Message    string
}

func (e *GatewayError) Error() string {
	return fmt.Sprintf("upload %s: gateway answered %d: %s", e.Segment, e.StatusCode, e.Message)
}

// maxErrorMessage bounds how much of an error response is kept.
const maxErrorMessage = 512

func (u *Uploader) logf(format string, args ...interface{}) {
	if u.Logf != nil {
		u.Logf(format, args...)
	}
}

func (u *Uploader) client() *http.Client {
	if u.HTTP != nil {
		return u.HTTP
	}
	return http.DefaultClient
}

// UploadOnce ships every pending segment, oldest first, and returns how many
// were delivered. It stops at the first failure so segments stay in order.
func (u *Uploader) UploadOnce(ctx context.Context) (int, error) {
	pending, err := u.Spool.Pending()
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, name := range pending {
		if err := ctx.Err(); err != nil {
			return sent, err
		}
		if err := u.ship(ctx, name); err != nil {
			u.logf("upload: %v", err)
			return sent, err
		}
		sent++
	}
	return sent, nil
}

// ship uploads one segment while it is locked against retention.
func (u *Uploader) ship(ctx context.Context, name string) error {
	if err := u.Spool.Lock(name); err != nil {
		return err
	}
	delivered := false
	defer func() {
		if !delivered {
			_ = u.Spool.Unlock(name)
		}
	}()
	data, err := u.Spool.Read(name)
	if err != nil {
		return err
	}
	body, err := gzipped(data)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.Endpoint, nil)
	if err != nil {
		return err
	}
	req.Body = ioutil.NopCloser(bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set("Content-Encoding", "gzip")
	req.Header.Set("X-Agent-ID", u.AgentID)
	req.Header.Set("X-Segment", name)

	resp, err := u.client().Do(req)
	if err != nil {
		return fmt.Errorf("upload %s: %w", name, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		msg, _ := ioutil.ReadAll(io.LimitReader(resp.Body, maxErrorMessage))
		return &GatewayError{Segment: name, StatusCode: resp.StatusCode, Message: strings.TrimSpace(string(msg))}
	}
	// Drain the body so the connection goes back to the pool.
	_, _ = io.Copy(ioutil.Discard, resp.Body)
	if err := u.Spool.Ack(name); err != nil {
		return err
	}
	delivered = true
	return nil
}

func gzipped(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Run uploads every interval until ctx is cancelled. Failures are logged and
// retried at the next tick.
func (u *Uploader) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		_, _ = u.UploadOnce(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
