import { navigate } from '../router.ts';
import { useWidgetEvents } from '../events.ts';
import type { Lang } from '../texts.ts';

/** Søg: across everything; a result opens where it belongs (the conversation, the article, the customer). */
export function SearchPage(props: { lang: Lang }) {
  const query = new URLSearchParams(location.search).get('q') ?? '';
  const ref = useWidgetEvents<HTMLElement>({
    'crm-company-select': (e) => navigate(`/kunder/${e.detail.id}`),
    'crm-search-select': (e) => {
      const hit = e.detail.hit as { source_type: string; source_id: string; company_id: string };
      if (hit.source_type === 'chat') navigate(`/indbakke/${hit.source_id}`);
      else if (hit.source_type === 'knowledge') navigate('/viden');
      else navigate(`/kunder/${hit.company_id}`);
    },
  });
  return (
    <section class="pane" aria-labelledby="search-title">
      <h1 id="search-title">{props.lang === 'da' ? 'Søg' : 'Search'}</h1>
      <crm-search ref={ref} lang={props.lang} query={query} />
    </section>
  );
}
