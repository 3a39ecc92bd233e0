import { describe, expect, it } from 'vitest';
import { walkBlocks } from './blocks.ts';
import { removeChrome } from './chrome.ts';
import { parsePage } from './dom.ts';
import { ARTICLE_PAGE, PRICE_PAGE } from './fixtures.ts';
import { mainContent } from './main.ts';
import { readableArticle } from './readable.ts';

const clean = (html: string) => {
  const doc = parsePage(html);
  removeChrome(doc);
  return doc;
};
const para = (n: number) => `<p>Afsnit ${n}. Tagrender skal renses mindst en gang om året, ellers løber vandet over kanten og ned ad facaden, hvor det giver fugtskader i murværket og råd i træværket. Efteråret er det bedste tidspunkt, når bladene er faldet, og inden frosten kommer.</p>`;

describe('choosing the main content', () => {
  it("takes Readability's article for an article page, and leaves the original document as it was", () => {
    const doc = clean(ARTICLE_PAGE);
    const before = doc.body!.textContent;
    const { source, readabilityTitle, blocks } = mainContent(doc);
    expect(source).toBe('readability');
    expect(readabilityTitle).toBe('How to clean your gutters');
    expect(blocks.map((b) => b.text).join('\n')).not.toContain('Share on Facebook');
    expect(doc.body!.textContent).toBe(before);
  });

  it("takes the page's own content when Readability drops a table", () => {
    const doc = clean(`<body><div class="content"><h1>Rens af tagrender</h1>${para(1)}${para(2)}<h2>Priser</h2>
      <table><tr><td><a href="/r">Rækkehus</a></td><td><a href="/r">895 kr.</a></td></tr><tr><td><a href="/v">Villa</a></td><td><a href="/v">1.295 kr.</a></td></tr></table>${para(3)}</div></body>`);
    const article = readableArticle(doc);
    expect(article).not.toBeNull();
    expect(walkBlocks(article!.content, () => null).some((b) => b.kind === 'table')).toBe(false);
    const { source, blocks } = mainContent(doc);
    expect(source).toBe('page');
    expect(blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
  });

  it("takes the page's own content when Readability keeps too little of <main>, or the page is no article", () => {
    // Readability skips elements with classes like "extra" unseen; here that is half the page.
    const doc = clean(`<body><main><h1>Tagrender</h1>${para(1)}${para(2)}
      <div class="extra-info"><h2>Levering og garanti</h2><p>Vi leverer inden for 3 hverdage i hele landet, og der er 10 års garanti på alle rør og beslag.</p>
      <p>Montage udføres af vores egne folk; betaling med MobilePay, faktura eller kort efter endt arbejde.</p>
      <p>Vi bortskaffer de gamle tagrender og rydder op efter os, så du ikke skal tænke på noget.</p></div></main></body>`);
    const article = readableArticle(doc);
    expect(walkBlocks(article!.content, () => null).map((b) => b.text).join('\n')).not.toContain('10 års garanti');
    const { source, blocks } = mainContent(doc);
    expect(source).toBe('page');
    expect(blocks.map((b) => b.text)).toContain('Vi leverer inden for 3 hverdage i hele landet, og der er 10 års garanti på alle rør og beslag.');
    expect(readableArticle(clean(PRICE_PAGE))).toBeNull();
  });
});
