/** A refusal or problem in the user's language first, then in the other (marked with its `lang`). */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

export interface Bilingual {
  nl: string;
  en: string;
}

export function BilingualError({ title, error, children }: { title: string; error: Bilingual; children?: ReactNode }) {
  const { locale } = useI18n();
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{title}</p>
      <p>{error[locale]}</p>
      {error[other] !== error[locale] && (
        <p className="muted" lang={other}>
          {error[other]}
        </p>
      )}
      {children}
    </div>
  );
}
