/**
 * A lead list as a Danish sales team exports it from a spreadsheet: `;`-separated, Danish
 * headers, some companies with several contacts, and three broken rows at known lines.
 */
export function leadsCsv(rows: number, options: { bad?: boolean } = {}): { csv: string; badLines: number[] } {
  const lines = ['Firma;CVR;Hjemmeside;Kontaktperson;E-mail;Telefon;Stilling;Noter'];
  const badLines: number[] = [];
  // Three bad rows at the same places of any file: a tenth in, halfway, and near the end (lines 1001, 5000 and 9999 of a 10,000-row file).
  const [badEmail, badCvr, empty] = [Math.floor(rows / 10) + 1, Math.floor(rows / 2), rows - 1];
  const firstNames = ['Mette', 'Lars', 'Sofie', 'Anders', 'Camilla', 'Jens', 'Line', 'Peter', 'Ida', 'Søren'];
  const trades = ['VVS', 'Tømrer', 'El-service', 'Maler', 'Tag', 'Kloak', 'Murer', 'Glas'];
  for (let i = 0; i < rows; i++) {
    const line = i + 2;
    const c = Math.floor(i / 4);
    const company = `${trades[c % trades.length]} ${c} ApS`;
    const domain = `firma-${c}.dk`;
    const cvr = validCvr(c);
    const person = `${firstNames[i % firstNames.length]} Hansen ${i}`;
    let email = `kontakt${i}@${domain}`;
    let cvrField = cvr;
    let companyField = company;
    let domainField = domain;
    if (options.bad && line === badEmail) email = 'ikke-en-email';
    if (options.bad && line === badCvr) cvrField = '1234567';
    if (options.bad && line === empty) [companyField, cvrField, domainField, email] = ['', '', '', ''];
    if (options.bad && [badEmail, badCvr, empty].includes(line)) badLines.push(line);
    const note = i % 7 === 0 ? '"Ringer tilbage; efter 1. maj"' : '';
    lines.push([companyField, cvrField, domainField, person, email, `+45 ${20_000_000 + i}`, i % 3 ? 'Indkøb' : 'Direktør', note].join(';'));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, badLines };
}

/** The c-th valid CVR number from 10000000 (weights 2,7,6,5,4,3,2,1; the sum is divisible by 11). */
function validCvr(c: number): string {
  const base = 1_000_000 + c; // seven digits; the eighth is the check digit
  const digits = String(base).split('').map(Number);
  const sum = digits.reduce((acc, d, i) => acc + d * [2, 7, 6, 5, 4, 3, 2][i]!, 0);
  const check = (11 - (sum % 11)) % 11;
  // No digit fits when the check would be 10: move on to the next base, past the range used.
  return check === 10 ? validCvr(c + 5_000_000) : `${base}${check}`;
}
