/** Reference value of one element recovered from a product, and the share of it a recycler typically recovers. */
export interface ElementPrice {
  /** Currency units per kg of contained element. */
  pricePerKg: number;
  /** Share (0..1) of the element's mass recovered as secondary raw material when the material states no efficiency. */
  recoveryRate: number;
}

/** A versioned price table. A table is never changed once shipped: new prices come as a new table with a new id. */
export interface PriceTable {
  id: string;
  /** ISO 4217. */
  currency: string;
  /** YYYY-MM-DD from which the table applies. */
  date: string;
  source: string;
  prices: Readonly<Record<string, ElementPrice>>;
}
