"""Campaign rules owned by the marketing team (deployed separately; shares this repo for the catalogue)."""
