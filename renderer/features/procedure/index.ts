/** Public API of a procedure's facts that Today shows: its result promise in words. */
export { cardPromiseText } from './promise-text.ts';
