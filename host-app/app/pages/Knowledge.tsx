import type { Lang } from '../texts.ts';

/** Viden: the knowledge base the chatbot answers from. */
export function KnowledgePage(props: { lang: Lang }) {
  return (
    <section class="pane" aria-labelledby="knowledge-title">
      <h1 id="knowledge-title" class="sr">{props.lang === 'da' ? 'Viden' : 'Knowledge'}</h1>
      <crm-knowledge lang={props.lang} />
    </section>
  );
}
