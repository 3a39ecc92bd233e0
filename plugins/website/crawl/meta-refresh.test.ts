import { describe, expect, it } from 'vitest';
import { metaRefresh } from './meta-refresh.ts';

describe('metaRefresh', () => {
  it('finds the target however the tag is written', () => {
    const page = 'https://firma.dk/gammel';
    expect(metaRefresh('<meta http-equiv="refresh" content="0; url=/ny-side">', page)).toBe('https://firma.dk/ny-side');
    expect(metaRefresh(`<META CONTENT="0;URL='https://www.firma.dk/'" HTTP-EQUIV="Refresh">`, page)).toBe('https://www.firma.dk/');
    expect(metaRefresh('<meta http-equiv=refresh content=3;url=side.html>', page)).toBe('https://firma.dk/side.html');
  });
  it('ignores a reload, a slow refresh and other meta tags', () => {
    expect(metaRefresh('<meta http-equiv="refresh" content="300">', 'https://firma.dk/')).toBeNull();
    expect(metaRefresh('<meta http-equiv="refresh" content="60; url=/nyheder">', 'https://firma.dk/')).toBeNull();
    expect(metaRefresh('<meta name="description" content="0; url=/x">', 'https://firma.dk/')).toBeNull();
  });
});
