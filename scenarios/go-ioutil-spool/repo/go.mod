module github.com/acme/metrics-spool

go 1.19
