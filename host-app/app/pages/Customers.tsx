import { navigate } from '../router.ts';
import { useWidgetEvents } from '../events.ts';
import type { Lang, Texts } from '../texts.ts';

/** Kunder: the list, and the chosen customer's overview and documents beside it (or instead of it on a phone). */
export function CustomersPage(props: { t: Texts; lang: Lang; id: string | undefined }) {
  const list = useWidgetEvents<HTMLElement>({ 'crm-company-select': (e) => navigate(`/kunder/${e.detail.id}`) });
  const company = useWidgetEvents<HTMLElement>({ 'crm-open': (e) => e.detail.kind === 'conversation' && navigate(`/indbakke/${e.detail.id}`) });
  return (
    <div class={`split ${props.id ? 'has-detail' : ''}`}>
      <section class="pane list-pane" aria-labelledby="customers-title">
        <h1 id="customers-title">{props.t.customers}</h1>
        <crm-companies ref={list} lang={props.lang} selected={props.id} />
      </section>
      <section class="pane detail-pane" aria-label={props.t.customers}>
        {props.id ? (
          <>
            <a class="back" href="/app/kunder">{props.t.back}</a>
            <crm-company ref={company} lang={props.lang} company-id={props.id} />
            <crm-documents lang={props.lang} company-id={props.id} />
          </>
        ) : <p class="status">{props.t.pickCustomer}</p>}
      </section>
    </div>
  );
}
