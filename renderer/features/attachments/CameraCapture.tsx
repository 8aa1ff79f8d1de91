import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CameraState =
  | { status: 'starting' }
  | { status: 'live' }
  | { status: 'error'; reason: 'denied' | 'no-camera' | 'unavailable' };

/** Why getUserMedia failed, in the words the officer needs. */
export function cameraErrorReason(error: unknown): 'denied' | 'no-camera' | 'unavailable' {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError')
    return 'no-camera';
  return 'unavailable';
}

/**
 * A live camera preview with a large "Chụp" button; a photo is handed over as a JPEG
 * blob at the camera's full resolution (the caller downscales). The camera is released
 * when the panel closes.
 */
export function CameraCapture({ onPhoto, onClose }: { onPhoto(photo: Blob): void; onClose(): void }) {
  const { t } = useTranslation('attachments');
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>(() =>
    typeof globalThis.navigator?.mediaDevices?.getUserMedia === 'function'
      ? { status: 'starting' }
      : { status: 'error', reason: 'no-camera' },
  );

  useEffect(() => {
    let stream: MediaStream | null = null;
    let live = true;
    const media = globalThis.navigator?.mediaDevices;
    if (typeof media?.getUserMedia !== 'function') return;
    media
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1920 } }, audio: false })
      .then(async (s) => {
        if (!live) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play().catch(() => undefined);
        }
        setState({ status: 'live' });
      })
      .catch((e: unknown) => live && setState({ status: 'error', reason: cameraErrorReason(e) }));
    return () => {
      live = false;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const capture = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob((blob) => blob && onPhoto(blob), 'image/jpeg', 0.92);
  };

  return (
    <div className="camera-panel">
      {state.status === 'error' ? (
        <p role="alert" className="field-error">
          {t(`camera.${state.reason}`)}
        </p>
      ) : (
        <video ref={video} className="camera-preview" muted playsInline aria-label={t('camera.preview')} />
      )}
      {state.status === 'starting' && <p role="status">{t('camera.starting')}</p>}
      <div className="button-row">
        {state.status === 'live' && (
          <button type="button" className="primary big" onClick={capture}>
            {t('camera.shoot')}
          </button>
        )}
        <button type="button" className="big" onClick={onClose}>
          {t('camera.close')}
        </button>
      </div>
    </div>
  );
}
