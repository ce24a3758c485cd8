import { useState } from 'preact/hooks';
import { CLUSTERS, type ClusterCode, type Connection, criticalLists, gql } from '../api';
import { useLoad } from '../hooks';
import { formatNumber, type TextKey, useLang, useT } from '../i18n';
import { CodeOptions } from '../components/CodeOptions';

interface Hit {
  element: string | null;
  elementMassKgPerProduct: number | null;
  massKgPerProduct: number;
  material: { name: string; casNumber: string | null };
  component: { path: string; name: string; dismantling: { fastening?: string; toolRequired?: string; timeMinutes?: number; hazards?: string[] } | null };
  passport: { id: string; productName: string; gtin: string; cluster: ClusterCode; manufacturer: { name: string; corop: string | null } };
}

const SEARCH = `query($filter: MaterialSearchInput!, $after: String) {
  componentsContaining(first: 25, after: $after, filter: $filter) {
    pageInfo { endCursor hasNextPage }
    edges { node {
      element elementMassKgPerProduct massKgPerProduct
      material { name casNumber }
      component { path name dismantling }
      passport { id productName gtin cluster manufacturer { name corop } }
    } }
  }
}`;

type Column = { id: string; label: TextKey; value: (hit: Hit) => string | number; numeric?: boolean };

function dismantlingText(hit: Hit): string {
  const d = hit.component.dismantling;
  if (!d) return '';
  return [d.fastening, d.toolRequired, d.timeMinutes != null ? `${d.timeMinutes} min` : null, ...(d.hazards ?? [])].filter(Boolean).join(', ');
}

const COLUMNS: Column[] = [
  { id: 'product', label: 'product', value: (hit) => hit.passport.productName },
  { id: 'gtin', label: 'gtin', value: (hit) => hit.passport.gtin },
  { id: 'cluster', label: 'cluster', value: (hit) => hit.passport.cluster },
  { id: 'region', label: 'region', value: (hit) => hit.passport.manufacturer.corop ?? '' },
  { id: 'path', label: 'componentPath', value: (hit) => hit.component.path },
  { id: 'material', label: 'material', value: (hit) => hit.material.name },
  { id: 'element', label: 'element', value: (hit) => hit.element ?? hit.material.casNumber ?? '' },
  { id: 'elementMass', label: 'elementMass', value: (hit) => hit.elementMassKgPerProduct ?? 0, numeric: true },
  { id: 'materialMass', label: 'materialMass', value: (hit) => hit.massKgPerProduct, numeric: true },
  { id: 'dismantling', label: 'dismantling', value: dismantlingText },
];

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote every text cell; a leading = + - @ is neutralised so a spreadsheet does not run it as a formula.
  return typeof value === 'number' ? text : `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

/** The recycler's search: components holding an element, CAS number or critical list, as a sortable table with CSV. */
export function SearchView() {
  const t = useT();
  const lang = useLang();
  const lists = useLoad(criticalLists, []);
  const [form, setForm] = useState({ by: 'element', value: 'Sb', criticalList: '', cluster: '', corop: '', minMassKg: '' });
  const [query, setQuery] = useState<Record<string, unknown> | null>(null);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [sort, setSort] = useState<{ column: string; descending: boolean } | null>(null);
  const after = cursors[cursors.length - 1];
  const result = useLoad(async () => {
    if (!query) return null;
    return (await gql<{ componentsContaining: Connection<Hit> }>(SEARCH, { filter: query, after })).componentsContaining;
  }, [query, after]);
  const hits = (result.data?.edges ?? []).map((edge) => edge.node);
  const column = COLUMNS.find((c) => c.id === sort?.column);
  const sorted = column
    ? [...hits].sort((a, b) => {
        const [x, y] = [column.value(a), column.value(b)];
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), lang);
        return sort!.descending ? -order : order;
      })
    : hits;
  const update = (field: keyof typeof form) => (event: { currentTarget: { value: string } }) => setForm({ ...form, [field]: event.currentTarget.value });
  const submit = (event: Event) => {
    event.preventDefault();
    const filter: Record<string, unknown> = { cluster: form.cluster || null, corop: form.corop.trim() || null };
    if (form.minMassKg.trim()) filter.minMassKg = Number(form.minMassKg.replace(',', '.'));
    if (form.by === 'element') filter.element = form.value.trim();
    else if (form.by === 'casNumber') filter.casNumber = form.value.trim();
    else filter.criticalList = form.criticalList || lists.data?.[0]?.id;
    setCursors([null]);
    setQuery(filter);
  };
  const download = () => {
    const lines = [COLUMNS.map((c) => csvCell(t(c.label))).join(','), ...sorted.map((hit) => COLUMNS.map((c) => csvCell(c.value(hit))).join(','))];
    const url = URL.createObjectURL(new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'components.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <>
      <h1>{t('navSearch')}</h1>
      <form class="search" onSubmit={submit} aria-labelledby="search-heading">
        <h2 id="search-heading">{t('searchTitle')}</h2>
        <div class="row">
          <label class="field">
            <span>{t('searchBy')}</span>
            <select id="search-by" value={form.by} onChange={update('by')}>
              <option value="element">{t('element')}</option>
              <option value="casNumber">{t('casNumber')}</option>
              <option value="criticalList">{t('criticalList')}</option>
            </select>
          </label>
          {form.by === 'criticalList' ? (
            <label class="field">
              <span>{t('criticalList')}</span>
              <select id="search-list" value={form.criticalList} onChange={update('criticalList')}>
                {(lists.data ?? []).map((list) => (
                  <option key={list.id} value={list.id}>
                    {list.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label class="field">
              <span>{form.by === 'element' ? t('element') : t('casNumber')}</span>
              <input id="search-value" value={form.value} onInput={update('value')} required />
            </label>
          )}
          <label class="field">
            <span>{t('cluster')}</span>
            <select id="search-cluster" value={form.cluster} onChange={update('cluster')}>
              <CodeOptions codes={CLUSTERS} withAll />
            </select>
          </label>
          <label class="field">
            <span>{t('region')}</span>
            <input id="search-region" value={form.corop} onInput={update('corop')} placeholder="CR17" pattern="CR[0-9]{2}" />
          </label>
          <label class="field">
            <span>{t('minMass')}</span>
            <input id="search-min-mass" inputMode="decimal" value={form.minMassKg} onInput={update('minMassKg')} />
          </label>
        </div>
        <button type="submit" id="search-submit">
          {t('search')}
        </button>
      </form>
      {result.error && (
        <p role="alert" class="error">
          {result.error}
        </p>
      )}
      {result.data && (
        <section aria-labelledby="hits-heading">
          <h2 id="hits-heading">
            {hits.length} {t('hits')}
          </h2>
          {hits.length === 0 ? (
            <p>{t('noHits')}</p>
          ) : (
            <div class="table-scroll">
              <table id="search-results">
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th
                        key={c.id}
                        scope="col"
                        class={c.numeric ? 'num' : undefined}
                        aria-sort={sort?.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                      >
                        <button
                          type="button"
                          class="sort"
                          data-column={c.id}
                          onClick={() => setSort({ column: c.id, descending: sort?.column === c.id ? !sort.descending : !!c.numeric })}
                        >
                          {t(c.label)}
                          <span aria-hidden="true">{sort?.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((hit, index) => (
                    <tr key={index} data-passport={hit.passport.id}>
                      {COLUMNS.map((c) => {
                        const value = c.value(hit);
                        return c.numeric ? (
                          <td key={c.id} class="num" data-value={value}>
                            {formatNumber(Number(value), lang)}
                          </td>
                        ) : (
                          <td key={c.id}>{c.id === 'cluster' ? t(value as ClusterCode) : value}</td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p class="pager">
            {cursors.length > 1 && (
              <button type="button" class="secondary" onClick={() => setCursors([null])}>
                {t('first')}
              </button>
            )}
            {result.data.pageInfo.hasNextPage && (
              <button type="button" class="secondary" onClick={() => setCursors([...cursors, result.data!.pageInfo.endCursor])}>
                {t('next')}
              </button>
            )}
            {hits.length > 0 && (
              <button type="button" id="download-csv" onClick={download}>
                {t('downloadCsv')}
              </button>
            )}
          </p>
        </section>
      )}
    </>
  );
}
