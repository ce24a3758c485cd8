import { useState } from 'preact/hooks';
import { CLUSTERS, type ClusterCode, criticalLists, gql } from '../api';
import { CoropMap, loadRegions } from '../components/CoropMap';
import { useApiKey, useLoad } from '../hooks';
import { formatNumber, useLang, useT } from '../i18n';
import { FactSheet } from './FactSheet';
import { CodeOptions } from '../components/CodeOptions';

interface InventoryRow {
  group: string;
  element: string;
  totalMassKg: number;
  passportCount: number;
  productCount: number;
}

/** Which region a product counts in: its manufacturer's, or the one of its last INSTALLED lifecycle event. */
export const REGION_BASES = ['COROP', 'INSTALLED_COROP'] as const;
export type RegionBasis = (typeof REGION_BASES)[number];

const INVENTORY = `query($groupBy: InventoryGroupBy!, $cluster: ClusterCode, $elements: [String!], $criticalList: String) {
  materialInventory(groupBy: $groupBy, cluster: $cluster, elements: $elements, criticalList: $criticalList) {
    group element totalMassKg passportCount productCount
  }
}`;

/** Mass per region: the inventory's rows (one per region and element) summed per region. */
function perRegion(rows: InventoryRow[]): Map<string, { mass: number; passports: number; elements: string[] }> {
  const totals = new Map<string, { mass: number; passports: number; elements: string[] }>();
  for (const row of rows) {
    const total = totals.get(row.group) ?? { mass: 0, passports: 0, elements: [] };
    total.mass += row.totalMassKg;
    total.passports = Math.max(total.passports, row.passportCount);
    total.elements.push(row.element);
    totals.set(row.group, total);
  }
  return totals;
}

/** The programme's view: the COROP map of a chosen element or critical list in a chosen cluster, and the fact sheets. */
export function ProgrammeView() {
  const t = useT();
  const lang = useLang();
  const key = useApiKey();
  const [cluster, setCluster] = useState<ClusterCode | ''>('');
  const [measure, setMeasure] = useState('');
  const [basis, setBasis] = useState<RegionBasis>('COROP');
  const regions = useLoad(loadRegions, []);
  const lists = useLoad(criticalLists, []);
  const elements = useLoad(() => gql<{ elements: { symbol: string; name: string }[] }>('{ elements { symbol name } }').then((d) => d.elements), []);
  const chosen = measure || (lists.data?.[0] ? `list:${lists.data[0].id}` : '');
  const inventory = useLoad(async () => {
    if (!chosen || !key) return [];
    const [kind, id] = chosen.split(':');
    const variables = { groupBy: basis, cluster: cluster || null, ...(kind === 'list' ? { criticalList: id } : { elements: [id] }) };
    return (await gql<{ materialInventory: InventoryRow[] }>(INVENTORY, variables)).materialInventory;
    // The rows answer for the basis asked; kept with them so the map never colours one basis under the other's title.
  }, [chosen, cluster, key, basis]);
  const totals = perRegion(inventory.data ?? []);
  const names = new Map((regions.data ?? []).map((region) => [region.properties.statcode, region.properties.statnaam]));
  // Only regions on the map colour it: "(unknown)" and "(not installed)" stay in the table and out of the colour scale.
  const values = new Map([...totals].filter(([code]) => names.has(code)).map(([code, total]) => [code, total.mass]));
  const rows = [...totals].sort((a, b) => b[1].mass - a[1].mass);
  const measureLabel = chosen.startsWith('list:') ? (lists.data?.find((list) => `list:${list.id}` === chosen)?.name ?? chosen) : chosen.replace('el:', '');
  return (
    <>
      <h1>{t('navMap')}</h1>
      <section aria-labelledby="map-heading" class="map-section">
        <h2 id="map-heading">{t(`mapTitle${basis}`)}</h2>
        <div class="controls">
          <label>
            {t('cluster')}
            <select id="map-cluster" value={cluster} onChange={(event) => setCluster(event.currentTarget.value as ClusterCode | '')}>
              <CodeOptions codes={CLUSTERS} withAll />
            </select>
          </label>
          <label>
            {t('regionBasis')}
            <select id="map-basis" value={basis} onChange={(event) => setBasis(event.currentTarget.value as RegionBasis)}>
              {REGION_BASES.map((code) => (
                <option value={code} key={code}>
                  {t(`basis${code}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('measure')}
            <select id="map-measure" value={chosen} onChange={(event) => setMeasure(event.currentTarget.value)}>
              <optgroup label={t('criticalList')}>
                {(lists.data ?? []).map((list) => (
                  <option value={`list:${list.id}`} key={list.id}>
                    {list.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('element')}>
                {(elements.data ?? []).map((element) => (
                  <option value={`el:${element.symbol}`} key={element.symbol}>
                    {element.symbol} – {element.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
        </div>
        <p class="note" id="map-note">
          {t(`mapNote${basis}`)}
        </p>
        {!key && (
          <p class="message" id="map-needs-key">
            {t('mapNeedsKey')}
          </p>
        )}
        {(regions.error || inventory.error) && (
          <p role="alert" class="error">
            {regions.error ?? inventory.error}
          </p>
        )}
        <div class="map-and-table" aria-busy={inventory.loading}>
          {regions.data && (
            <CoropMap regions={regions.data} values={values} title={`${t(`mapTitle${basis}`)}: ${measureLabel}`} legendTitle={t(`legend${basis}`)} />
          )}
          <table id="map-table">
            <caption>
              {t('tableTitle')}: {measureLabel}, {t(`basis${basis}`).toLowerCase()}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(`region${basis}`)}</th>
                <th scope="col" class="num">
                  {t('mass')}
                </th>
                <th scope="col" class="num">
                  {t('passports')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([code, total]) => (
                <tr key={code} data-code={code}>
                  <th scope="row">
                    {code === '(unknown)' ? t('unknownRegion') : code === '(not installed)' ? t('notInstalled') : `${names.get(code) ?? code} (${code})`}
                  </th>
                  <td class="num" data-mass={total.mass}>
                    {formatNumber(total.mass, lang)}
                  </td>
                  <td class="num">{total.passports}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <FactSheet />
    </>
  );
}
