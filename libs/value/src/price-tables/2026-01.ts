import type { ElementPrice, PriceTable } from './price-table';

// Recovery rates when a material declares no recyclingEfficiencyPct, by how established the recycling route is:
/** Co, Cu, Ni, Pb: the 2027 material recovery targets of Regulation (EU) 2023/1542, Annex XII Part C; the other base
 * metals recovered in established smelting and scrap routes (steel, aluminium, zinc, tin, stainless steel) alike. */
const ESTABLISHED = 0.9;
/** Precious metals: refined from electronics scrap and catalysts with small losses. */
const PRECIOUS = 0.95;
/** Li: the 2027 lithium recovery target of Regulation (EU) 2023/1542, Annex XII Part C. Also used for the elements
 * whose recycling routes are emerging or that are mostly lost as alloying elements (rare earths, Mn, Mg, Ti, Si, ...). */
const EMERGING = 0.5;

const price = (pricePerKg: number, recoveryRate: number): ElementPrice => ({ pricePerKg, recoveryRate });

/**
 * Registry reference prices, January 2026, in EUR per kg of contained element. Indicative values for recovered
 * (secondary) material, rounded from public price levels of 2025; elements not listed have no reference price.
 */
export const PRICE_TABLE_2026_01: PriceTable = {
  id: 'REGISTRY-REF-2026-01',
  currency: 'EUR',
  date: '2026-01-01',
  source:
    'Circular material passport registry reference prices 2026-01: indicative EUR per kg of contained element for ' +
    'recovered material, rounded from public 2025 price levels of the metals (exchange settlement prices and trade ' +
    'press); recovery rates from the 2027 targets of Regulation (EU) 2023/1542 Annex XII Part C where it sets one. ' +
    'Reference values for comparing passports, not market quotations.',
  prices: {
    // Base metals
    Fe: price(0.3, ESTABLISHED),
    Al: price(1.8, ESTABLISHED),
    Cu: price(7.5, ESTABLISHED),
    Ni: price(12, ESTABLISHED),
    Co: price(25, ESTABLISHED),
    Zn: price(2.2, ESTABLISHED),
    Pb: price(1.7, ESTABLISHED),
    Sn: price(25, ESTABLISHED),
    Cr: price(7, ESTABLISHED),
    Mo: price(35, ESTABLISHED),
    // Battery, alloying and other technology metals
    Li: price(40, EMERGING),
    Mn: price(1.5, EMERGING),
    Mg: price(2, EMERGING),
    Ti: price(4, EMERGING),
    V: price(20, EMERGING),
    W: price(30, EMERGING),
    Nb: price(40, EMERGING),
    Ta: price(200, EMERGING),
    Si: price(1.5, EMERGING),
    Sb: price(35, EMERGING),
    Ga: price(400, EMERGING),
    Ge: price(1500, EMERGING),
    In: price(300, EMERGING),
    B: price(3, EMERGING),
    P: price(2, EMERGING),
    C: price(0.5, EMERGING),
    // Rare earths of permanent magnets
    Nd: price(60, EMERGING),
    Pr: price(60, EMERGING),
    Dy: price(250, EMERGING),
    Tb: price(800, EMERGING),
    // Precious metals
    Ag: price(1000, PRECIOUS),
    Au: price(95000, PRECIOUS),
    Pd: price(30000, PRECIOUS),
    Pt: price(34000, PRECIOUS),
    Rh: price(140000, PRECIOUS),
  },
};
