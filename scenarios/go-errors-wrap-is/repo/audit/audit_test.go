package audit

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	cases := map[string]string{
		"inventory: GET /items/a: status 404: no such item":                              Missing,
		"inventory: PUT /items/a: status 409: version mismatch":                          Conflict,
		"inventory: giving up after 3 attempts: inventory: GET /items: status 503: down": Throttled,
		"inventory: giving up after 3 attempts: inventory: GET /items: status 429: wait": Throttled,
		"inventory: GET /items/a: dial tcp 10.0.0.1:443: connect: connection refused":    Other,
	}
	for msg, want := range cases {
		if got := Classify(errors.New(msg)); got != want {
			t.Errorf("Classify(%q) = %q, want %q", msg, got, want)
		}
	}
}

func TestWriteIsSortedAndUTC(t *testing.T) {
	var buf bytes.Buffer
	now := time.Date(2024, 3, 1, 10, 30, 0, 0, time.FixedZone("CET", 3600))
	err := Write(&buf, "run-7", now, map[string]error{
		"b": errors.New("inventory: PUT /items/b: status 409: version mismatch"),
		"a": errors.New("inventory: GET /items/a: status 500: boom"),
	})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("lines = %q", lines)
	}
	if !strings.Contains(lines[0], `"sku":"a"`) || !strings.Contains(lines[0], `"category":"other"`) {
		t.Errorf("line 0 = %s", lines[0])
	}
	if !strings.Contains(lines[1], `"category":"conflict"`) || !strings.Contains(lines[1], `"time":"2024-03-01T09:30:00Z"`) {
		t.Errorf("line 1 = %s", lines[1])
	}
}
