// Command inventory-sync reconciles a catalogue file with the inventory service.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/acme/inventory-sync/audit"
	"github.com/acme/inventory-sync/client"
	"github.com/acme/inventory-sync/syncer"
)

func main() {
	baseURL := flag.String("url", "", "inventory service base URL")
	catalogue := flag.String("catalogue", "", "catalogue JSON file (array of items)")
	prune := flag.Bool("prune", false, "delete items missing from the catalogue")
	auditPath := flag.String("audit", "audit.jsonl", "audit trail to append failures to")
	flag.Parse()
	if *baseURL == "" || *catalogue == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*baseURL, *catalogue, *auditPath, *prune); err != nil {
		log.Fatal(err)
	}
}

func run(baseURL, cataloguePath, auditPath string, prune bool) error {
	raw, err := os.ReadFile(cataloguePath)
	if err != nil {
		return err
	}
	var desired []client.Item
	if err := json.Unmarshal(raw, &desired); err != nil {
		return fmt.Errorf("%s: %w", cataloguePath, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	s := syncer.New(client.New(baseURL))
	s.Prune = prune
	s.Logf = log.Printf
	res, err := s.Sync(ctx, desired)
	if err != nil {
		return err
	}
	log.Printf("created=%d updated=%d deleted=%d unchanged=%d failed=%d",
		len(res.Created), len(res.Updated), len(res.Deleted), len(res.Unchanged), len(res.Failed))
	if len(res.Failed) == 0 {
		return nil
	}
	f, err := os.OpenFile(auditPath, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	runID := time.Now().UTC().Format("20060102T150405Z")
	if err := audit.Write(f, runID, time.Now(), res.Failed); err != nil {
		return err
	}
	return fmt.Errorf("%d item(s) failed, see %s", len(res.Failed), auditPath)
}
