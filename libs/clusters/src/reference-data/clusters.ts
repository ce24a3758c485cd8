import type { ClusterCode } from '@registry/prisma-client';

export interface ClusterData {
  code: ClusterCode;
  name: string;
  description: string;
  strategies: string[];
}

/** The five product clusters of the Dutch programme for a circular manufacturing industry, with its strategies. */
export const CLUSTERS: readonly ClusterData[] = [
  {
    code: 'WIND_PARK',
    name: 'Circular wind parks',
    description: 'A circular system transition for wind parks, from tender criteria to decommissioning.',
    strategies: ['tender criteria', 'lifetime extension', 'decommissioning', 'high-grade recycling'],
  },
  {
    code: 'SOLAR_PV',
    name: 'Circular solar panels',
    description: 'Re-powering, refurbishment and scaling up of circular solar panels and their high-grade recycling.',
    strategies: ['re-powering', 'refurbishment', 'high-grade recycling'],
  },
  {
    code: 'BATTERY',
    name: 'Batteries',
    description: 'Reuse and repair of batteries such as e-bike batteries, supported by chain cooperation.',
    strategies: ['reuse', 'repair', 'chain cooperation'],
  },
  {
    code: 'HEAT_AS_A_SERVICE',
    name: 'Heat as a service',
    description: 'Circular system design and propositions for lifetime extension and refurbishment of heat systems.',
    strategies: ['lifetime extension', 'refurbishment', 'circular system design'],
  },
  {
    code: 'HIGH_TECH_EQUIPMENT',
    name: 'High-tech equipment',
    description: 'Value retention in high-tech equipment, with the material passport and a standardised economic reuse value.',
    strategies: ['value retention', 'material passport', 'standardised reuse value'],
  },
];
