import { describe, expect, it } from 'vitest';
import { newPart, newPartOfHtml } from './quotes.ts';
import { sanitizeHtml } from './sanitize.ts';

const body = (...lines: string[]) => lines.join('\n');

describe('newPart: Outlook-style history (no > markers)', () => {
  it('Outlook desktop, Danish: the company signature stays, the header block and all below is quoted', () => {
    const text = body(
      'Hej Jens',
      '',
      'Tak for tilbuddet. Vi vil gerne have arbejdet udført i uge 12.',
      '',
      'Med venlig hilsen',
      'Mette Jensen',
      'Indkøber',
      'Kunde A/S',
      'Tlf. 12 34 56 78',
      '',
      'Fra: Jens Hansen <jens@nordlys-tag.dk> ',
      'Sendt: 2. december 2026 10:14',
      'Til: Mette Jensen <mette@kunde.dk>',
      'Cc: Ole Olsen <ole@kunde.dk>',
      'Emne: Tilbud på tagrenovering',
      '',
      'Hej Mette',
      '',
      'Hermed tilbud på renovering af taget.',
    );
    const r = newPart(text);
    expect(r.text).toBe(body('Hej Jens', '', 'Tak for tilbuddet. Vi vil gerne have arbejdet udført i uge 12.', '', 'Med venlig hilsen', 'Mette Jensen', 'Indkøber', 'Kunde A/S', 'Tlf. 12 34 56 78'));
    expect(r.quoted).toMatch(/^Fra: Jens Hansen/);
    expect(r.quoted).toContain('Hermed tilbud på renovering af taget.');
    expect(r.signature).toBeNull();
  });

  it('Outlook with bold markers (*Fra:*), as Gmail renders Outlook HTML to text, and "Vedr.:"', () => {
    const r = newPart(body(
      'Det er i orden.',
      '',
      '*Fra:* Jens Hansen [mailto:jens@nordlys-tag.dk]',
      '*Sendt:* 2. december 2026 10:14',
      '*Til:* Mette Jensen',
      '*Vedr.:* Tilbud',
      '',
      'Gammel tekst',
    ));
    expect(r.text).toBe('Det er i orden.');
    expect(r.quoted).toContain('Gammel tekst');
  });

  it('Outlook on the web, Danish: the underscore rule above the header block goes with it', () => {
    const r = newPart(body(
      'Hej igen,',
      'vi bekræfter mødet torsdag.',
      '',
      '________________________________',
      'Fra: Jens Hansen <jens@nordlys-tag.dk>',
      'Sendt: tirsdag den 2. december 2026 10:14',
      'Til: Mette Jensen <mette@kunde.dk>',
      'Emne: Møde',
      '',
      'Kan vi mødes torsdag?',
    ));
    expect(r.text).toBe('Hej igen,\nvi bekræfter mødet torsdag.');
    expect(r.quoted).toMatch(/^_{32}\nFra: Jens Hansen/);
  });

  it('Outlook, English, with a To line wrapped over several lines and CRLF line ends', () => {
    const r = newPart(
      [
        'Thanks, confirmed.',
        '',
        'From: Mette Jensen <mette@kunde.dk>',
        'Sent: Tuesday, December 2, 2026 10:14 AM',
        'To: Jens Hansen <jens@nordlys-tag.dk>; Ole Olsen <ole@nordlys-tag.dk>; Karen',
        'Nielsen <karen@nordlys-tag.dk>',
        'Subject: RE: Quote for the roof',
        '',
        'Can you confirm?',
      ].join('\r\n'),
    );
    expect(r.text).toBe('Thanks, confirmed.');
    expect(r.quoted).toContain('Can you confirm?');
  });

  it('"-----Oprindelig meddelelse-----" and "-----ORIGINAL MESSAGE-----" in any case', () => {
    expect(newPart('Ok.\n\n-----Oprindelig meddelelse-----\nFra: Jens\nSendt: 2. december 2026 10:14\nTil: Mette\nEmne: X\n\nTekst').text).toBe('Ok.');
    expect(newPart('Fine.\n\n-----ORIGINAL MESSAGE-----\nFrom: Jens\nSent: Tuesday\nTo: Mette\nSubject: X\n\nText').text).toBe('Fine.');
  });

  it('Mail for Windows with its signature line above an Outlook header block', () => {
    const r = newPart('Hi Jens\n\nYes, Thursday works.\n\nSent from Mail for Windows\n\nFrom: Mette Jensen\nSent: 2 December 2026 10:14\nTo: Jens Hansen\nSubject: Meeting\n\nThursday?');
    expect(r).toEqual({ text: 'Hi Jens\n\nYes, Thursday works.', quoted: 'From: Mette Jensen\nSent: 2 December 2026 10:14\nTo: Jens Hansen\nSubject: Meeting\n\nThursday?', signature: 'Sent from Mail for Windows' });
  });

  it('Outlook for iOS, Danish: "Hent Outlook til iOS<link>" is the signature', () => {
    const r = newPart(body(
      'Fint, vi ses.',
      '',
      'Hent Outlook til iOS<https://aka.ms/o0ukef>',
      '________________________________',
      'Fra: Jens Hansen <jens@nordlys-tag.dk>',
      'Sendt: Tuesday, December 2, 2026 10:14:00 AM',
      'Til: Mette Jensen <mette@kunde.dk>',
      'Emne: Møde',
      '',
      'Torsdag kl. 10?',
    ));
    expect(r.text).toBe('Fint, vi ses.');
    expect(r.signature).toBe('Hent Outlook til iOS<https://aka.ms/o0ukef>');
    expect(r.quoted).toContain('Torsdag kl. 10?');
  });

  it('German Outlook (Von / Gesendet / An / Betreff) and a German attribution', () => {
    expect(newPart('Danke!\n\nVon: Mette Jensen <mette@kunde.dk>\nGesendet: Dienstag, 2. Dezember 2026 10:14\nAn: Jens\nBetreff: Angebot\n\nHallo').text).toBe('Danke!');
    expect(newPart('Danke!\n\nAm 02.12.2026 um 10:14 schrieb Mette Jensen <mette@kunde.dk>:\n> Hallo').text).toBe('Danke!');
  });
});

describe('newPart: attribution lines and > quotes', () => {
  it('Gmail, English, top-posting', () => {
    const r = newPart(body(
      'Sounds good, see you then.',
      '',
      'Jens',
      '',
      'On Tue, 2 Dec 2026 at 10:14, Mette Jensen <mette@kunde.dk> wrote:',
      '',
      '> Hi Jens,',
      '>',
      '> Can we meet Thursday?',
      '>',
      '> Mette',
      '',
    ));
    expect(r.text).toBe('Sounds good, see you then.\n\nJens');
    expect(r.quoted).toBe('On Tue, 2 Dec 2026 at 10:14, Mette Jensen <mette@kunde.dk> wrote:\n> Hi Jens,\n>\n> Can we meet Thursday?\n>\n> Mette');
  });

  it('Gmail, English, with the attribution wrapped over two lines', () => {
    const r = newPart(body(
      'Great, thanks!',
      '',
      'On Tue, 2 Dec 2026 at 10:14, Mette Jensen from Kunde A/S <',
      'mette@kunde.dk> wrote:',
      '',
      '> Here is the drawing.',
    ));
    expect(r.text).toBe('Great, thanks!');
    expect(r.quoted).toMatch(/^On Tue, 2 Dec 2026 at 10:14, Mette Jensen from Kunde A\/S <\nmette@kunde.dk> wrote:/);
  });

  it('Gmail, English, with "wrote:" wrapped onto a line of its own', () => {
    const r = newPart('Ok!\n\nOn Tue, 2 Dec 2026 at 10:14, Mette Jensen <mette@kunde.dk>\nwrote:\n\n> Fredag?');
    expect(r).toEqual({ text: 'Ok!', quoted: 'On Tue, 2 Dec 2026 at 10:14, Mette Jensen <mette@kunde.dk>\nwrote:\n> Fredag?', signature: null });
  });

  it('Gmail, Danish: "Den tir. 2. dec. 2026 kl. 10.14 skrev …:" and "man. 1. dec. 2026 kl. 09:03 skrev …:"', () => {
    expect(newPart('Tak!\n\nDen tir. 2. dec. 2026 kl. 10.14 skrev Mette Jensen <mette@kunde.dk>:\n\n> Hej Jens').text).toBe('Tak!');
    expect(newPart('Tak!\n\nman. 1. dec. 2026 kl. 09:03 skrev Mette Jensen <mette@kunde.dk>:\n\n> Hej Jens').text).toBe('Tak!');
  });

  it('Apple Mail, Danish (macOS "2. dec. 2026 kl. 10.14 skrev …:" and iOS "Den 2. dec. …"), also without > lines after', () => {
    expect(newPart('Det passer fint.\n\n2. dec. 2026 kl. 10.14 skrev Mette Jensen <mette@kunde.dk>:\n\n> Passer torsdag?').text).toBe('Det passer fint.');
    expect(newPart('Det passer fint.\n\nDen 2. dec. 2026 kl. 10.14 skrev Mette Jensen <mette@kunde.dk>:\n\nPasser torsdag?').text).toBe('Det passer fint.');
  });

  it('iPhone, Danish: "Sendt fra min iPhone" is the signature, the attribution sits inside the > block', () => {
    const r = newPart(body(
      'Ja tak',
      '',
      'Mvh Mette',
      '',
      'Sendt fra min iPhone',
      '',
      '> Den 2. dec. 2026 kl. 10.14 skrev Jens Hansen <jens@nordlys-tag.dk>:',
      '> ',
      '> Hej Mette',
      '> Skal vi bestille materialerne?',
    ));
    expect(r).toEqual({
      text: 'Ja tak\n\nMvh Mette',
      quoted: '> Den 2. dec. 2026 kl. 10.14 skrev Jens Hansen <jens@nordlys-tag.dk>:\n> \n> Hej Mette\n> Skal vi bestille materialerne?',
      signature: 'Sendt fra min iPhone',
    });
  });

  it('Apple Mail, English (iPhone "Sent from my iPhone", "On 2 Dec 2026, at 10:14, … wrote:")', () => {
    const r = newPart('Yes please.\n\nSent from my iPhone\n\nOn 2 Dec 2026, at 10:14, Mette Jensen <mette@kunde.dk> wrote:\n\n> Shall we order?');
    expect(r).toEqual({ text: 'Yes please.', quoted: 'On 2 Dec 2026, at 10:14, Mette Jensen <mette@kunde.dk> wrote:\n> Shall we order?', signature: 'Sent from my iPhone' });
  });

  it('Thunderbird, English and Danish (no address in the attribution, or the address first)', () => {
    expect(newPart('Agreed.\n\nOn 02/12/2026 10:14, Mette Jensen wrote:\n> Shall we?').text).toBe('Agreed.');
    expect(newPart('Enig.\n\nDen 02-12-2026 kl. 10:14 skrev Mette Jensen:\n> Skal vi?').text).toBe('Enig.');
    expect(newPart('Enig.\n\nMette Jensen <mette@kunde.dk> skrev den 02-12-2026 10:14:\n> Skal vi?').text).toBe('Enig.');
  });

  it('French attribution (bonus)', () => {
    expect(newPart('Merci\n\nLe mar. 2 déc. 2026 à 10:14, Mette Jensen <mette@kunde.dk> a écrit :\n> Bonjour').text).toBe('Merci');
  });

  it('bottom-posting: the answer below the quote is the new part', () => {
    const r = newPart(body(
      'On Tue, 2 Dec 2026 at 10:14, Mette Jensen <mette@kunde.dk> wrote:',
      '> Kan I levere fredag?',
      '',
      'Ja, fredag passer fint.',
      '',
      'Mvh Jens',
    ));
    expect(r.text).toBe('Ja, fredag passer fint.\n\nMvh Jens');
    expect(r.quoted).toBe('On Tue, 2 Dec 2026 at 10:14, Mette Jensen <mette@kunde.dk> wrote:\n> Kan I levere fredag?');
  });

  it('inline replies: the answers between the quoted lines are kept, the quoted lines cut', () => {
    const r = newPart(body(
      'Hej Mette',
      '',
      'Svar nedenfor.',
      '',
      'Mette Jensen skrev:',
      '> 1. Kan I levere fredag?',
      'Ja.',
      '',
      '> 2. Hvad koster det?',
      '12.500 kr. ekskl. moms.',
      '',
      'Mvh Jens',
      '-- ',
      'Jens Hansen, Nordlys Tag ApS',
    ));
    expect(r.text).toBe('Hej Mette\n\nSvar nedenfor.\n\nJa.\n\n12.500 kr. ekskl. moms.\n\nMvh Jens');
    expect(r.quoted).toBe('Mette Jensen skrev:\n> 1. Kan I levere fredag?\n> 2. Hvad koster det?');
    expect(r.signature).toBe('-- \nJens Hansen, Nordlys Tag ApS');
  });

  it('nested quotes go whole', () => {
    const r = newPart(body(
      'Fint.',
      '',
      'On Wed, 3 Dec 2026 at 08:00, Jens Hansen <jens@nordlys-tag.dk> wrote:',
      '> Ok, onsdag så.',
      '>',
      '> On Tue, 2 Dec 2026 at 10:14, Mette Jensen <mette@kunde.dk> wrote:',
      '>> Hvornår kan I?',
    ));
    expect(r.text).toBe('Fint.');
    expect(r.quoted).toContain('>> Hvornår kan I?');
  });

  it('keeps a sentence before an attribution that the wrap-join would otherwise swallow', () => {
    const r = newPart('Tak.\nMette Jensen <mette@kunde.dk> wrote:\n> Hi');
    expect(r.text).toBe('Tak.');
  });
});

describe('newPart: forwards', () => {
  it('Gmail forward with a note: the note is the new part, the forwarded mail is quoted', () => {
    const r = newPart(body(
      'Kan du tage den her, Ole?',
      '',
      '---------- Forwarded message ---------',
      'From: Mette Jensen <mette@kunde.dk>',
      'Date: Tue, 2 Dec 2026 at 10:14',
      'Subject: Tilbud',
      'To: <salg@nordlys-tag.dk>',
      '',
      'Hej, kan I give et tilbud?',
    ));
    expect(r.text).toBe('Kan du tage den her, Ole?');
    expect(r.quoted).toMatch(/^---------- Forwarded message ---------\nFrom: Mette Jensen/);
  });

  it('Apple Mail forwards: "Begin forwarded message:" and "Start på videresendt besked:"', () => {
    expect(newPart('Til info\n\nBegin forwarded message:\n\nFrom: Mette Jensen <mette@kunde.dk>\nSubject: Tilbud\nDate: 2 December 2026 at 10:14:00 CET\nTo: salg@nordlys-tag.dk\n\nHej').text).toBe('Til info');
    expect(newPart('Til info\n\nStart på videresendt besked:\n\nFra: Mette Jensen <mette@kunde.dk>\nEmne: Tilbud\nDato: 2. december 2026 kl. 10.14.00 CET\nTil: salg@nordlys-tag.dk\n\nHej').text).toBe('Til info');
  });

  it('Thunderbird forward: "-------- Videresendt meddelelse --------" with Emne/Dato/Fra/Til', () => {
    const r = newPart('Se her\n\n-------- Videresendt meddelelse --------\nEmne: Tilbud\nDato: Tue, 2 Dec 2026 10:14:00 +0100\nFra: Mette Jensen <mette@kunde.dk>\nTil: salg@nordlys-tag.dk\n\nHej');
    expect(r.text).toBe('Se her');
  });

  it('a forward without a note keeps the whole text: the forwarded mail is the message', () => {
    const text = '\n\nFra: Mette Jensen <mette@kunde.dk>\nSendt: 2. december 2026 10:14\nTil: Salg <salg@nordlys-tag.dk>\nEmne: Tilbud\n\nHej, kan I give et tilbud?';
    expect(newPart(text)).toEqual({ text: text.trim(), quoted: null, signature: null });
  });
});

describe('newPart: what must not be cut', () => {
  it('a plain new message stays whole', () => {
    const text = 'Hej Jens\n\nKan I give et tilbud på et nyt tag til Vestervej 4?\nDet er ca. 140 m².\n\nMed venlig hilsen\nMette Jensen\nKunde A/S';
    expect(newPart(text)).toEqual({ text, quoted: null, signature: null });
  });

  it('"fra:" mid-sentence, a first line "Til: alle", opening hours as Fra/Til lines', () => {
    const mention = 'Hej Jens\n\nVi har fået priser fra: Stark, Bauhaus og XL-Byg.\nDen laveste er fra Stark.\n\nMvh Mette';
    expect(newPart(mention).text).toBe(mention);
    const list = 'Til: alle\n\nHusk personalemødet i morgen kl. 9.\n\nHilsen Ledelsen';
    expect(newPart(list).text).toBe(list);
    const hours = 'Vores åbningstider:\nFra: 8.00\nTil: 16.00\n\nMvh Mette';
    expect(newPart(hours).text).toBe(hours);
  });

  it('a sentence with "skrev" and a colon, and one with a time, are no attribution', () => {
    const text = 'I går skrev jeg 3 punkter ned:\n- tagrender\n- stillads\n- container\n\nKl. 10.00 skrev vi under:\nkontrakten er sendt.';
    expect(newPart(text).text).toBe(text);
  });

  it('"Med venlig hilsen" and a long company signature stay (no "-- " delimiter)', () => {
    const text = 'Hej\n\nVedlagt faktura.\n\nMed venlig hilsen\n\nMette Jensen\nBogholder\nKunde A/S | Industrivej 1 | 8000 Aarhus C\nTlf. +45 12 34 56 78\nwww.kunde.dk';
    expect(newPart(text)).toEqual({ text, quoted: null, signature: null });
  });

  it('a mobile signature line in the middle of the text is content', () => {
    const text = 'Jeg skrev "Sendt fra min iPhone" i signaturen.\nSendt fra min iPhone\nog så mere tekst her.';
    expect(newPart(text).text).toBe(text);
  });
});

describe('newPart: signatures', () => {
  it('cuts at "-- " and keeps the rest of the signature separately', () => {
    expect(newPart('Tak\n\n-- \nJens Hansen\nNordlys Tag ApS\nwww.nordlys-tag.dk')).toEqual({ text: 'Tak', quoted: null, signature: '-- \nJens Hansen\nNordlys Tag ApS\nwww.nordlys-tag.dk' });
  });

  it('"--" without its space only when what follows is signature-sized', () => {
    expect(newPart('Tak\n--\nJens').signature).toBe('--\nJens');
    const long = ['Intro', '--', ...Array.from({ length: 15 }, (_, i) => `Punkt ${i + 1}`)].join('\n');
    expect(newPart(long).signature).toBeNull();
  });

  it('mobile signatures in Danish and English', () => {
    for (const line of ['Sendt fra min iPad', 'Sendt fra Outlook til Android', 'Sendt fra Outlook til iOS', 'Sent from my Samsung Galaxy smartphone.', 'Get Outlook for Android<https://aka.ms/ghei36>', 'Hentet fra Outlook til iOS', 'Sent from Mail for Windows 10']) {
      expect(newPart(`Ok\n\n${line}`)).toEqual({ text: 'Ok', quoted: null, signature: line });
    }
  });
});

describe('newPartOfHtml', () => {
  const cases: [string, string, string][] = [
    [
      'Gmail (Danish attribution inside .gmail_quote)',
      '<div dir="ltr">Ja tak!<div><br></div><div>Mette</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Den tir. 2. dec. 2026 kl. 10.14 skrev Jens Hansen &lt;<a href="mailto:jens@nordlys-tag.dk">jens@nordlys-tag.dk</a>&gt;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr">Skal vi bestille?</div></blockquote></div>',
      'Ja tak!\n\nMette',
    ],
    [
      'Outlook desktop (border-top:solid #E1E1E1 header div and everything after)',
      '<div class="WordSection1"><p class="MsoNormal">Hej Jens<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Det er fint.<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Med venlig hilsen<o:p></o:p></p><p class="MsoNormal">Mette<o:p></o:p></p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>Fra:</b> Jens Hansen &lt;jens@nordlys-tag.dk&gt;<br><b>Sendt:</b> 2. december 2026 10:14<br><b>Til:</b> Mette Jensen<br><b>Emne:</b> Tilbud<o:p></o:p></p></div></div><p class="MsoNormal">Hermed tilbud<o:p></o:p></p></div>',
      'Hej Jens\n\nDet er fint.\n\nMed venlig hilsen\nMette',
    ],
    [
      'Outlook desktop, older (border-top:solid #B5C4DF)',
      '<p class=MsoNormal>OK<o:p></o:p></p><div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class=MsoNormal><b>From:</b> Jens<br><b>Sent:</b> Tuesday<br><b>To:</b> Mette<br><b>Subject:</b> X</p></div><p class=MsoNormal>Old</p>',
      'OK',
    ],
    [
      'Outlook on the web (#appendonsend, hr, #divRplyFwdMsg)',
      '<div style="font-family:Calibri">Vi ses torsdag.</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri"><b>Fra:</b> Jens Hansen<br><b>Sendt:</b> 2. december 2026 10:14<br><b>Til:</b> Mette<br><b>Emne:</b> Møde</font><div>&nbsp;</div></div><div>Torsdag?</div>',
      'Vi ses torsdag.',
    ],
    [
      'Outlook on the web, quoting a quote (x_ prefixed ids)',
      '<div>Ja</div><div id="x_divRplyFwdMsg"><b>From:</b> A<br><b>Sent:</b> B</div><div>old</div>',
      'Ja',
    ],
    [
      'Apple Mail (attribution above blockquote type=cite)',
      '<div>Det passer fint.<br><br><div>Den 2. dec. 2026 kl. 10.14 skrev Mette Jensen &lt;mette@kunde.dk&gt;:</div><br class="Apple-interchange-newline"><blockquote type="cite"><div>Passer torsdag?</div></blockquote></div>',
      'Det passer fint.',
    ],
    [
      'Thunderbird (.moz-cite-prefix + blockquote)',
      '<p>Agreed.</p><div class="moz-cite-prefix">On 02/12/2026 10:14, Mette Jensen wrote:<br></div><blockquote type="cite" cite="mid:x@y">Shall we?</blockquote>',
      'Agreed.',
    ],
    [
      'Yahoo (.yahoo_quoted)',
      '<div class="ydp1"><div>Thanks!</div></div><div id="yahoo_quoted_123" class="yahoo_quoted"><div>On Tuesday, 2 December 2026, 10:14:00 CET, Mette &lt;m@kunde.dk&gt; wrote:</div><div>Hi</div></div>',
      'Thanks!',
    ],
    [
      'Outlook for Mac/iOS (#mail-editor-reference-message-container)',
      '<div>Fint</div><div id="ms-outlook-mobile-signature">Hent Outlook til iOS</div><div id="mail-editor-reference-message-container"><div><b>Fra:</b> Jens<br><b>Dato:</b> tirsdag<br><b>Til:</b> Mette<br><b>Emne:</b> X</div><div>Gammel</div></div>',
      'Fint',
    ],
    [
      'Zimbra (hr#zwchr and everything after)',
      '<div>Modtaget, tak.</div><hr id="zwchr"><div><b>Fra: </b>Jens<br><b>Til: </b>Mette<br><b>Sendt: </b>2. dec. 2026<br><b>Emne: </b>X</div><div>Gammel</div>',
      'Modtaget, tak.',
    ],
    [
      'inline replies between blockquotes keep the answers',
      '<div>Svar nedenfor</div><blockquote type="cite">Kan I fredag?</blockquote><div>Ja.</div><blockquote type="cite">Pris?</blockquote><div>12.500 kr.</div>',
      'Svar nedenfor\nJa.\n12.500 kr.',
    ],
    [
      'an HTML mail without quotes',
      '<p>Hej Jens,</p><p>Kan I give et tilbud?</p><p>Mvh Mette</p>',
      'Hej Jens,\n\nKan I give et tilbud?\n\nMvh Mette',
    ],
  ];

  for (const [name, html, expected] of cases) {
    it(name, () => {
      expect(newPartOfHtml(html)).toBe(expected);
      // The integrator gets sanitised HTML: the markers must survive sanitising.
      expect(newPartOfHtml(sanitizeHtml(html).html)).toBe(expected);
    });
  }

  it('a Gmail forward without a note gives the forwarded mail; one with a note gives the note', () => {
    const forwarded = '<div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: <b>Mette</b> &lt;m@kunde.dk&gt;<br>Date: Tue, 2 Dec 2026<br>Subject: Tilbud<br></div><br><div>Hej, kan I give et tilbud?</div></div>';
    expect(newPartOfHtml(`<div dir="ltr"><br></div>${forwarded}`)).toContain('Hej, kan I give et tilbud?');
    expect(newPartOfHtml(`<div dir="ltr">Til dig, Ole</div>${forwarded}`)).toBe('Til dig, Ole');
  });

  it('null for HTML without text', () => {
    expect(newPartOfHtml('')).toBeNull();
    expect(newPartOfHtml('<div><img src="cid:x"></div>')).toBeNull();
  });
});
