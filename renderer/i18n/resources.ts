/** Both languages' strings together, for tests that read or compare them. The app loads them by language (./index.ts). */
import { enResources } from './resources-en.ts';
import { viResources } from './resources-vi.ts';

export const resources = { vi: viResources, en: enResources } as const;
