import { useState } from 'preact/hooks';
import { CLUSTERS, type ClusterCode, type Connection, gql, type PassportStatus, STATUSES } from '../api';
import { useApiKey, useLoad } from '../hooks';
import { useT } from '../i18n';
import { ImportPanel } from './ImportPanel';
import { emptyPassport, loadPassport, type PassportDoc, PassportEditor } from './PassportEditor';
import { CodeOptions } from '../components/CodeOptions';

interface Row {
  id: string;
  gtin: string;
  productName: string;
  cluster: ClusterCode;
  status: PassportStatus;
  revision: number;
  updatedAt: string;
}

const PAGE = 10;

const LIST = `query($filter: PassportFilter, $after: String) {
  passports(first: ${PAGE}, after: $after, filter: $filter) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { node { id gtin productName cluster status revision updatedAt } }
  }
}`;

interface Viewer {
  organization: { id: string; name: string; kind: string } | null;
  role: string | null;
}

/** Who the key belongs to (`viewer`): the list holds that organization's passports alone. */
function viewerOfKey(): Promise<Viewer> {
  return gql<{ viewer: Viewer }>('{ viewer { organization { id name kind } role } }').then((d) => d.viewer);
}

/** The manufacturer's workspace: its passports (filter, paging), the passport form and file imports. */
export function WorkspaceView() {
  const t = useT();
  const key = useApiKey();
  const [status, setStatus] = useState<PassportStatus | ''>('');
  const [cluster, setCluster] = useState<ClusterCode | ''>('');
  const [gtin, setGtin] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [editing, setEditing] = useState<PassportDoc | null>(null);
  const [version, setVersion] = useState(0);
  const [openError, setOpenError] = useState<string | null>(null);
  const after = cursors[cursors.length - 1];
  const viewer = useLoad(async () => (key ? { key, ...(await viewerOfKey()) } : null), [key]);
  // Until the viewer of this key is known (not the previous key's), nothing is listed.
  const known = viewer.data?.key === key ? viewer.data : null;
  const organization = known?.organization ?? null;
  const list = useLoad(async () => {
    if (!key || !known) return null;
    // The platform administrator's key has no organization: it lists every manufacturer's passports.
    const filter = { status: status || null, cluster: cluster || null, gtin: gtin.trim() || null, manufacturerId: organization?.id ?? null };
    return (await gql<{ passports: Connection<Row> }>(LIST, { filter, after })).passports;
  }, [key, known, status, cluster, gtin, after, version]);
  if (!key) {
    return (
      <>
        <h1>{t('navWorkspace')}</h1>
        <p class="note">{t('needManufacturerKey')}</p>
      </>
    );
  }
  const reset = () => setCursors([null]);
  // A passport whose composition this key may not read cannot be edited here.
  const open = async (id: string) => {
    setOpenError(null);
    try {
      const passport = await loadPassport(id);
      if (passport.composition) setEditing(passport);
      else setOpenError(t('notYours'));
    } catch (error) {
      setOpenError((error as Error).message);
    }
  };
  const saved = () => setVersion(version + 1);
  return (
    <>
      <h1>{t('navWorkspace')}</h1>
      {editing ? (
        <PassportEditor key={editing.id ?? 'new'} initial={editing} onClose={() => setEditing(null)} onSaved={saved} />
      ) : (
        <>
          <section aria-labelledby="list-heading">
            <h2 id="list-heading">{t('yourPassports')}</h2>
            {organization && (
              <p class="note" id="workspace-organization">
                {t('passportsOf')} <strong>{organization.name}</strong>
              </p>
            )}
            {organization && organization.kind !== 'MANUFACTURER' && organization.kind !== 'SERVICE_PROVIDER' && (
              <p class="message" id="not-a-manufacturer">
                {t('notManufacturerKey')}
              </p>
            )}
            {viewer.error && (
              <p role="alert" class="error">
                {viewer.error}
              </p>
            )}
            <div class="controls">
              <label>
                {t('status')}
                <select id="list-status" value={status} onChange={(event) => (setStatus(event.currentTarget.value as PassportStatus | ''), reset())}>
                  <CodeOptions codes={STATUSES} withAll />
                </select>
              </label>
              <label>
                {t('cluster')}
                <select id="list-cluster" value={cluster} onChange={(event) => (setCluster(event.currentTarget.value as ClusterCode | ''), reset())}>
                  <CodeOptions codes={CLUSTERS} withAll />
                </select>
              </label>
              <label>
                {t('gtin')}
                <input id="list-gtin" type="search" value={gtin} onChange={(event) => (setGtin(event.currentTarget.value), reset())} />
              </label>
              <button type="button" id="new-passport" onClick={() => setEditing(emptyPassport())}>
                {t('newPassport')}
              </button>
            </div>
            {openError && (
              <p role="alert" class="error" id="open-error">
                {openError}
              </p>
            )}
            {list.error && (
              <p role="alert" class="error">
                {list.error}
              </p>
            )}
            <table id="passport-list" aria-busy={viewer.loading || list.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('productName')}</th>
                  <th scope="col">{t('gtin')}</th>
                  <th scope="col">{t('cluster')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col" class="num">
                    {t('revision')}
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">{t('open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data?.edges.map(({ node }) => (
                  <tr key={node.id} data-id={node.id}>
                    <th scope="row">{node.productName}</th>
                    <td>{node.gtin}</td>
                    <td>{t(node.cluster)}</td>
                    <td>{t(node.status)}</td>
                    <td class="num">{node.revision}</td>
                    <td>
                      <button type="button" class="secondary" onClick={() => open(node.id)}>
                        {t('open')}
                        <span class="visually-hidden">: {node.productName}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="pager">
              {list.data && (
                <span>
                  {list.data.totalCount} {t('total')}
                </span>
              )}
              {cursors.length > 1 && (
                <button type="button" class="secondary" onClick={reset}>
                  {t('first')}
                </button>
              )}
              {list.data?.pageInfo.hasNextPage && (
                <button type="button" class="secondary" onClick={() => setCursors([...cursors, list.data!.pageInfo.endCursor])}>
                  {t('next')}
                </button>
              )}
            </p>
          </section>
          <ImportPanel onDone={() => setVersion(version + 1)} />
        </>
      )}
    </>
  );
}
