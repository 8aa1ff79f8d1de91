import { z } from 'zod';

/**
 * Fields of the office's urlencoded configuration forms: a text box that may be left out,
 * and a field repeated per row (or a ticked box), which arrives as a list when repeated
 * and as a string when it appears once; both read as a list here.
 */
export const formText = (max: number) => z.string().max(max).default('');
export const formList = (max: number, count: number) =>
  z
    .union([z.string().max(max), z.array(z.string().max(max)).max(count)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
