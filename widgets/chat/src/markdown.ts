/**
 * The safe Markdown subset for chat messages: **bold**, [label](https://…) and bare http(s) URLs.
 * Everything else stays literal text. Pure tokens here; panel.ts turns them into Lit text bindings
 * and fixed templates, so message text never becomes markup; only http: and https: links are made.
 */
export type Token = { type: 'text' | 'bold'; text: string } | { type: 'link'; text: string; href: string };

const PATTERN = /\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?])/g;

/** An absolute http(s) URL, normalised, or null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const text = (s: string) => {
    if (!s) return;
    const prev = tokens[tokens.length - 1];
    if (prev?.type === 'text') prev.text += s;
    else tokens.push({ type: 'text', text: s });
  };
  for (const m of source.matchAll(PATTERN)) {
    const at = m.index ?? 0;
    text(source.slice(last, at));
    last = at + m[0].length;
    if (m[1] !== undefined) tokens.push({ type: 'bold', text: m[1] });
    else if (m[2] !== undefined) {
      const href = safeUrl(m[3]);
      if (href) tokens.push({ type: 'link', text: m[2], href });
      else text(m[0]);
    } else {
      const href = safeUrl(m[4]);
      if (href) tokens.push({ type: 'link', text: m[4] ?? '', href });
      else text(m[0]);
    }
  }
  text(source.slice(last));
  return tokens;
}
