// Package audit writes the compliance audit trail of sync failures.
//
// Owned by the compliance team (#team-compliance). The categories below are
// part of the SOX evidence format; do not rename them.
package audit

import (
	"encoding/json"
	"io"
	"sort"
	"strings"
	"time"
)

// Failure categories of the audit trail.
const (
	Missing   = "missing"
	Conflict  = "conflict"
	Throttled = "throttled"
	Other     = "other"
)

// Classify maps a sync failure to its audit category.
func Classify(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "status 404"):
		return Missing
	case strings.Contains(msg, "status 409"):
		return Conflict
	case strings.Contains(msg, "status 429"), strings.Contains(msg, "status 503"):
		return Throttled
	default:
		return Other
	}
}

// Entry is one line of the audit trail.
type Entry struct {
	Time     string `json:"time"`
	Run      string `json:"run"`
	SKU      string `json:"sku"`
	Category string `json:"category"`
	Detail   string `json:"detail"`
}

// Write appends one JSON line per failed SKU, in SKU order, stamped with now (UTC).
func Write(w io.Writer, run string, now time.Time, failed map[string]error) error {
	skus := make([]string, 0, len(failed))
	for sku := range failed {
		skus = append(skus, sku)
	}
	sort.Strings(skus)
	enc := json.NewEncoder(w)
	for _, sku := range skus {
		err := failed[sku]
		e := Entry{
			Time:     now.UTC().Format(time.RFC3339),
			Run:      run,
			SKU:      sku,
			Category: Classify(err),
			Detail:   err.Error(),
		}
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return nil
}
