import type { Principal } from '../auth/principal.ts';
import { ownDomains } from '../companies/resolver.ts';
import type { Company } from '../companies/store.ts';
import { contentRisks } from '../content/risks.ts';
import { CrmError } from '../errors/index.ts';

export type RiskFlag = 'payment_details' | 'external_link';

/**
 * The review of an article as it will be after a write: which risks it holds (payment details,
 * links to sites other than the own company's domains and the article's own page), and a 403
 * when it would be public with such content and the caller is not an admin. A poisoned public
 * article ("pay to account 9999-1234567 at Evil Bank") is then never published by a staff key
 * or an integration, and what an admin publishes carries its flags.
 *
 * @example
 * const riskFlags = reviewArticle(principal, self, { title, body, visibility: 'public', url: null });
 */
export function reviewArticle(
  principal: Principal,
  self: Company,
  article: { title: string; body: string; visibility: 'public' | 'internal'; url: string | null },
): RiskFlag[] {
  const domains = [...ownDomains(self), ...(article.url ? [new URL(article.url).hostname] : [])];
  const risks = contentRisks(`${article.title}\n${article.body}`, { ownDomains: domains });
  const flags = [...new Set(risks.map((r) => r.kind))].sort();
  if (article.visibility === 'public' && flags.length > 0 && !principal.scopes.has('admin')) {
    const found = risks.slice(0, 3).map((r) => `${r.kind === 'payment_details' ? 'payment details' : 'a link to another site'} (${r.match})`).join(', ');
    throw new CrmError('forbidden', `Publishing this article needs the admin scope: it contains ${found}, which the chatbot would pass on to visitors. Save it as internal, or ask an admin to publish it.`, {
      extra: { risk_flags: flags },
    });
  }
  return flags;
}
