import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

type Rendered = { text: string; src: string } | { text: string; failed: true };

/**
 * A QR code rendered offline into an <img> with an accessible name. Error correction M
 * and a 4-module quiet zone read reliably from a phone held at arm's length.
 */
export function QrImage({ text, alt, errorText }: { text: string; alt: string; errorText: string }) {
  const [rendered, setRendered] = useState<Rendered | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 280 })
      .then((src) => live && setRendered({ text, src }))
      .catch(() => live && setRendered({ text, failed: true }));
    return () => {
      live = false;
    };
  }, [text]);
  // Until the image for *this* text is ready, show nothing rather than a stale code.
  if (!rendered || rendered.text !== text) return <div className="qr-placeholder" aria-hidden="true" />;
  if ('failed' in rendered) return <p role="alert">{errorText}</p>;
  return <img className="qr" src={rendered.src} alt={alt} width={280} height={280} />;
}
