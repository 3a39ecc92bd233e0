import type { Lang } from './lang.ts';

// Danish: the Snowball Danish stop list, which is also Postgres' `danish.stop`, so the
// embedder down-weights the same words that the full-text arm ignores.
const DANISH = `og i jeg det at en den til er som på de med han af for ikke der var mig sig men et
har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv
her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit
også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange
ad bliver hendes været thi jer sådan`;

// English: Postgres' `english.stop` (what `to_tsvector('english', …)` drops), plus the
// contractions of the Snowball English list, because `tokenize` keeps "don't" whole.
const ENGLISH = `i me my myself we our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves what which who whom this
that these those am is are was were be been being have has had having do does did doing a an the and
but if or because as until while of at by for with about against between into through during before
after above below to from up down in out on off over under again further then once here there when
where why how all any both each few more most other some such no nor not only own same so than too
very s t can will just don should now i'm you're he's she's it's we're they're i've you've we've
they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't
weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot
couldn't mustn't let's that's who's what's here's there's when's where's why's how's would could ought`;

const SETS: Record<Lang, ReadonlySet<string>> = {
  da: new Set(DANISH.split(/\s+/)),
  en: new Set(ENGLISH.split(/\s+/)),
};

/**
 * The stop words of a language: lower-case function words that carry little meaning on
 * their own. The sets are frozen in spirit (typed read-only) and shared; do not mutate.
 *
 * @example
 * stopwords('da').has('og'); // true
 * stopwords('en').has('the'); // true
 * stopwords('en').has('invoice'); // false
 */
export function stopwords(lang: Lang): ReadonlySet<string> {
  return SETS[lang];
}
