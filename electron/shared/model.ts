/**
 * The document model shared by the core (import, store), the contract and the renderer.
 * Plain data only: no functions, no classes, so it crosses every transport unchanged.
 */

export type ParagraphKind =
  'paragraph' | 'list-item' | 'numbered-item' | 'decision' | 'salutation' | 'closing' | 'signature';

/** An inline emphasis range inside a paragraph's plain text (UTF-16 offsets, end exclusive). */
export interface TextMark {
  start: number;
  end: number;
  type: 'em' | 'strong';
}

export interface Paragraph {
  /** Stable within one version of a document, e.g. `p012`. */
  id: string;
  kind: ParagraphKind;
  /** Plain text, without list markers or emphasis asterisks. */
  text: string;
  /** The list marker as written (`-`, `1.`, `a.`), when the paragraph is a list item. */
  marker?: string;
  /** Nesting depth for list items (0 = top). */
  depth?: number;
  /** For paragraphs that state a requested decision: its label (`1a`, `2`), or the stem's number. */
  decisionLabel?: string;
  /** True for the numbered stem of a decision with sub-items ("1. … als uitwerking:"). */
  decisionStem?: boolean;
  marks?: TextMark[];
}

export interface Section {
  id: string;
  /** Null for text before the first heading. */
  title: string | null;
  /** 1 = top level. 0 for the untitled lead section. */
  level: number;
  paragraphs: Paragraph[];
  sections: Section[];
}

export interface Decision {
  /** `1a`, `1b` … or `1`, `2`, `3` when there are no sub-items. */
  label: string;
  /** Full text without its marker and trailing `;`. */
  text: string;
  /** The numbered stem the item belongs to ("'Gemeenten 2024' vast te stellen … als uitwerking:"). */
  stem?: string;
  /** SHA-256 (hex, first 16) of the normalised text, to detect changes across versions. */
  hash: string;
  /** Paragraph ids where the decision appears in the text (summary and end). */
  paragraphIds: string[];
}

export interface MetadataField {
  /** Normalised key: date, kenmerk, reference, phone, attachments, subject, addressee, contact, email, other. */
  key: string;
  /** The label as written ("Ons kenmerk"). */
  label: string;
  value: string;
}

export interface LetterDocument {
  id: string;
  title: string;
  /** ISO `YYYY-MM-DD` or null. */
  date: string | null;
  /** `Lbr. 19/030`, or null. */
  reference: string | null;
  kenmerk: string | null;
  subject: string | null;
  addressee: string | null;
  attachments: string | null;
  /** Name and role of who signed, e.g. `mr J.H.C. van Zanen, Voorzitter`; empty when unsigned. */
  signatory: string;
  metadata: MetadataField[];
  sections: Section[];
  decisions: Decision[];
  source: { fileName: string; format: 'text' | 'markdown' | 'pdf' | 'html' | 'docx'; sha256: string };
}

export interface DocumentSummary {
  id: string;
  title: string;
  date: string | null;
  reference: string | null;
  subject: string | null;
  decisionCount: number;
  packId: string;
  packTitle: string;
  /** The meeting this letter's pack prepares (meeting date, deadline for amendments and motions). */
  meeting: { date: string | null; amendmentDeadline: string | null } | null;
  /** The themes the pack's publisher gave this letter (pack.json `tags`), read-only. */
  themes: string[];
}

export interface PackInfo {
  id: string;
  title: string;
  version: number;
  publisher: string | null;
  issued: string | null;
}
