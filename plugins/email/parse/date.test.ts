import { describe, expect, it } from 'vitest';
import { parseMailDate } from './date.ts';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('parseMailDate', () => {
  it.each([
    ['Tue, 2 Dec 2025 10:14:00 +0100', '2025-12-02T09:14:00.000Z'],
    ['Tue,2 Dec 2025 10:14:00 +0100', '2025-12-02T09:14:00.000Z'],
    ['2 Dec 2025 10:14 +01:00', '2025-12-02T09:14:00.000Z'],
    ['Tue, 2 Dec 2025 10:14:00 GMT+0100', '2025-12-02T09:14:00.000Z'],
    ['Tue, 2 Dec 2025 10:14:00 +0100 (Romance Standard Time)', '2025-12-02T09:14:00.000Z'],
    ['Tue, 2 Dec 2025 10:14:00 -0000', '2025-12-02T10:14:00.000Z'],
    ['Tue, 2 Dec 2025 10:14:00 EST', '2025-12-02T15:14:00.000Z'],
    ['Tue, 2 Dec 2025 10:14:00 UT', '2025-12-02T10:14:00.000Z'],
    ['Mon, 1 Jun 2026 10:14:00 CEST', '2026-06-01T08:14:00.000Z'],
    ['Tue, 02 Dec 99 10:14:00 +0000', '1999-12-02T10:14:00.000Z'],
    ['Tue, 2 Dec 2025 10:14:60 +0000', '2025-12-02T10:14:59.000Z'],
    ['Tue, 2-Dec-2025 10:14:00 +0000', '2025-12-02T10:14:00.000Z'],
    ['tir, 2 dec 2025 10:14:00 +0100', '2025-12-02T09:14:00.000Z'],
    ['fr, 2 okt 2025 10:14:00 +0200', '2025-10-02T08:14:00.000Z'],
    ['Tue Dec  2 10:14:00 2025', '2025-12-02T10:14:00.000Z'],
    ['2025-12-02 10:14:00Z', '2025-12-02T10:14:00.000Z'],
  ])('%j', (value, expected) => {
    expect(parseMailDate(value, NOW)).toBe(expected);
  });

  it('reads a date without a zone as UTC, whatever the server’s zone', () => {
    expect(parseMailDate('Tue, 2 Dec 2025 10:14:00', NOW)).toBe('2025-12-02T10:14:00.000Z');
  });

  it.each([null, '', 'i morgen', '1', '02.12.2025', '12/02/2025 10:14', 'Tue, 30 Feb 2025 10:00:00 +0000', 'Tue, 2 Foo 2025 10:00:00 +0000', 'Tue, 2 Dec 2025 10:00:00 +2500', 'Tue, 2 Dec 2025 10:00:00 Mars/Olympus', 'Thu, 1 Jan 1970 00:00:00 +0000', 'Sun, 31 Dec 1989 23:00:00 +0000', 'Wed, 3 Jun 2026 12:00:00 +0000'])(
    '%j is null',
    (value) => {
      expect(parseMailDate(value, NOW)).toBeNull();
    },
  );

  it('allows a day of clock skew', () => {
    expect(parseMailDate('Tue, 2 Jun 2026 11:00:00 +0000', NOW)).toBe('2026-06-02T11:00:00.000Z');
  });
});
