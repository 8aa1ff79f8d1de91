import path from 'node:path';
import type { LocalisedText } from '../../shared/domain/localised.ts';
import type { OfficeProfile } from '../../shared/domain/office-profile.ts';
import { validateOfficeProfile } from '../../shared/domain/profile-validation.ts';
import { jsonSyntaxErrorAt } from './json-syntax.ts';

export type ProfileCatalogue = Parameters<typeof validateOfficeProfile>[1];

/** One reason the profile cannot be used: where (a JSON path, or `(file)`) and why, in both languages. */
export interface ProfileProblem {
  path: string;
  message: LocalisedText;
}

export type ProfileLoadResult =
  | { ok: true; file: string; profile: OfficeProfile }
  | { ok: false; file: string; problems: ProfileProblem[] };

export interface LoadProfileOptions {
  file: string;
  catalogue: ProfileCatalogue;
  readFile: (file: string) => Promise<string>;
}

/** Line and column (1-based) of the first JSON syntax error, for a person with an editor. */
export function jsonErrorLocation(text: string): { line: number; column: number; found: string | null } {
  const position = Math.min(jsonSyntaxErrorAt(text) ?? text.length, text.length);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { line, column, found: position < text.length ? (text[position] ?? null) : null };
}

/**
 * Read and validate the office profile. Never throws: every way it can fail becomes a
 * problem with a place and a reason, so the host can refuse to start and say why
 * rather than run a kiosk that shows the wrong days.
 */
export async function loadOfficeProfile(options: LoadProfileOptions): Promise<ProfileLoadResult> {
  const { file, catalogue, readFile } = options;
  let text: string;
  try {
    text = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const message: LocalisedText =
      code === 'ENOENT'
        ? { vi: 'Không tìm thấy tệp hồ sơ cơ quan.', en: 'The office profile file does not exist.' }
        : {
            vi: `Không đọc được tệp hồ sơ cơ quan (${code ?? String(error)}).`,
            en: `The office profile file cannot be read (${code ?? String(error)}).`,
          };
    return { ok: false, file, problems: [{ path: '(file)', message }] };
  }
  // Windows editors (Notepad) save UTF-8 with a byte-order mark, which JSON.parse rejects.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const { line, column, found } = jsonErrorLocation(text);
    const what: LocalisedText =
      found === null
        ? { vi: 'tệp kết thúc giữa chừng', en: 'the file ends too early' }
        : { vi: `gặp ký tự "${found}" không đúng chỗ`, en: `unexpected "${found}"` };
    return {
      ok: false,
      file,
      problems: [
        {
          path: `(JSON, line ${line}, column ${column})`,
          message: {
            vi: `Lỗi cú pháp JSON ở dòng ${line}, cột ${column}: ${what.vi}.`,
            en: `JSON syntax error at line ${line}, column ${column}: ${what.en}.`,
          },
        },
      ],
    };
  }

  const result = validateOfficeProfile(raw, catalogue);
  if (result.ok) return { ok: true, file, profile: result.profile };
  return {
    ok: false,
    file,
    problems: result.errors.map((e) => ({ path: e.path || '(root)', message: e.message })),
  };
}

/** The text both hosts show (stderr, error dialog) when they refuse to start. */
export function formatProfileProblems(file: string, problems: readonly ProfileProblem[]): string {
  const lines = [
    'Hồ sơ cơ quan (office profile) không dùng được — kiosk không khởi động.',
    'The office profile cannot be used — the kiosk will not start.',
    `Tệp / File: ${file}`,
    '',
  ];
  for (const problem of problems) {
    lines.push(`• ${problem.path}`);
    lines.push(`    ${problem.message.vi}`);
    lines.push(`    ${problem.message.en}`);
  }
  lines.push('', 'Sửa tệp rồi khởi động lại. / Fix the file and start again.');
  return lines.join('\n');
}

export interface ProfileLocationOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** `<data dir>/office-profile.json`, where an officer installs the office's profile. */
  installedProfile: string;
  /** The example profile used in development when nothing is installed; none in releases. */
  developmentDefault: string | null;
  exists: (file: string) => boolean;
}

export type ProfileLocation =
  | { ok: true; file: string; source: 'env' | 'data-dir' | 'development-default' }
  | { ok: false; file: string; problems: ProfileProblem[] };

/**
 * Which profile to load: `KIOSK_PROFILE`, else the one installed in the data folder,
 * else (development only) the Pác Nặm example. A release with no profile refuses to
 * start: an example office's schedule on a real kiosk would be wrong days.
 */
export function locateOfficeProfile(options: ProfileLocationOptions): ProfileLocation {
  const fromEnv = options.env.KIOSK_PROFILE?.trim();
  if (fromEnv) return { ok: true, file: path.resolve(fromEnv), source: 'env' };
  if (options.exists(options.installedProfile))
    return { ok: true, file: options.installedProfile, source: 'data-dir' };
  if (options.developmentDefault)
    return { ok: true, file: options.developmentDefault, source: 'development-default' };
  return {
    ok: false,
    file: options.installedProfile,
    problems: [
      {
        path: '(file)',
        message: {
          vi: `Chưa cài hồ sơ cơ quan. Đặt tệp vào ${options.installedProfile} hoặc chỉ đường dẫn bằng biến KIOSK_PROFILE.`,
          en: `No office profile is installed. Put it at ${options.installedProfile} or point KIOSK_PROFILE at it.`,
        },
      },
    ],
  };
}
