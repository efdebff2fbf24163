/**
 * A search snippet as React text: the server wraps matched words in `<mark>…</mark>` and escapes
 * every other `<`, `>` and `&`. We split on the two tags and unescape the three entities into text
 * nodes — never HTML, so a note or letter that contains markup stays inert.
 */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

function unescape(text: string): string {
  return text.replace(/&(?:lt|gt|amp);/g, (e) => ENTITIES[e]!);
}

export function parseSnippet(snippet: string): SnippetPart[] {
  const out: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) out.push({ text: unescape(piece), marked });
  }
  return out;
}

export function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      {parseSnippet(snippet).map((part, i) =>
        part.marked ? (
          <mark key={i} className="search-mark">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
