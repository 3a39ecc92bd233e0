import type { Policy } from './config.ts';
import type { Direction, Kind } from './store.ts';

/**
 * What becomes of a message that is not correspondence with a customer. The documented policy
 * (docs/email.md), per account (webhook and imports use the plugin's):
 * - `show`: like any customer mail (timeline, search, waiting for an answer);
 * - `hide` (the default): stored and readable, but kept out of the customer's timeline, the
 *   search index, the "waiting for an answer" queue and the analysis;
 * - `skip`: not stored at all; counted as skipped with the reason.
 * Mail between our own people is `internal`; newsletters (List-Id, List-Unsubscribe),
 * auto-replies (Auto-Submitted, out-of-office, bounces) and bulk mail (Precedence: bulk,
 * no-reply senders) are recognised from their headers (parse/classify.ts).
 *
 * @example
 * decide(DEFAULT_POLICY, 'newsletter', 'in'); // 'hide'
 */
export function decide(policy: Policy, kind: Kind, direction: Direction): 'show' | 'hide' | 'skip' {
  if (direction === 'internal' && kind === 'normal') return policy.internal;
  switch (kind) {
    case 'normal': return 'show';
    case 'internal': return policy.internal;
    case 'newsletter': return policy.newsletters;
    case 'auto_reply': return policy.autoReplies;
    case 'bulk': return policy.bulk;
  }
}
