import { html } from './html.ts';
import { t } from './i18n.ts';
import { layout, type PageView } from './pages.ts';
import type { StaffSession } from '../staff/accounts.ts';
import type { RecordedLanguage } from '../speech-clips.ts';
import { formatVietnamDateTime } from '../../shared/domain/vietnam-time.ts';
import { CLIP_MAX_BYTES } from '../../shared/speech/clips.ts';

/** What a refused upload was given, shown again in its form (a browser cannot refill a file input). */
export interface ClipUploadTyped {
  language: string;
  nameVi: string;
  nameEn: string;
  key: string;
}

/**
 * Recorded languages: staff who speak Tày, Nùng, H'Mông… record what a fixed text means
 * and upload it per text key; kiosks pull the recordings with the profile and catalogue.
 */
export function speechClipsPage(
  pageView: PageView,
  session: StaffSession,
  languages: RecordedLanguage[],
  keys: Map<string, string>,
  message: { ok: boolean; text: string; reasons?: string[] } | null,
  typed: ClipUploadTyped | null = null,
): string {
  const { lang } = pageView;
  const notice = message
    ? message.ok
      ? html`<p class="notice" role="status">${message.text}</p>`
      : html`<div class="error" role="alert">
          <p>${message.text}</p>
          <ul>
            ${(message.reasons ?? []).map((r) => html`<li>${r}</li>`)}
          </ul>
        </div>`
    : '';
  const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('vi-VN')} KB`;
  const languageSection = (l: RecordedLanguage) =>
    html`<section aria-labelledby="lang-${l.code}">
      <h2 id="lang-${l.code}">${l.name[lang]} (${l.code})</h2>
      <p>${t(lang, 'clips.count', { count: l.clips.length, total: keys.size, version: l.version })}</p>
      <table>
        <caption>
          ${t(lang, 'clips.listOf', { language: l.name[lang] })}
        </caption>
        <thead>
          <tr>
            <th>${t(lang, 'clips.key')}</th>
            <th>${t(lang, 'clips.text')}</th>
            <th>${t(lang, 'clips.file')}</th>
            <th>${t(lang, 'clips.uploadedAt')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${l.clips.map(
            (c) =>
              html`<tr>
                <td><code>${c.key}</code></td>
                <td lang="vi">${c.text ?? t(lang, 'clips.keyGone')}</td>
                <td>${c.format.toUpperCase()}, ${kb(c.bytes)}</td>
                <td>${formatVietnamDateTime(c.uploadedAtMs)}</td>
                <td>
                  <form method="post" action="/speech-clips/remove">
                    <input type="hidden" name="csrf" value="${session.csrfToken}" />
                    <input type="hidden" name="language" value="${l.code}" />
                    <input type="hidden" name="key" value="${c.key}" />
                    <button
                      type="submit"
                      aria-label="${t(lang, 'clips.removeOne', { key: c.key, language: l.name[lang] })}"
                    >
                      ${t(lang, 'clips.remove')}
                    </button>
                  </form>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  const form = html`<h2>${t(lang, 'clips.upload')}</h2>
    <p>${t(lang, 'clips.uploadHelp', { max: kb(CLIP_MAX_BYTES) })}</p>
    <form method="post" action="/speech-clips" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="${session.csrfToken}" />
      <p>
        <label
          >${t(lang, 'clips.language')}<br /><input
            name="language"
            value="${typed?.language ?? ''}"
            list="clip-languages"
            required
            maxlength="40"
            autocomplete="off"
        /></label>
        <datalist id="clip-languages">
          ${languages.map((l) => html`<option value="${l.code}">${l.name[lang]}</option>`)}
        </datalist>
      </p>
      <p>
        <label
          >${t(lang, 'clips.nameVi')}<br /><input
            name="nameVi"
            value="${typed?.nameVi ?? ''}"
            maxlength="100"
        /></label>
        <label
          >${t(lang, 'clips.nameEn')}<br /><input
            name="nameEn"
            value="${typed?.nameEn ?? ''}"
            maxlength="100"
        /></label>
      </p>
      <p>
        <label
          >${t(lang, 'clips.keyChoice')}<br /><select name="key" required>
            <option value="">—</option>
            ${[...keys].map(
              ([key, text]) =>
                html`<option value="${key}" ${typed?.key === key ? html`selected` : ''}>
                  ${text} (${key})
                </option>`,
            )}
            ${
              typed?.key && !keys.has(typed.key)
                ? html`<option value="${typed.key}" selected>${typed.key}</option>`
                : ''
            }
          </select></label
        >
      </p>
      <p>
        <label
          >${t(lang, 'clips.fileChoice')}<br /><input
            type="file"
            name="file"
            accept="audio/wav,audio/x-wav,audio/ogg,audio/mpeg,.wav,.ogg,.oga,.opus,.mp3"
            required
        /></label>
      </p>
      <button type="submit">${t(lang, 'clips.publish')}</button>
    </form>`;
  return layout(
    pageView,
    t(lang, 'clips.title'),
    session,
    html`${notice}
      <p>${t(lang, 'clips.intro')}</p>
      ${languages.length === 0 ? html`<p>${t(lang, 'clips.none')}</p>` : languages.map(languageSection)}
      ${form}`,
    '/speech-clips',
  );
}
