import { describe, expect, it } from 'vitest';
import { attachmentNote, dateTimeLabel, directionLabel, kindLabel, messageCount, partiesLabel, partyLabel, partyName, replyProblem, sizeLabel, TEXTS } from './texts.ts';

describe('email thread texts', () => {
  it('has every text in Danish and English', () => {
    expect(Object.keys(TEXTS.da).sort()).toEqual(Object.keys(TEXTS.en).sort());
    for (const [key, value] of Object.entries(TEXTS.da)) {
      const en = TEXTS.en[key as keyof typeof TEXTS.en];
      expect(typeof en, key).toBe(typeof value);
      if (typeof value === 'string') expect(value.length, key).toBeGreaterThan(0);
    }
    expect(TEXTS.da.showQuoted).toBe('Vis citeret tekst');
    expect(TEXTS.en.showQuoted).toBe('Show quoted text');
    expect(TEXTS.da.showImages).toBe('Vis billeder');
    expect(TEXTS.en.bySubject).toBe('Threaded by subject');
    expect(TEXTS.da.bySubject).toBe('Sat i tråden efter emnet');
    expect(TEXTS.da.replyAll).toBe('Svar alle');
  });

  it('names directions, kinds and counts', () => {
    expect(directionLabel('in', 'da')).toBe('Fra kunden');
    expect(directionLabel('out', 'en')).toBe('Sent by us');
    expect(directionLabel('internal', 'da')).toBe('Intern');
    expect(kindLabel('auto_reply', 'da')).toBe('Autosvar');
    expect(kindLabel('newsletter', 'en')).toBe('Newsletter');
    expect(messageCount(1, 'da')).toBe('1 besked');
    expect(messageCount(3, 'da')).toBe('3 beskeder');
    expect(messageCount(2, 'en')).toBe('2 messages');
  });

  it('names people by name, else by address', () => {
    expect(partyName({ name: 'Mette Jensen', address: 'mette@jensens-vvs.dk' }, 'da')).toBe('Mette Jensen');
    expect(partyName({ name: '  ', address: 'mette@jensens-vvs.dk' }, 'da')).toBe('mette@jensens-vvs.dk');
    expect(partyName(null, 'da')).toBe('ukendt afsender');
    expect(partyName(null, 'en')).toBe('unknown sender');
    expect(partyLabel({ name: 'Mette Jensen', address: 'mette@jensens-vvs.dk' })).toBe('Mette Jensen <mette@jensens-vvs.dk>');
    expect(partyLabel({ name: null, address: 'kontor@tagfirma.dk' })).toBe('kontor@tagfirma.dk');
    expect(partiesLabel([{ name: 'Lars', address: 'lars@tagfirma.dk' }, { name: null, address: 'bo@x.dk' }])).toBe('Lars <lars@tagfirma.dk>, bo@x.dk');
  });

  it('writes the date and time the Danish way in Danish', () => {
    expect(dateTimeLabel('2026-12-02T10:14:00Z', 'da')).toMatch(/^2\. dec\. 2026 kl\. \d\d\.14$/);
    expect(dateTimeLabel('2026-12-02T10:14:00Z', 'en')).toMatch(/^2 Dec 2026, \d\d:14$/);
  });

  it('formats sizes the Danish and the English way', () => {
    expect(sizeLabel(512, 'da')).toBe('512 B');
    expect(sizeLabel(48_213, 'da')).toBe('48 kB');
    expect(sizeLabel(1_234_567, 'da')).toBe('1,2 MB');
    expect(sizeLabel(1_234_567, 'en')).toBe('1.2 MB');
  });

  it('says why an attachment was not stored, and nothing for one that can be downloaded', () => {
    expect(attachmentNote({ outcome: 'created', reason: null, document_id: 'd1' }, 'da')).toBe('');
    expect(attachmentNote({ outcome: 'duplicate', reason: null, document_id: 'd1' }, 'en')).toBe('');
    expect(attachmentNote({ outcome: 'refused', reason: 'virus.exe is a Windows program', document_id: null }, 'da')).toBe('Ikke gemt: virus.exe is a Windows program');
    expect(attachmentNote({ outcome: 'not_stored', reason: null, document_id: null }, 'en')).toBe('Not saved as a document');
  });

  it("shows the server's reason when a reply could not be sent", () => {
    expect(replyProblem('No email account can send: add one with an SMTP server', 'x', 'da')).toBe('Svaret blev ikke sendt: No email account can send: add one with an SMTP server');
    expect(replyProblem(undefined, 'The CRM could not be reached.', 'en')).toBe('The reply was not sent: The CRM could not be reached.');
  });
});
