/** Reading aloud: the listen buttons' player, what each screen says, the runner. */
export { prefetchFirstPiece, speakSegments, stopSpeech } from './player.ts';
export { useSpeechStore } from './store.ts';
export { SpeechRunner } from './SpeechRunner.tsx';
export { ListenButton } from './ListenButton.tsx';
export { ClipLanguageChoice } from './ClipLanguageChoice.tsx';
export {
  catalogueSpeech,
  declarationStepSpeech,
  groupSpeech,
  printedDocumentSpeech,
  todayDeskSpeech,
  procedureSpeech,
  receiptSpeech,
  todaySpeech,
  type SpeechSegment,
} from './segments.ts';
