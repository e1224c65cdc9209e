package syncer

import "strings"

// isNotFound reports whether the inventory service answered 404.
func isNotFound(err error) bool {
	return err != nil && strings.Contains(err.Error(), "status 404")
}

// isConflict reports whether the inventory service rejected a stale version.
func isConflict(err error) bool {
	return err != nil && strings.Contains(err.Error(), "status 409")
}
