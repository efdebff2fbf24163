/** Dutch first, English available. Every string a user sees lives here. */
import { createContext, useContext } from 'react';

export type Locale = 'nl' | 'en';

const nl = {
  'app.name': 'Raadsmap',
  'app.tagline': 'Voorbereiden op de vergadering',
  'app.skip': 'Direct naar de inhoud',
  'app.loading': 'Laden…',
  'nav.main': 'Hoofdmenu',
  'nav.library': 'Bibliotheek',
  'settings.label': 'Weergave',
  'settings.language': 'Taal',
  'settings.textSize': 'Tekstgrootte',
  'settings.smaller': 'Tekst kleiner',
  'settings.larger': 'Tekst groter',
  'settings.theme': 'Thema',
  'settings.theme.system': 'Systeem',
  'settings.theme.light': 'Licht',
  'settings.theme.dark': 'Donker',
  'library.title': 'Bibliotheek',
  'library.intro': 'Ledenbrieven en stukken die op deze laptop staan. Alles werkt ook zonder internet.',
  'library.caption': 'Geïnstalleerde brieven',
  'library.date': 'Datum',
  'library.reference': 'Lbr.-nummer',
  'library.subject': 'Onderwerp',
  'library.decisions': 'Gevraagde besluiten',
  'library.pack': 'Pakket',
  'library.empty': 'Er zijn nog geen brieven geïnstalleerd.',
  'library.none': 'geen',
  'library.count': '{n} brieven',
  'library.count.one': '1 brief',
  'import.open': 'Brief importeren…',
  'import.title': 'Brief importeren',
  'import.help':
    'Kies een ledenbrief als tekstbestand (.txt) of Markdown (.md), hoogstens 50 MB. PDF, HTML en Word volgen met inhoudspakketten.',
  'import.file': 'Bestand',
  'import.submit': 'Importeren',
  'import.cancel': 'Annuleren',
  'import.busy': 'Bezig met importeren…',
  'import.failed': 'Importeren mislukt',
  'import.nothingChanged': 'Er is niets gewijzigd: uw bestaande brieven en notities zijn ongemoeid gelaten.',
  'import.done': '"{title}" is geïmporteerd.',
  'import.choose': 'Kies eerst een bestand.',
  'reader.back': 'Terug naar de bibliotheek',
  'reader.toc': 'Inhoudsopgave',
  'reader.metadata': 'Gegevens van de brief',
  'reader.decisions': 'Gevraagde besluiten',
  'reader.decisions.intro':
    'De besluiten waarover de vergadering stemt. Later legt u hier per besluit uw standpunt vast.',
  'reader.decisions.none': 'Deze brief vraagt geen besluiten.',
  'reader.decision': 'Besluit {label}',
  'reader.decision.inText': 'Bekijk in de tekst',
  'reader.text': 'Tekst van de brief',
  'reader.intro': 'Inleiding',
  'reader.letter': 'Brief',
  'reader.notFound': 'Deze brief is niet gevonden.',
  'meta.date': 'Datum',
  'meta.kenmerk': 'Ons kenmerk',
  'meta.reference': 'Lbr.-nummer',
  'meta.subject': 'Onderwerp',
  'meta.attachments': 'Bijlage(n)',
  'meta.addressee': 'Aan',
  'meta.phone': 'Telefoon',
  'meta.signatory': 'Ondertekend door',
  'error.title': 'Er ging iets mis',
  'error.close': 'Sluiten',
  'error.otherLanguage': 'In English',
};

export type MessageKey = keyof typeof nl;

const en: Record<MessageKey, string> = {
  'app.name': 'Raadsmap',
  'app.tagline': 'Preparing for the meeting',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'nav.main': 'Main menu',
  'nav.library': 'Library',
  'settings.label': 'Display',
  'settings.language': 'Language',
  'settings.textSize': 'Text size',
  'settings.smaller': 'Smaller text',
  'settings.larger': 'Larger text',
  'settings.theme': 'Theme',
  'settings.theme.system': 'System',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'library.title': 'Library',
  'library.intro': 'Member letters and documents on this laptop. Everything also works without internet.',
  'library.caption': 'Installed letters',
  'library.date': 'Date',
  'library.reference': 'Lbr. number',
  'library.subject': 'Subject',
  'library.decisions': 'Requested decisions',
  'library.pack': 'Pack',
  'library.empty': 'No letters are installed yet.',
  'library.none': 'none',
  'library.count': '{n} letters',
  'library.count.one': '1 letter',
  'import.open': 'Import letter…',
  'import.title': 'Import a letter',
  'import.help':
    'Choose a member letter as a text file (.txt) or Markdown (.md), at most 50 MB. PDF, HTML and Word come with content packs.',
  'import.file': 'File',
  'import.submit': 'Import',
  'import.cancel': 'Cancel',
  'import.busy': 'Importing…',
  'import.failed': 'Import failed',
  'import.nothingChanged': 'Nothing was changed: your existing letters and notes are untouched.',
  'import.done': '"{title}" was imported.',
  'import.choose': 'Choose a file first.',
  'reader.back': 'Back to the library',
  'reader.toc': 'Contents',
  'reader.metadata': 'Letter details',
  'reader.decisions': 'Requested decisions',
  'reader.decisions.intro': 'The decisions the meeting votes on. Later you will record your position on each one here.',
  'reader.decisions.none': 'This letter requests no decisions.',
  'reader.decision': 'Decision {label}',
  'reader.decision.inText': 'Show in the text',
  'reader.text': 'Text of the letter',
  'reader.intro': 'Introduction',
  'reader.letter': 'Letter',
  'reader.notFound': 'This letter was not found.',
  'meta.date': 'Date',
  'meta.kenmerk': 'Our reference',
  'meta.reference': 'Lbr. number',
  'meta.subject': 'Subject',
  'meta.attachments': 'Attachment(s)',
  'meta.addressee': 'To',
  'meta.phone': 'Telephone',
  'meta.signatory': 'Signed by',
  'error.title': 'Something went wrong',
  'error.close': 'Close',
  'error.otherLanguage': 'In het Nederlands',
};

export const messages: Record<Locale, Record<MessageKey, string>> = { nl, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => {
    let text = messages[locale][key];
    if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

export const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'nl', t: translator('nl') });

export function useI18n() {
  return useContext(I18nContext);
}

/** `2019-05-08` → `8 mei 2019` / `8 May 2019`. */
export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}
