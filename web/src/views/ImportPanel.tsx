import { useState } from 'preact/hooks';
import { authHeaders, gql } from '../api';
import { useT } from '../i18n';

interface Run {
  id: string;
  status: string;
  progress: number;
  totalRows: number;
  error: string | null;
  counts: Record<string, number>;
}

interface FailedRow {
  rowRef: string;
  violations: { path: string; message: string }[];
}

const TYPES: Record<string, string> = {
  ndjson: 'application/x-ndjson',
  jsonl: 'application/x-ndjson',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Uploads with progress (XMLHttpRequest reports upload progress; fetch does not). */
function upload(file: File, query: string, onProgress: (share: number) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/imports?${query}`);
    for (const [name, value] of Object.entries(authHeaders())) request.setRequestHeader(name, value);
    request.setRequestHeader('content-type', TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? file.type);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      const body = JSON.parse(request.responseText || '{}');
      if (request.status === 202) resolve(body as Run);
      else reject(new Error(body.errors?.[0]?.message ?? body.message ?? `HTTP ${request.status}`));
    };
    request.onerror = () => reject(new Error('network error'));
    request.send(file);
  });
}

/** A file import through POST /imports, followed until it ends, with the rows that failed and why. */
export function ImportPanel({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState('CREATE');
  const [dryRun, setDryRun] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [failed, setFailed] = useState<FailedRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  const follow = async (id: string) => {
    for (;;) {
      const response = await fetch(`/imports/${id}`, { headers: authHeaders() });
      const current = (await response.json()) as Run;
      setRun(current);
      if (!['RECEIVING', 'QUEUED', 'RUNNING'].includes(current.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    const rows = await gql<{ importRun: { rows: { edges: { node: FailedRow }[] } } }>(
      'query($id: ID!) { importRun(id: $id) { rows(first: 20, outcome: FAILED) { edges { node { rowRef violations { path message } } } } } }',
      { id },
    );
    setFailed(rows.importRun.rows.edges.map((edge) => edge.node));
    onDone();
  };

  return (
    <form
      class="import"
      aria-labelledby="import-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!file) return;
        setError(null);
        setRun(null);
        setFailed([]);
        try {
          const started = await upload(file, `mode=${mode}&dryRun=${dryRun}`, setSent);
          setRun(started);
          await follow(started.id);
        } catch (failure) {
          setError((failure as Error).message);
        }
      }}
    >
      <h2 id="import-heading">{t('importTitle')}</h2>
      <p class="note">{t('importHint')}</p>
      <div class="row">
        <label class="field">
          <span>{t('importFile')}</span>
          <input id="import-file" type="file" accept=".ndjson,.jsonl,.csv,.xlsx" onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
        </label>
        <label class="field">
          <span>{t('importMode')}</span>
          <select id="import-mode" value={mode} onChange={(event) => setMode(event.currentTarget.value)}>
            <option value="CREATE">CREATE</option>
            <option value="UPSERT">UPSERT</option>
          </select>
        </label>
        <label class="check">
          <input id="import-dry-run" type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.currentTarget.checked)} /> {t('dryRun')}
        </label>
      </div>
      <button type="submit" disabled={!file}>
        {t('startImport')}
      </button>
      {sent != null && !run && (
        <p>
          <label>
            {t('uploading')} <progress max={1} value={sent} />
          </label>
        </p>
      )}
      {run && (
        <div role="status" id="import-status">
          <label>
            {t('progress')} <progress max={1} value={run.progress} /> {Math.round(run.progress * 100)} %
          </label>
          <p>
            {run.status} ·{' '}
            {Object.entries(run.counts ?? {})
              .map(([name, count]) => `${name} ${count}`)
              .join(' · ')}
          </p>
          {run.error && <p class="error">{run.error}</p>}
        </div>
      )}
      {failed.length > 0 && (
        <ul class="failed-rows">
          {failed.map((row) => (
            <li key={row.rowRef}>
              {row.rowRef}: {row.violations.map((violation) => `${violation.path} ${violation.message}`).join('; ')}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
