import type { Company, SearchHit, TextAnalysis } from '../../plugin-api.d.ts';

/**
 * The business's own domains: its domain, `attributes.own_domains`, and the hosts of the
 * website the chat runs on. Links there may be passed on to visitors; others may not.
 *
 * @example
 * ownDomains(self, ['https://www.nordlys-tag.dk']); // ['nordlys-tag.dk', 'www.nordlys-tag.dk']
 */
export function ownDomains(self: Company, siteOrigins: readonly string[] = []): string[] {
  const extra = Array.isArray(self.attributes.own_domains) ? self.attributes.own_domains.filter((d): d is string => typeof d === 'string') : [];
  const hosts = siteOrigins.flatMap((origin) => {
    try {
      return [new URL(origin).hostname];
    } catch {
      return [];
    }
  });
  return [...new Set([self.domain, ...extra, ...hosts].filter((d): d is string => Boolean(d)).map((d) => d.toLowerCase()))];
}

/**
 * The passages the bot may answer from, with what it must never pass on taken out: sentences
 * with payment details (an account, IBAN, MobilePay, a wallet) from any source, and sentences
 * linking to other sites unless they come from the knowledge base (whose public articles with
 * such links an admin published). A poisoned page or document can then not make the bot tell a
 * visitor where to send money. `withheld` says payment details were taken out.
 *
 * @example
 * const { hits: safe, withheld } = safePassages(hits, ctx.text, ownDomains(self, site.allowed_origins));
 */
export function safePassages(hits: SearchHit[], text: TextAnalysis, domains: readonly string[]): { hits: SearchHit[]; withheld: boolean } {
  let withheld = false;
  const safe: SearchHit[] = [];
  for (const hit of hits) {
    const risks = text.risks(hit.content, domains);
    if (risks.length === 0) {
      safe.push(hit);
      continue;
    }
    // A match can span sentences ("reg.nr. 1234. Konto 0012345678"): a sentence holding any
    // part of one (its text, or a run of six or more of its digits) goes too.
    const payments = risks.filter((r) => r.kind === 'payment_details').map((r) => r.match);
    const runs = payments.flatMap((m) => m.match(/\d{6,}/g) ?? []);
    const holdsPayment = (sentence: string) =>
      payments.some((m) => sentence.includes(m)) || runs.some((run) => sentence.replace(/\D/g, ' ').split(' ').includes(run));
    const kept = text.sentences(hit.content).filter((sentence) => {
      const found = text.risks(sentence, domains);
      if (holdsPayment(sentence) || found.some((r) => r.kind === 'payment_details')) {
        withheld = true;
        return false;
      }
      return hit.sourceType === 'knowledge' || !found.some((r) => r.kind === 'external_link');
    });
    if (kept.length > 0) safe.push({ ...hit, content: kept.join(' ') });
  }
  return { hits: safe, withheld };
}
