/**
 * The page's first script (index.html), a small entry of its own, so it runs before the
 * main bundle's libraries are evaluated: the configuration the first screen needs is asked
 * for at once.
 */
import { sendEarly } from './early-call.ts';

sendEarly('getKioskConfig', {});
