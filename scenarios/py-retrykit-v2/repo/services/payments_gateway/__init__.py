"""Client for the card processor, and the merchant webhook dispatcher."""
