/**
 * The text keys a recorded clip can stand for. Only texts that do not change from one
 * citizen to the next have a key (headings, plain-language explanations, procedure names):
 * dates, codes and amounts are always spoken by the Vietnamese voice, since a clip cannot
 * know them.
 */
import type { Catalogue } from '../domain/procedure.ts';
import { REFORM_MODEL_IDS } from '../domain/reform-model.ts';

export const STATIC_SPEECH_KEYS = [
  'today.openNow',
  'today.closedNow',
  'today.holiday',
  'today.noModels',
  'procedure.documents',
  'procedure.fee',
  'procedure.feeFree',
  'procedure.feeVaries',
  'procedure.time',
  'receipt.saved',
  'receipt.code',
  'receipt.returnAt',
  'receipt.keepSlip',
  'declaration.error',
] as const;

export const modelSpeechKey = (model: string, part: 'name' | 'explanation') => `model.${model}.${part}`;
export const procedureSpeechKey = (code: string) => `procedure.${code}.name`;

/** Every key a clip may be published for, with this catalogue. */
export function speechKeysFor(catalogue: Pick<Catalogue, 'procedures'>): Set<string> {
  const keys = new Set<string>(STATIC_SPEECH_KEYS);
  for (const model of REFORM_MODEL_IDS) {
    keys.add(modelSpeechKey(model, 'name'));
    keys.add(modelSpeechKey(model, 'explanation'));
  }
  for (const p of catalogue.procedures) keys.add(procedureSpeechKey(p.code));
  return keys;
}
