/**
 * The renderer's Content Security Policy, the same under both hosts. Everything comes
 * from the kiosk's own origin (http://127.0.0.1:5170 or kiosk://app); no eval, no
 * inline script or style (Vite emits CSS files, and React's `style` prop sets styles
 * through the CSSOM, which style-src does not govern). Images may be data:/blob: URLs
 * for QR codes and document photos; workers may be blob: for the PDF renderer.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response the kiosk's origin serves. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The camera is for ID-card QR codes and document photos; nothing else is needed.
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
};
