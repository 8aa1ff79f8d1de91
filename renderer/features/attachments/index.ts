/** Public API of the document photos: what other features may use at any time. */
export { formatBytes } from './format-bytes.ts';
