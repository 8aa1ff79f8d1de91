import { z } from 'zod';

/** Text the kiosk shows in both of its languages; Vietnamese is the default. */
export const LocalisedTextSchema = z.object({
  vi: z.string().min(1),
  en: z.string().min(1),
});
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
