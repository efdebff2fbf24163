import type { Settings } from '../../electron/shared/contract';
import { useI18n } from './i18n';

const STEPS = [80, 90, 100, 110, 125, 150, 175, 200];

export function SettingsBar({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}) {
  const { t } = useI18n();
  const index = STEPS.indexOf(settings.fontScale);
  const step = (dir: -1 | 1) => {
    const current = index >= 0 ? index : STEPS.indexOf(100);
    const next = STEPS[Math.min(STEPS.length - 1, Math.max(0, current + dir))]!;
    onChange({ fontScale: next });
  };
  return (
    <section className="settings-bar" aria-label={t('settings.label')}>
      <div className="settings-bar__group" role="group" aria-label={t('settings.textSize')}>
        <button
          type="button"
          className="icon-button"
          onClick={() => step(-1)}
          disabled={settings.fontScale <= STEPS[0]!}
          aria-label={t('settings.smaller')}
          title={t('settings.smaller')}
        >
          A−
        </button>
        <output className="settings-bar__value" aria-live="polite" aria-label={t('settings.textSize')}>
          {settings.fontScale}%
        </output>
        <button
          type="button"
          className="icon-button"
          onClick={() => step(1)}
          disabled={settings.fontScale >= STEPS[STEPS.length - 1]!}
          aria-label={t('settings.larger')}
          title={t('settings.larger')}
        >
          A+
        </button>
      </div>
      <label className="settings-bar__field">
        <span>{t('settings.theme')}</span>
        <select value={settings.theme} onChange={(e) => onChange({ theme: e.target.value as Settings['theme'] })}>
          <option value="system">{t('settings.theme.system')}</option>
          <option value="light">{t('settings.theme.light')}</option>
          <option value="dark">{t('settings.theme.dark')}</option>
        </select>
      </label>
      <label className="settings-bar__field">
        <span>{t('settings.language')}</span>
        <select value={settings.locale} onChange={(e) => onChange({ locale: e.target.value as Settings['locale'] })}>
          <option value="nl" lang="nl">
            Nederlands
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </label>
    </section>
  );
}
