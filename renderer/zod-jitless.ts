/**
 * zod without compiled parsers, set before any schema exists (main.tsx imports this before
 * anything that defines one). The renderer's Content Security Policy forbids eval, so the
 * compiled parsers could never run here, and zod's probe for them at the first z.object()
 * is reported as a CSP violation at every start.
 */
import { config } from 'zod';

config({ jitless: true });
