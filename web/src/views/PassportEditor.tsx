import { useEffect, useState } from 'preact/hooks';
import { ApiError, authHeaders, CLUSTERS, type ClusterCode, gql, type PassportStatus, type Violation } from '../api';
import { cleaned, type CompositionDoc, fieldId, newComposition } from '../composition';
import { type Errors, SelectField, TextField } from '../components/Fields';
import { useT } from '../i18n';
import { CompositionFields } from './CompositionFields';

export interface PassportDoc {
  id?: string;
  revision?: number;
  status?: PassportStatus;
  manufacturerId?: string;
  gtin: string;
  productName: string;
  cluster: ClusterCode;
  granularity: 'ITEM' | 'BATCH' | 'MODEL';
  serialNumber?: string | null;
  batchNumber?: string | null;
  composition: CompositionDoc;
}

const FIELDS = 'id revision status manufacturerId gtin productName cluster granularity serialNumber batchNumber composition';

export function emptyPassport(): PassportDoc {
  return { gtin: '', productName: '', cluster: 'HIGH_TECH_EQUIPMENT', granularity: 'MODEL', composition: newComposition() };
}

export async function loadPassport(id: string): Promise<PassportDoc> {
  return (await gql<{ passport: PassportDoc }>(`query($id: ID!) { passport(id: $id) { ${FIELDS} } }`, { id })).passport;
}

function errorsOf(violations: Violation[]): Errors {
  const errors: Errors = new Map();
  for (const violation of violations) errors.set(violation.path, [...(errors.get(violation.path) ?? []), violation.message]);
  return errors;
}

type Message = { kind: 'ok' | 'error' | 'conflict'; text: string; violations?: Violation[] };

/** The QR code of the passport, fetched with the key (a draft's code is its owner's), shown as a printable label. */
function QrLabel({ passport }: { passport: PassportDoc }) {
  const t = useT();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    fetch(`/passports/${passport.id}/qr.svg`, { headers: authHeaders() })
      .then((response) => (response.ok ? response.blob() : null))
      .then((blob) => blob && setSrc((url = URL.createObjectURL(blob))));
    return () => url && URL.revokeObjectURL(url);
  }, [passport.id, passport.status]);
  return (
    <section class="qr-label" aria-labelledby="qr-heading">
      <h3 id="qr-heading">{t('qrLabel')}</h3>
      <div class="label" id="qr-label">
        {src && <img src={src} alt={`QR code: ${passport.productName}`} width={160} height={160} />}
        <p>
          <strong>{passport.productName}</strong>
          <br />
          GTIN {passport.gtin}
          {passport.serialNumber && (
            <>
              <br />
              {t('serialNumber')} {passport.serialNumber}
            </>
          )}
        </p>
      </div>
      {passport.status !== 'PUBLISHED' && <p class="note">{t('qrOnlyPublished')}</p>}
      <button
        type="button"
        onClick={() => {
          document.body.classList.add('print-label');
          window.print();
          document.body.classList.remove('print-label');
        }}
      >
        {t('printLabel')}
      </button>
    </section>
  );
}

/** The passport form: identity, the composition tree, and publish, archive and revise with their answers. */
export function PassportEditor({ initial, onClose, onSaved }: { initial: PassportDoc; onClose: () => void; onSaved: (passport: PassportDoc) => void }) {
  const t = useT();
  const [passport, setPassport] = useState<PassportDoc>(initial);
  const [errors, setErrors] = useState<Errors>(new Map());
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = !passport.id;
  const set = (field: keyof PassportDoc) => (value: unknown) => setPassport({ ...passport, [field]: value });

  const run = async (action: () => Promise<PassportDoc>, done: string) => {
    setBusy(true);
    try {
      const saved = await action();
      setPassport(saved);
      setErrors(new Map());
      setMessage({ kind: 'ok', text: done === 'saved' ? `${t('saved')} ${saved.revision}.` : t(done === 'published' ? 'published' : 'archived') });
      onSaved(saved);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(String(error), undefined);
      setErrors(errorsOf(apiError.violations));
      if (apiError.code === 'CONFLICT' && !isNew) setMessage({ kind: 'conflict', text: `${t('conflict')} (${apiError.message})` });
      else setMessage({ kind: 'error', text: apiError.violations.length ? t('invalid') : apiError.message, violations: apiError.violations });
      if (apiError.violations[0]) setTimeout(() => document.getElementById(fieldId(apiError.violations[0].path))?.focus());
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const composition = cleaned(passport.composition);
      if (isNew) {
        const input = {
          gtin: passport.gtin,
          productName: passport.productName,
          cluster: passport.cluster,
          granularity: passport.granularity,
          serialNumber: passport.granularity === 'ITEM' ? passport.serialNumber || null : null,
          batchNumber: passport.granularity === 'BATCH' ? passport.batchNumber || null : null,
          composition,
        };
        return (
          await gql<{ registerPassport: PassportDoc }>(`mutation($i: RegisterPassportInput!) { registerPassport(input: $i) { ${FIELDS} } }`, { i: input })
        ).registerPassport;
      }
      const input = { passportId: passport.id, expectedRevision: passport.revision, productName: passport.productName, composition };
      return (await gql<{ revisePassport: PassportDoc }>(`mutation($i: RevisePassportInput!) { revisePassport(input: $i) { ${FIELDS} } }`, { i: input }))
        .revisePassport;
    }, 'saved');
  const transition = (mutation: 'publishPassport' | 'archivePassport') =>
    run(
      async () => (await gql<Record<string, PassportDoc>>(`mutation($id: ID!) { ${mutation}(passportId: $id) { ${FIELDS} } }`, { id: passport.id }))[mutation],
      mutation === 'publishPassport' ? 'published' : 'archived',
    );
  const reload = () => run(() => loadPassport(passport.id!), 'saved');

  return (
    <form
      class="editor"
      aria-labelledby="editor-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="editor-heading">
        {isNew ? t('newPassport') : passport.productName}
        {passport.status && (
          <span class={`badge ${passport.status.toLowerCase()}`} id="editor-status">
            {t(passport.status)}
          </span>
        )}
        {passport.revision != null && (
          <span class="badge">
            {t('revision')} {passport.revision}
          </span>
        )}
      </h2>
      {message && (
        <div class={`message ${message.kind}`} role={message.kind === 'ok' ? 'status' : 'alert'} id="editor-message">
          <p>{message.text}</p>
          {message.violations && message.violations.length > 0 && (
            <ul>
              {message.violations.map((violation) => (
                <li key={violation.path + violation.message}>
                  <a
                    href={`#${fieldId(violation.path)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(fieldId(violation.path))?.focus();
                    }}
                  >
                    {violation.path}
                  </a>
                  : {violation.message}
                </li>
              ))}
            </ul>
          )}
          {message.kind === 'conflict' && (
            <button type="button" onClick={reload}>
              {t('reload')}
            </button>
          )}
        </div>
      )}
      <div class="row">
        <TextField path="gtin" label={t('gtin')} errors={errors} value={passport.gtin} onValue={set('gtin')} required readOnly={!isNew} />
        <TextField path="productName" label={t('productName')} errors={errors} value={passport.productName} onValue={set('productName')} required />
        {isNew ? (
          <>
            <SelectField
              path="cluster"
              label={t('cluster')}
              errors={errors}
              value={passport.cluster}
              onValue={set('cluster')}
              options={CLUSTERS.map((code) => [code, t(code)])}
            />
            <SelectField
              path="granularity"
              label={t('granularity')}
              errors={errors}
              value={passport.granularity}
              onValue={set('granularity')}
              options={[
                ['MODEL', 'MODEL'],
                ['BATCH', 'BATCH'],
                ['ITEM', 'ITEM'],
              ]}
            />
          </>
        ) : (
          // A passport's cluster, granularity and identity are fixed once registered: a revision changes the rest.
          <>
            <TextField path="cluster" label={t('cluster')} errors={errors} value={t(passport.cluster)} onValue={() => undefined} readOnly />
            <TextField path="granularity" label={t('granularity')} errors={errors} value={passport.granularity} onValue={() => undefined} readOnly />
          </>
        )}
        {passport.granularity === 'ITEM' && (
          <TextField
            path="serialNumber"
            label={t('serialNumber')}
            errors={errors}
            value={passport.serialNumber ?? ''}
            onValue={set('serialNumber')}
            readOnly={!isNew}
          />
        )}
        {passport.granularity === 'BATCH' && (
          <TextField
            path="batchNumber"
            label={t('batchNumber')}
            errors={errors}
            value={passport.batchNumber ?? ''}
            onValue={set('batchNumber')}
            readOnly={!isNew}
          />
        )}
      </div>
      <CompositionFields doc={passport.composition} setDoc={(composition) => setPassport({ ...passport, composition })} errors={errors} />
      <div class="actions sticky" aria-busy={busy}>
        <button type="submit" disabled={busy} id="save">
          {isNew ? t('saveDraft') : t('saveRevision')}
        </button>
        {passport.status === 'DRAFT' && (
          <button type="button" disabled={busy} id="publish" onClick={() => transition('publishPassport')}>
            {t('publish')}
          </button>
        )}
        {(passport.status === 'DRAFT' || passport.status === 'PUBLISHED') && (
          <button type="button" class="secondary" disabled={busy} id="archive" onClick={() => transition('archivePassport')}>
            {t('archive')}
          </button>
        )}
        <button type="button" class="secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {passport.id && <QrLabel passport={passport} />}
    </form>
  );
}
