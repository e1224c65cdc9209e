// Every feature flag checkout-pricing reads, with the default used when the flag service has no value.
// Flags are removed from here once fully rolled out (see README "Flag lifecycle").

export interface FlagDefinition {
  owner: string;
  description: string;
  default: boolean;
  /** Date (UTC) from which the flag was on for 100% of traffic. */
  rolledOutAt?: string;
}

export const FLAGS = {
  'checkout.taxEngineV2': {
    owner: 'checkout-pricing',
    description: 'Per-line tax with reduced rates by product category, replacing the single-rate engine.',
    default: true,
    rolledOutAt: '2024-03-04',
  },
  'checkout.euOssVat': {
    owner: 'checkout-pricing',
    description: 'EU one-stop-shop VAT: charge the destination country rate for cross-border EU orders.',
    default: false,
  },
  'checkout.expressShipping': {
    owner: 'logistics',
    description: 'Offer the express shipping option in the quote.',
    default: false,
  },
} as const satisfies Record<string, FlagDefinition>;

export type FlagName = keyof typeof FLAGS;
