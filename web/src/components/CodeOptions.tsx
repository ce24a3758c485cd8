import { type TextKey, useT } from '../i18n';

/** The options of a select of codes (clusters, statuses), each labelled in the current language; `withAll` adds "all" first. */
export function CodeOptions({ codes, withAll = false }: { codes: readonly TextKey[]; withAll?: boolean }) {
  const t = useT();
  return (
    <>
      {withAll && <option value="">{t('all')}</option>}
      {codes.map((code) => (
        <option key={code} value={code}>
          {t(code)}
        </option>
      ))}
    </>
  );
}
