/**
 * What "Nghe" reads on the satisfaction screen: the question and the three answers to tap;
 * once one is chosen, the reasons offered and which are chosen; a failure to save; the thanks.
 */
import type { TFunction } from 'i18next';
import type { SpeechSegment } from '../speech/index.ts';
import { LEVELS, REASONS, reasonGroupOf, type SatisfactionLevel } from './levels.ts';

export function satisfactionSpeech(
  t: TFunction,
  state: {
    phase: 'choose' | 'saving' | 'failed' | 'thanks';
    level: SatisfactionLevel | null;
    reasons: readonly string[];
  },
): SpeechSegment[] {
  if (state.phase === 'thanks') return [{ text: t('thanks') }];
  const segments: SpeechSegment[] = [
    { text: t('title') },
    { text: `${t('hint')} ${LEVELS.map((l) => t(`level.${l}`)).join('; ')}.` },
  ];
  if (state.level) {
    segments.push({ text: `${t(`level.${state.level}`)} (${t('chosen')}).` });
    segments.push({ text: t('reasonTitle') });
    segments.push({
      text:
        REASONS[reasonGroupOf(state.level)]
          .map((r) => (state.reasons.includes(r) ? `${t(`reason.${r}`)} (${t('chosen')})` : t(`reason.${r}`)))
          .join('; ') + '.',
    });
  }
  if (state.phase === 'failed') segments.push({ text: t('failed') });
  return segments;
}
