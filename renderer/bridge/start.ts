/**
 * Imported first by main.tsx and built as a chunk of its own (vite.config.ts), so it runs
 * before the libraries' chunks are evaluated: the configuration the first screen needs is
 * asked for at once.
 */
import { sendEarly } from './early-call.ts';

sendEarly('getKioskConfig', {});
