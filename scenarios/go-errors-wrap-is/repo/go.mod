module github.com/acme/inventory-sync

go 1.19
