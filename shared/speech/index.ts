/** Reading aloud: the Vietnamese normaliser, its lexicon, voices, and recorded clips. */
export { normaliseForSpeech, readCode, readTicketNumber, type NormaliseOptions } from './normalise.ts';
export { numberToWords, numeralToWords, readDigits } from './numbers.ts';
export { DEFAULT_LEXICON, mergeLexicon, type SpeechLexicon } from './lexicon.ts';
export { DEFAULT_SPEECH_VOICE, SPEECH_VOICES, type SpeechVoice } from './voices.ts';
export * from './clips.ts';
export * from './keys.ts';
