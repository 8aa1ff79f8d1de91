/** The Vietnamese voices espeak-ng ships (`espeak-ng --voices=vi`): Northern, Central, Southern. */
export const SPEECH_VOICES = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'] as const;
export type SpeechVoice = (typeof SPEECH_VOICES)[number];
export const DEFAULT_SPEECH_VOICE: SpeechVoice = 'vi';
