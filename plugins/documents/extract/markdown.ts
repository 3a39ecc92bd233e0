import { decodeText } from './encoding.ts';
import { partSections } from './text.ts';
import type { Extraction, ExtractOptions } from './types.ts';

/**
 * A Markdown file's title: `title:` in its front matter, else its first heading (`# …` or a
 * setext heading underlined with `===`/`---`), else its first line of text.
 *
 * @example
 * markdownTitle('---\ntitle: Prisliste\n---\n# Priser'); // 'Prisliste'
 */
export function markdownTitle(text: string): string | null {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const fromFront = front ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1]!)?.[1] : undefined;
  if (fromFront) return fromFront.trim();
  const body = front ? text.slice(front[0].length) : text;
  const atx = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body)?.[1];
  const setext = /^ {0,3}(\S.*)\n {0,3}(?:=+|-+)[ \t]*$/m.exec(body)?.[1];
  const firstLine = body.split('\n').find((l) => l.trim() !== '');
  const found = (atx && (!setext || body.indexOf(atx) < body.indexOf(setext)) ? atx : setext) ?? firstLine;
  return found ? found.trim().slice(0, 200) : null;
}

/**
 * A Markdown file: decoded like any text, kept as Markdown (its tables are tables already) in
 * `part=N` sections, with its title.
 *
 * @example
 * const { title, sections } = await extractMarkdown(bytes, options);
 */
export async function extractMarkdown(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const { text, encoding } = decodeText(bytes);
  const title = markdownTitle(text);
  return { sections: partSections(text, 'markdown', options.name), ...(title ? { title } : {}), meta: { encoding } };
}
