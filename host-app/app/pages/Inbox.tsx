import type { Lang } from '../texts.ts';

/** Indbakke: what waits for a person; `/indbakke/<conversation>` opens one. */
export function InboxPage(props: { lang: Lang; id: string | undefined }) {
  return (
    <section class="pane" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{props.lang === 'da' ? 'Indbakke' : 'Inbox'}</h1>
      <crm-inbox lang={props.lang} conversation-id={props.id} />
    </section>
  );
}
