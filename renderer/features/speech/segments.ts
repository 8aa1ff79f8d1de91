/**
 * What each citizen screen says when "Nghe" is tapped, as a list of pieces read one after
 * the other (the first plays while the next is being made). A piece with a `key` can be
 * replaced by the office's recorded clip in the chosen language (shared/speech/keys.ts);
 * pieces with dates, codes or amounts have none and are always spoken in Vietnamese.
 * The texts are Vietnamese whatever the screen language: the voice is Vietnamese.
 */
import type { TFunction } from 'i18next';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import type { TodayView } from '../../../shared/domain/today.ts';
import { REFORM_MODELS } from '../../../shared/domain/reform-models.ts';
import { formatVnd } from '../../../shared/domain/format.ts';
import { formatVietnamDate, formatVietnamTime, weekdayOf } from '../../../shared/domain/vietnam-time.ts';
import { modelSpeechKey, procedureSpeechKey } from '../../../shared/speech/keys.ts';

export interface SpeechSegment {
  text: string;
  key?: string;
}

const piece = (text: string | null | undefined, key?: string): SpeechSegment[] =>
  text && text.trim() ? [key ? { text: text.trim(), key } : { text: text.trim() }] : [];

/** Today: the office, the date, open or closed, and each model running today with its procedures. */
export function todaySpeech(
  t: TFunction,
  today: TodayView,
  profile: OfficeProfile,
  procedureName: (code: string) => string | undefined,
  /**
   * What the screen says and the voice repeats: the desk's state ("Đang nghỉ trưa · Mở cửa
   * lại lúc 13:30"), and per model the promise line, replacing the explanation when the
   * same day no longer holds.
   */
  shown: {
    desk: { headline: string; key: string | null; detail: string | null };
    promise(model: string): { sameDay: boolean; text: string | null } | null;
  },
): SpeechSegment[] {
  const weekday = t(`weekday.${weekdayOf(today.date)}`);
  const segments = [
    ...piece(
      `${t('today.heading', { office: profile.office.name })}. ${t('today.date', { weekday, date: formatVietnamDate(today.date) })}.`,
    ),
    ...piece(shown.desk.headline, shown.desk.key ?? undefined),
    ...piece(shown.desk.detail),
  ];
  if (today.isHoliday) segments.push(...piece(t('today.holiday'), 'today.holiday'));
  if (today.models.length === 0) segments.push(...piece(t('today.noModels'), 'today.noModels'));
  for (const m of today.models) {
    const info = REFORM_MODELS[m.model];
    segments.push(...piece(info.name.vi, modelSpeechKey(m.model, 'name')));
    const promise = shown.promise(m.model);
    if (promise?.sameDay !== false)
      segments.push(...piece(info.explanation.vi, modelSpeechKey(m.model, 'explanation')));
    segments.push(...piece(promise?.text));
    if (m.returnWithinWorkingHours !== null)
      segments.push(...piece(t('today.returnWithin', { count: m.returnWithinWorkingHours })));
    for (const code of m.procedures) segments.push(...piece(procedureName(code), procedureSpeechKey(code)));
  }
  return segments;
}

/** A procedure page: what it is, whether it is same-day today, what to bring, the fee, the time. */
export function procedureSpeech(
  t: TFunction,
  procedure: Procedure,
  /** As shown: the fee (its description, and the amount due whatever is declared) and the promise sentences. */
  facts: { fee: Procedure['fee']; amountVnd: number | null; promise: readonly string[] },
): SpeechSegment[] {
  const documents =
    procedure.documents.length === 0
      ? [t('procedure.noDocuments')]
      : procedure.documents.map(
          (d) =>
            `${d.name.vi}: ${t(`procedure.docForm.${d.form}`)}, ${t('procedure.docCount', { count: d.count })}.`,
        );
  const amount = facts.amountVnd;
  return [
    ...piece(procedure.name.vi, procedureSpeechKey(procedure.code)),
    ...piece(
      `${t('procedure.code', { code: procedure.code })}. ${t('procedure.field', { field: procedure.field.vi })}.`,
    ),
    ...facts.promise.flatMap((sentence) => piece(sentence)),
    ...piece(t('procedure.documents'), 'procedure.documents'),
    ...documents.flatMap((d) => piece(d)),
    ...piece(t('procedure.fee'), 'procedure.fee'),
    ...(amount === null
      ? piece(t('procedure.feeVaries'), 'procedure.feeVaries')
      : amount === 0
        ? piece(t('procedure.feeFree'), 'procedure.feeFree')
        : piece(formatVnd(amount))),
    ...piece(facts.fee.description.vi),
    ...piece(t('procedure.time'), 'procedure.time'),
    ...piece(procedure.processingTime.description.vi),
  ];
}

/** The receipt: saved, the dossier code, when to come back, the fee. */
export function receiptSpeech(
  t: TFunction,
  /** `amountVnd`: the fee computed from the declaration, as the receipt shows it (null: not computable). */
  facts: { code: string; procedureName: string; returnText: string; amountVnd: number | null },
): SpeechSegment[] {
  const amount = facts.amountVnd;
  return [
    ...piece(t('receipt:saved'), 'receipt.saved'),
    ...piece(t('receipt:code'), 'receipt.code'),
    ...piece(facts.code),
    ...piece(`${t('receipt:procedure')}: ${facts.procedureName}.`),
    ...piece(t('receipt:returnAt'), 'receipt.returnAt'),
    ...piece(facts.returnText),
    ...piece(
      `${t('procedure.fee')}: ${amount === null ? t('procedure.feeVaries') : amount === 0 ? t('procedure.feeFree') : formatVnd(amount)}.`,
    ),
    ...piece(t('speech:keepSlip'), 'receipt.keepSlip'),
  ];
}

/** A wizard step: its question, the field being filled (label, help, what is in it), and errors. */
export function declarationStepSpeech(
  t: TFunction,
  step: {
    title: string;
    description?: string;
    alert?: string | null;
    field?: { label: string; help?: string; value: string; error?: string };
  },
): SpeechSegment[] {
  return [
    ...piece(step.title),
    ...piece(step.description),
    ...(step.alert ? [...piece(t('speech:error'), 'declaration.error'), ...piece(step.alert)] : []),
    ...(step.field
      ? [
          ...piece(step.field.label),
          ...piece(step.field.help),
          ...piece(
            step.field.value ? t('speech:fieldValue', { value: step.field.value }) : t('speech:fieldEmpty'),
          ),
          ...(step.field.error ? piece(step.field.error) : []),
        ]
      : []),
  ];
}

/**
 * Today's desk line: "Đang mở cửa" (which a recorded language can say) followed only by
 * what it does not already say ("Làm việc đến 11:30"), never the header's whole sentence
 * after it; any other state is the header's sentence as shown.
 */
export function todayDeskSpeech(
  t: TFunction,
  state: { kind: string; until?: Date },
  headerSentence: string,
): { headline: string; key: string | null; detail: string | null } {
  return state.kind === 'open' && state.until
    ? {
        headline: t('today.openNow'),
        key: 'today.openNow',
        detail: t('speech:openUntil', { time: formatVietnamTime(state.until) }),
      }
    : { headline: headerSentence, key: null, detail: null };
}

/** "Tìm thủ tục": what the screen offers, then the fields (or the results of a search) as listed. */
export function catalogueSpeech(
  t: TFunction,
  view:
    | { kind: 'groups'; groups: readonly { name: string; examples?: string; count: number }[] }
    | { kind: 'results'; procedures: readonly { code: string; name: string }[]; truncatedAt: number | null },
): SpeechSegment[] {
  if (view.kind === 'groups')
    return [
      ...piece(t('catalogue.heading')),
      ...piece(t('catalogue.groupsHeading')),
      ...view.groups.flatMap((g) =>
        piece(
          [g.name, g.examples, t('catalogue.groupCount', { count: g.count })].filter(Boolean).join('. ') +
            '.',
        ),
      ),
      // "Hoặc gõ tên thủ tục…": after the fields, as the screen offers it.
      ...piece(t('catalogue.hint')),
    ];
  return [
    ...piece(t('catalogue.heading')),
    ...piece(`${t('catalogue.results')}: ${t('catalogue.count', { count: view.procedures.length })}.`),
    ...(view.procedures.length === 0 ? piece(t('catalogue.noResults')) : []),
    ...view.procedures.flatMap((p) => piece(p.name, procedureSpeechKey(p.code))),
    ...(view.truncatedAt !== null ? piece(t('catalogue.truncated', { shown: view.truncatedAt })) : []),
  ];
}

/** One field's procedures: the field's name, then each procedure's. */
export function groupSpeech(
  group: { name: string },
  procedures: readonly { code: string; name: string }[],
): SpeechSegment[] {
  return [...piece(group.name), ...procedures.flatMap((p) => piece(p.name, procedureSpeechKey(p.code)))];
}

/** The block elements of a printed page; the words directly inside each are one piece. */
const PRINTED_BLOCKS = new Set([
  'H1',
  'H2',
  'H3',
  'H4',
  'P',
  'LI',
  'TR',
  'DT',
  'DD',
  'DIV',
  'SECTION',
  'TABLE',
  'TBODY',
  'THEAD',
]);

const tidy = (text: string) =>
  text
    .replace(/[.…_]{3,}/g, ' ')
    // "tên:Nguyễn" (label and value in two printed spans), never a time such as 09:00.
    .replace(/([\p{L})]):(?=\S)/gu, '$1: ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * What a printed paper says, read from the very HTML that was printed (shared/print), in the
 * order printed: each block's own words ("Họ, chữ đệm, tên: Nguyễn Thị Hoa") as one piece, a
 * table row's cells joined. Pictures (the QR code) and blank lines to fill have no words.
 */
export function printedDocumentSpeech(html: string): SpeechSegment[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const segments: SpeechSegment[] = [];
  const walk = (el: Element) => {
    if (el.tagName === 'STYLE' || el.tagName === 'SCRIPT') return;
    if (el.tagName === 'TR') {
      const row = [...el.children].map((c) => tidy(c.textContent ?? '')).filter(Boolean);
      if (row.length) segments.push(...piece(row.join(': ')));
      return;
    }
    let own = '';
    const flush = () => {
      if (/[\p{L}\p{N}]/u.test(own)) segments.push(...piece(tidy(own)));
      own = '';
    };
    for (const node of el.childNodes) {
      if (node.nodeType === 1 && PRINTED_BLOCKS.has((node as Element).tagName)) {
        flush();
        walk(node as Element);
      } else own += node.textContent ?? '';
    }
    flush();
  };
  walk(doc.body);
  return segments;
}
