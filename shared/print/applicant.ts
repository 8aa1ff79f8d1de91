/**
 * The applicant's contact particulars for the receipt, read from the frozen form data of
 * a dossier. The applicant is the first person who signs the declaration (requester,
 * owner, bride); their residence, phone and email are that person's fields, else the
 * first such fields on the form (a household business's phone is the business's).
 */
import type { FormDef } from '../forms/model.ts';
import { addressText } from '../forms/engine.ts';

export interface ApplicantContact {
  address: string;
  phone: string;
  email: string;
}

const ADDRESS_PART = /^(.*)\.(province|commune|detail)$/;

function addressPrefixes(data: Readonly<Record<string, string>>): string[] {
  const prefixes: string[] = [];
  for (const key of Object.keys(data)) {
    const m = ADDRESS_PART.exec(key);
    if (m && !prefixes.includes(m[1]!)) prefixes.push(m[1]!);
  }
  return prefixes;
}

function firstEndingWith(data: Readonly<Record<string, string>>, suffix: string): string {
  const key = Object.keys(data).find((k) => k.endsWith(suffix) && (data[k] ?? '').trim() !== '');
  return key === undefined ? '' : (data[key] ?? '');
}

export function applicantContact(
  form: FormDef | undefined,
  data: Readonly<Record<string, string>>,
): ApplicantContact {
  const nameField = form?.print.signatures.find((s) => s.nameField)?.nameField;
  const person = nameField?.includes('.') ? nameField.slice(0, nameField.indexOf('.')) : undefined;
  const prefixes = addressPrefixes(data);
  const own = person === undefined ? undefined : prefixes.find((p) => p.startsWith(`${person}.`));
  const prefix = own ?? prefixes[0];
  const mine = (field: string): string =>
    person === undefined ? '' : (data[`${person}.${field}`] ?? '').trim();
  return {
    address: prefix === undefined ? '' : addressText(data, prefix),
    phone: mine('phone') || firstEndingWith(data, '.phone'),
    email: mine('email') || firstEndingWith(data, '.email'),
  };
}
