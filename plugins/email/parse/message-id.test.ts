import { describe, expect, it } from 'vitest';
import { messageIds, normalizeMessageId } from './message-id.ts';

describe('normalizeMessageId', () => {
  it.each([
    ['<CAF=x+Y@Mail.Gmail.COM>', 'CAF=x+Y@mail.gmail.com'],
    ['  <abc@KUNDE.dk>  ', 'abc@kunde.dk'],
    ['abc@kunde.dk', 'abc@kunde.dk'],
    ['<<abc@kunde.dk>>', 'abc@kunde.dk'],
    ['<abc@kunde.dk>,', 'abc@kunde.dk'],
    ['<DB9PR01MB1234.eurprd01.prod.exchangelabs.com@DB9PR01MB1234.EURPRD01.PROD.EXCHANGELABS.COM>', 'DB9PR01MB1234.eurprd01.prod.exchangelabs.com@db9pr01mb1234.eurprd01.prod.exchangelabs.com'],
  ])('%j → %j', (value, expected) => {
    expect(normalizeMessageId(value)).toBe(expected);
  });

  it.each([null, '', '<>', 'garbage', 'two words@x.dk', '<a@>', '<@b>', `<${'a'.repeat(600)}@x.dk>`, '<a\u0001b@x.dk>'])('%j is null', (value) => {
    expect(normalizeMessageId(value)).toBeNull();
  });
});

describe('messageIds', () => {
  it('takes bracketed ids wherever they stand, in order, each once', () => {
    expect(messageIds('<a@X.dk> <b@y.dk>,<a@x.dk>\r\n <c@z.dk>')).toEqual(['a@x.dk', 'b@y.dk', 'c@z.dk']);
    expect(messageIds('Your message of "Tue, 2 Dec" <c@z.dk>')).toEqual(['c@z.dk']);
    expect(messageIds('<c@z.dk> (Mette Jensen\'s message of Tue)')).toEqual(['c@z.dk']);
  });

  it('reads ids without brackets separated by whitespace or commas', () => {
    expect(messageIds('a@x.dk b@y.dk, c@z.dk')).toEqual(['a@x.dk', 'b@y.dk', 'c@z.dk']);
    expect(messageIds('')).toEqual([]);
    expect(messageIds('ingen id her')).toEqual([]);
  });
});
