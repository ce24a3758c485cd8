import { useState } from 'preact/hooks';
import { CLUSTERS, type ClusterCode, gql, type PassportStatus } from '../api';
import { BarChart } from '../components/BarChart';
import { useApiKey, useLoad } from '../hooks';
import { formatNumber, useLang, useT } from '../i18n';
import { CodeOptions } from '../components/CodeOptions';

interface Summary {
  cluster: ClusterCode;
  averageMci: number | null;
  passportsWithMci: number;
  productUnits: number;
  totalMassKg: number;
  passportsByStatus: { status: PassportStatus; count: number }[];
  criticalMaterials: { element: string; elementName: string; massKg: number; lists: string[] }[] | null;
  totalReuseValue: { amount: number; currency: string; passportCount: number } | null;
}

const SUMMARY = `query($cluster: ClusterCode!) { clusterSummary(cluster: $cluster) {
  cluster averageMci passportsWithMci productUnits totalMassKg passportsByStatus { status count }
} }`;
const TIERED = `query($cluster: ClusterCode!) { clusterSummary(cluster: $cluster) {
  criticalMaterials { element elementName massKg lists } totalReuseValue { amount currency passportCount }
} }`;

/** A cluster's fact sheet (clusterSummary): passports by status, product mass, critical materials, MCI, reuse value. */
export function FactSheet() {
  const t = useT();
  const lang = useLang();
  const key = useApiKey();
  const [cluster, setCluster] = useState<ClusterCode>('HIGH_TECH_EQUIPMENT');
  const summary = useLoad(async () => (await gql<{ clusterSummary: Summary }>(SUMMARY, { cluster })).clusterSummary, [cluster, key]);
  // Critical materials and reuse value need a RECYCLER or AUDITOR key: asked for apart, so other keys still see the rest.
  const tiered = useLoad(async () => {
    if (!key) return null;
    return (
      (await gql<{ clusterSummary: Pick<Summary, 'criticalMaterials' | 'totalReuseValue'> }>(TIERED, { cluster }).catch(() => null))?.clusterSummary ?? null
    );
  }, [cluster, key]);
  const data = summary.data && {
    ...summary.data,
    criticalMaterials: tiered.data?.criticalMaterials ?? null,
    totalReuseValue: tiered.data?.totalReuseValue ?? null,
  };
  return (
    <section aria-labelledby="fact-heading" class="fact-sheet">
      <h2 id="fact-heading">
        {t('factSheet')}: {t(cluster)}
      </h2>
      <label>
        {t('cluster')}
        <select id="fact-cluster" value={cluster} onChange={(event) => setCluster(event.currentTarget.value as ClusterCode)}>
          <CodeOptions codes={CLUSTERS} />
        </select>
      </label>
      {summary.error && (
        <p role="alert" class="error">
          {summary.error}
        </p>
      )}
      {data && (
        <div class="fact-grid">
          <dl class="figures">
            <div>
              <dt>{t('productMass')}</dt>
              <dd id="fact-mass">{formatNumber(data.totalMassKg, lang)} kg</dd>
            </div>
            <div>
              <dt>{t('productUnits')}</dt>
              <dd>{formatNumber(data.productUnits, lang)}</dd>
            </div>
            <div>
              <dt>{t('averageMci')}</dt>
              <dd>{data.averageMci == null ? '–' : `${formatNumber(data.averageMci, lang)} (${data.passportsWithMci} ${t('passports').toLowerCase()})`}</dd>
            </div>
            <div>
              <dt>{t('reuseValue')}</dt>
              <dd>
                {data.totalReuseValue
                  ? new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: data.totalReuseValue.currency }).format(
                      data.totalReuseValue.amount,
                    )
                  : `– (${t('needsKey')})`}
              </dd>
            </div>
          </dl>
          <BarChart
            id="chart-status"
            title={t('byStatus')}
            bars={data.passportsByStatus.map((row) => ({ label: t(row.status), value: row.count, text: String(row.count) }))}
          />
          {data.criticalMaterials ? (
            <BarChart
              id="chart-critical"
              title={`${t('criticalMaterials')} (kg)`}
              bars={data.criticalMaterials
                .slice(0, 12)
                .map((row) => ({ label: `${row.elementName} (${row.element})`, value: row.massKg, text: formatNumber(row.massKg, lang) }))}
            />
          ) : (
            <p class="note">
              {t('criticalMaterials')}: {t('needsKey')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
