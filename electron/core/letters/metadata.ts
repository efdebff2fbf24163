/** Recognising the metadata block of a ledenbrief: labels, values, dates and Lbr.-numbers. */

export type MetadataKey =
  'date' | 'kenmerk' | 'reference' | 'phone' | 'attachments' | 'subject' | 'contact' | 'email' | 'addressee' | 'other';

const LABELS: Array<[RegExp, MetadataKey]> = [
  [/^datum$/i, 'date'],
  [/^(ons kenmerk|kenmerk)$/i, 'kenmerk'],
  [/^uw kenmerk$/i, 'other'],
  [/^(lbr\.?|lbr\.?-?nummer|ledenbrief(\s*nummer|nummer)?)$/i, 'reference'],
  [/^(telefoon|tel\.?)$/i, 'phone'],
  [/^(bijlage\(n\)|bijlagen?)$/i, 'attachments'],
  [/^onderwerp$/i, 'subject'],
  [/^(contactpersoon|behandeld door)$/i, 'contact'],
  [/^e-?mail$/i, 'email'],
  [/^aan$/i, 'addressee'],
];

export interface LabelMatch {
  key: MetadataKey;
  label: string;
  /** The value on the same line ("Datum: 8 mei 2019"), if any. */
  value?: string;
}

/** Strips Markdown emphasis around a label ("**Datum:**"). */
function unwrapEmphasis(line: string): string {
  return line.replace(/^\*{1,2}([^*]+?)\*{1,2}/, '$1').trim();
}

/** `Datum`, `Datum:`, `Datum: 8 mei 2019`, `**Onderwerp:** Gemeenten 2024`. */
export function matchLabelLine(rawLine: string): LabelMatch | null {
  const line = unwrapEmphasis(rawLine.trim());
  const m = /^([A-Za-z][A-Za-z .()-]{1,24}?)\s*(?::\s*(.*))?$/.exec(line);
  if (!m) return null;
  const label = m[1]!.trim();
  const value = m[2]?.replace(/^\*{1,2}\s*/, '').trim();
  for (const [re, key] of LABELS) {
    if (re.test(label)) {
      // "Aan" alone is a label only with a colon and a value: "Aan de leden" is an addressee line.
      if (key === 'addressee' && !value) return null;
      return value ? { key, label, value } : { key, label };
    }
  }
  return null;
}

const REFERENCE_RE = /^(?:lbr\.?|ledenbrief)\s*(?:-?nummer)?\s*:?\s*(?:lbr\.?\s*)?(\d{2})\s*\/\s*(\d{2,4})\b/i;

/** `Lbr. 19/030` → `Lbr. 19/030`; `Ledenbrief nummer: 20/012` → `Lbr. 20/012`. */
export function matchReferenceLine(line: string): string | null {
  const m = REFERENCE_RE.exec(unwrapEmphasis(line.trim()));
  return m ? `Lbr. ${m[1]}/${m[2]}` : null;
}

/** Normalises a reference value ("19/030", "Lbr 19/030") to `Lbr. 19/030`. */
export function normaliseReference(value: string): string {
  const direct = matchReferenceLine(value);
  if (direct) return direct;
  const m = /(\d{2})\s*\/\s*(\d{2,4})/.exec(value);
  return m ? `Lbr. ${m[1]}/${m[2]}` : value.trim();
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  maart: 3,
  mrt: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augustus: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `8 mei 2019`, `08-05-2019`, `2019-05-08`, `maandag 8 mei 2019` → ISO date, else null. */
export function parseDutchDate(value: string): string | null {
  const text = value.trim().toLowerCase();
  let m = /(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})/.exec(text);
  if (m) {
    const month = MONTHS[m[2]!];
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}
