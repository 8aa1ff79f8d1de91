import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import jsQR from 'jsqr';
import { Dialog } from '../../ui/index.ts';

type CameraState = 'starting' | 'scanning' | 'denied' | 'no-camera' | 'failed';

/** Frames are decoded at most this often: jsQR on a 640 px frame takes ~20–60 ms on a thin client. */
const DECODE_INTERVAL_MS = 150;

function cameraErrorState(error: unknown): CameraState {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError')
    return 'no-camera';
  return 'failed';
}

/**
 * "Quét bằng camera": the kiosk camera's video, decoded with jsQR until a QR code is read.
 * The text goes to `onText` (the caller parses it, as for the USB scanner); a refused
 * permission or a missing camera gets a clear message instead.
 */
export function CameraScanDialog({
  onText,
  onClose,
  title,
  hint,
}: {
  onText: (text: string) => void;
  onClose: () => void;
  /** What is being scanned, when not the ID card (the receipt QR of the status look-up). */
  title?: string;
  hint?: string;
}) {
  const { t } = useTranslation('scan');
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  // The camera starts once per dialog, whatever the parent re-renders.
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | null = null;
    let live = true;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });

    const decode = () => {
      const video = videoRef.current;
      if (!live || !video || !ctx) return;
      if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const scale = Math.min(1, 640 / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        if (code && code.data) {
          live = false;
          onTextRef.current(code.data);
          return;
        }
      }
      timer = window.setTimeout(decode, DECODE_INTERVAL_MS);
    };

    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('no-camera');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment', width: { ideal: 1280 } },
          audio: false,
        });
      } catch (e) {
        if (live) setState(cameraErrorState(e));
        return;
      }
      if (!live) return;
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      try {
        await video.play();
      } catch {
        // Autoplay of a muted, inline camera stream is allowed; a failure here shows as no frames.
      }
      setState('scanning');
      decode();
    })();

    return () => {
      live = false;
      if (timer !== null) window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const message =
    state === 'starting'
      ? t('camera.starting')
      : state === 'scanning'
        ? (hint ?? t('camera.hint'))
        : t(`camera.${state}`);

  return (
    <Dialog title={title ?? t('camera.title')} onClose={onClose} className="camera-dialog">
      <video ref={videoRef} className="camera-video" muted playsInline aria-hidden="true" />
      <p role={state === 'denied' || state === 'no-camera' || state === 'failed' ? 'alert' : 'status'}>
        {message}
      </p>
      <button type="button" className="big" onClick={onClose}>
        {t('camera.close')}
      </button>
    </Dialog>
  );
}
