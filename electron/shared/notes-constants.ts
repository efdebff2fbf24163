/**
 * The fixed vocabularies of the user's notes, without zod, so the renderer can import them without
 * pulling the schemas into its bundle (schemas live in notes.ts and are used by main).
 */
export const STANCES = ['nog-bepalen', 'voor', 'tegen', 'voor-met-amendement', 'motie', 'onthouding'] as const;
export type Stance = (typeof STANCES)[number];

export const POSITION_STATUSES = ['concept', 'definitief'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

/**
 * Where an annotation stands after the letter changed: `anchored` (same place), `moved` (same
 * words elsewhere), `changed` (the passage was reworded: needs a look), `orphan` (passage gone).
 */
export const ANCHOR_STATES = ['anchored', 'moved', 'changed', 'orphan'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

export const HIGHLIGHT_COLOR_IDS = ['geel', 'blauw', 'rood', 'groen', 'paars'] as const;
export type HighlightColorId = (typeof HIGHLIGHT_COLOR_IDS)[number];

export const MAX_NOTE_LENGTH = 200_000;
export const MAX_TAG_LENGTH = 60;
