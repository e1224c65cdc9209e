package client

import "strings"

// retryableMarkers are the failures worth another attempt: throttling, a
// restarting upstream, and connections dropped by the load balancer.
var retryableMarkers = []string{
	"status 429",
	"status 502",
	"status 503",
	"connection refused",
	"connection reset by peer",
}

// isRetryable reports whether a failed attempt should be tried again.
func isRetryable(err error) bool {
	msg := err.Error()
	for _, m := range retryableMarkers {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}
