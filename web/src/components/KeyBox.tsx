import { useEffect, useState } from 'preact/hooks';
import { apiKey, setApiKey } from '../api';
import { useT } from '../i18n';

/** The caller's API key for this tab (sessionStorage only: it is gone when the tab closes). */
export function KeyBox() {
  const t = useT();
  const [stored, setStored] = useState(apiKey());
  const [draft, setDraft] = useState('');
  useEffect(() => {
    const onKey = () => setStored(apiKey());
    window.addEventListener('registry-key', onKey);
    return () => window.removeEventListener('registry-key', onKey);
  }, []);
  return (
    <form
      class="keybox"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim()) setApiKey(draft.trim());
        setDraft('');
      }}
    >
      <label for="api-key">{t('apiKey')}</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
        aria-describedby="api-key-hint"
      />
      <button type="submit">{t('useKey')}</button>
      {stored && (
        <button type="button" onClick={() => setApiKey(null)}>
          {t('forgetKey')}
        </button>
      )}
      <span id="api-key-hint" class="hint">
        <span id="key-state">{stored ? t('keyInUse') : t('noKey')}</span> {t('apiKeyHint')}
      </span>
    </form>
  );
}
