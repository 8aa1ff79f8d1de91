import { html, type Html } from './html.ts';
import { t, type Lang } from './i18n.ts';

/** One reason a configuration form was not published, linked to the part of the form it concerns. */
export interface RefusalItem {
  href: string;
  place: string;
  text: Html | string;
}

/** The alert at the top of a refused configuration form: how many places to fix, each linked. */
export function refusalSummary(lang: Lang, items: readonly RefusalItem[]): Html {
  return html`<div class="error" role="alert" id="problems">
    <p><strong>${t(lang, 'configForm.refused', { count: items.length })}</strong></p>
    <ul>
      ${items.map((i) => html`<li><a href="${i.href}">${i.place}</a> — ${i.text}</li>`)}
    </ul>
  </div>`;
}
