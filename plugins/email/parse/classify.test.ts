import { describe, expect, it } from 'vitest';
import { classifyMessage } from './classify.ts';
import { parseMessage, type MessageHeaders } from './mime.ts';
import { parsedMessage, rawMessage } from './testing.ts';

const withHeaders = (headers: Partial<MessageHeaders>, rest: Parameters<typeof parsedMessage>[0] = {}) =>
  parsedMessage({ ...rest, headers: { ...parsedMessage().headers, ...headers } });

describe('classifyMessage', () => {
  it('a customer’s mail is normal', () => {
    expect(classifyMessage(parsedMessage())).toEqual({ kind: 'normal', reason: null });
    expect(classifyMessage(withHeaders({ autoSubmitted: 'no', precedence: 'normal' }))).toEqual({ kind: 'normal', reason: null });
  });

  it('Auto-Submitted other than "no" is an auto-reply', () => {
    expect(classifyMessage(withHeaders({ autoSubmitted: 'auto-replied' }))).toEqual({ kind: 'auto_reply', reason: 'auto_submitted' });
    expect(classifyMessage(withHeaders({ autoSubmitted: 'Auto-Generated; owner-email="x@y.dk"' }))).toEqual({ kind: 'auto_reply', reason: 'auto_submitted' });
  });

  it('X-Autoreply / X-Autorespond are auto-replies', () => {
    expect(classifyMessage(withHeaders({ xAutoreply: 'yes' }))).toEqual({ kind: 'auto_reply', reason: 'auto_reply_header' });
    expect(classifyMessage(withHeaders({ xAutorespond: 'Ferie' }))).toEqual({ kind: 'auto_reply', reason: 'auto_reply_header' });
    expect(classifyMessage(withHeaders({ xAutoreply: 'no' })).kind).toBe('normal');
  });

  it.each(['Automatisk svar: Tilbud', 'Autosvar: Tilbud', 'Fraværende: Tilbud', 'Out of Office: Quote', 'Automatic reply: Quote', 'Abwesenheitsnotiz: Angebot', 'Automatische Antwort: Angebot', '[EXTERNAL] Automatisk svar: Tilbud', 'Réponse automatique : Devis'])(
    'out-of-office subject %j',
    (subject) => {
      expect(classifyMessage(parsedMessage({ subject }))).toEqual({ kind: 'auto_reply', reason: 'out_of_office' });
    },
  );

  it('X-Auto-Response-Suppress All/OOF is an auto-reply, other values are not', () => {
    expect(classifyMessage(withHeaders({ xAutoResponseSuppress: 'All' }))).toEqual({ kind: 'auto_reply', reason: 'auto_response_suppress' });
    expect(classifyMessage(withHeaders({ xAutoResponseSuppress: 'DR, OOF, AutoReply' }))).toEqual({ kind: 'auto_reply', reason: 'auto_response_suppress' });
    expect(classifyMessage(withHeaders({ xAutoResponseSuppress: 'DR, RN, NRN' })).kind).toBe('normal');
  });

  it('Precedence bulk, list and junk are bulk', () => {
    for (const precedence of ['bulk', 'list', 'junk', 'Bulk']) expect(classifyMessage(withHeaders({ precedence }))).toEqual({ kind: 'bulk', reason: 'precedence_bulk' });
    expect(classifyMessage(withHeaders({ precedence: 'auto_reply' }))).toEqual({ kind: 'auto_reply', reason: 'precedence_auto_reply' });
  });

  it('List-Id or List-Unsubscribe is a newsletter', () => {
    expect(classifyMessage(withHeaders({ listId: 'Nyhedsbrev <news.leverandor.dk>' }))).toEqual({ kind: 'newsletter', reason: 'list_id' });
    expect(classifyMessage(withHeaders({ listUnsubscribe: '<mailto:unsub@leverandor.dk>, <https://leverandor.dk/u/1>' }))).toEqual({ kind: 'newsletter', reason: 'list_unsubscribe' });
    // A newsletter tool that also asks for no auto-replies is still a newsletter.
    expect(classifyMessage(withHeaders({ listUnsubscribe: '<https://x.dk/u>', xAutoResponseSuppress: 'OOF' })).reason).toBe('list_unsubscribe');
  });

  it('no-reply senders are bulk', () => {
    for (const address of ['noreply@bank.dk', 'no-reply@shop.dk', 'no_reply@x.dk', 'donotreply@x.dk', 'do-not-reply@x.dk', 'ikke-svar@skat.dk', 'noreply+123@x.dk', 'mailer-daemon@mx.dk']) {
      expect(classifyMessage(parsedMessage({ from: { name: null, address } }))).toEqual({ kind: 'bulk', reason: 'noreply_sender' });
    }
    expect(classifyMessage(parsedMessage({ from: { name: null, address: 'nora@x.dk' } })).kind).toBe('normal');
  });

  it('a delivery-status report is a bounce, a read receipt a read receipt', () => {
    expect(classifyMessage(withHeaders({ contentType: 'multipart/report; report-type=delivery-status; boundary="b"' }))).toEqual({ kind: 'auto_reply', reason: 'bounce' });
    expect(classifyMessage(withHeaders({ contentType: 'multipart/report; report-type="disposition-notification"; boundary=b' }))).toEqual({ kind: 'auto_reply', reason: 'read_receipt' });
  });

  it('a plain-text bounce from the mailer daemon is a bounce; the null sender alone is an auto-reply', () => {
    const daemon = parsedMessage({ from: { name: 'Mail Delivery System', address: 'mailer-daemon@mx.kunde.dk' }, subject: 'Mail delivery failed: returning message to sender' });
    expect(classifyMessage(daemon)).toEqual({ kind: 'auto_reply', reason: 'bounce' });
    expect(classifyMessage(withHeaders({ returnPath: '' }, { subject: 'Kunne ikke leveres: Tilbud' }))).toEqual({ kind: 'auto_reply', reason: 'bounce' });
    expect(classifyMessage(withHeaders({ returnPath: '' }))).toEqual({ kind: 'auto_reply', reason: 'null_sender' });
    expect(classifyMessage(withHeaders({ returnPath: 'bounce-1@x.dk' })).kind).toBe('normal');
  });

  it('reads real headers through parseMessage: an Exchange out-of-office and a bounce', async () => {
    const oof = await parseMessage(rawMessage({ from: 'Mette Jensen <mette@kunde.dk>', to: 'jens@nordlys-tag.dk', subject: 'Automatisk svar: Tilbud', text: 'Jeg er på ferie til 5. januar.', headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' } }));
    expect(classifyMessage(oof)).toEqual({ kind: 'auto_reply', reason: 'auto_submitted' });

    const bounce = Buffer.from(
      [
        'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
        'To: jens@nordlys-tag.dk',
        'Subject: Delivery Status Notification (Failure)',
        'Date: Tue, 2 Dec 2025 10:14:00 +0000',
        'Message-ID: <bounce-1@mx.google.com>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; boundary="b1"; report-type=delivery-status',
        '',
        '--b1',
        'Content-Type: text/plain; charset=UTF-8',
        '',
        "Address not found: Your message wasn't delivered to mete@kunde.dk.",
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; googlemail.com',
        '',
        'Final-Recipient: rfc822; mete@kunde.dk',
        'Action: failed',
        'Status: 5.1.1',
        '--b1--',
        '',
      ].join('\r\n'),
    );
    const m = await parseMessage(bounce);
    expect(classifyMessage(m)).toEqual({ kind: 'auto_reply', reason: 'bounce' });
    expect(m.text).toContain("Address not found");
  });

  it('reads a newsletter’s List-Unsubscribe through parseMessage', async () => {
    const m = await parseMessage(rawMessage({ from: 'Leverandør <nyheder@leverandor.dk>', to: 'jens@nordlys-tag.dk', subject: 'Nyt i december', html: '<p>Tilbud</p>', headers: { 'List-Unsubscribe': '<https://leverandor.dk/afmeld?id=1>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }));
    expect(m.headers.listUnsubscribe).toBe('<https://leverandor.dk/afmeld?id=1>');
    expect(classifyMessage(m)).toEqual({ kind: 'newsletter', reason: 'list_unsubscribe' });
  });
});
