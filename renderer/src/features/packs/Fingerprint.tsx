import { useI18n } from '../../i18n';
import { groupFingerprint } from './open';

/** A key's fingerprint in groups of four, in a monospaced face, each group readable on its own. */
export function Fingerprint({ value, label = true }: { value: string; label?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="fingerprint">
      {label && <span className="visually-hidden">{t('packs.fingerprint')}: </span>}
      <code className="fingerprint__code" translate="no">
        {groupFingerprint(value)}
      </code>
    </span>
  );
}
