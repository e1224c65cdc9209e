export type TaxCategory = 'general' | 'food' | 'books' | 'gift_card';

interface CountryRates {
  standard: number;
  reduced: number;
}

const RATES: Record<string, CountryRates> = {
  NL: { standard: 0.21, reduced: 0.09 },
  DE: { standard: 0.19, reduced: 0.07 },
  BE: { standard: 0.21, reduced: 0.06 },
  FR: { standard: 0.2, reduced: 0.055 },
};

export const SELLER_COUNTRY = 'NL';

export function ratesFor(country: string): CountryRates {
  const rates = RATES[country];
  if (!rates) throw new Error(`no VAT rates for country ${country}`);
  return rates;
}

/** Rate for one product category. Gift cards are not taxed at sale (VAT is due on redemption). */
export function categoryRate(country: string, category: TaxCategory): number {
  const rates = ratesFor(country);
  switch (category) {
    case 'general':
      return rates.standard;
    case 'food':
    case 'books':
      return rates.reduced;
    case 'gift_card':
      return 0;
  }
}

export function isEu(country: string): boolean {
  return country in RATES;
}
