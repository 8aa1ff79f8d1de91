/**
 * Document photos and files attached to a dossier: downscaling in the browser, and the
 * storage budget (pure, so it is unit-tested).
 */
import { SYNC_LIMITS } from '../../../shared/contracts/sync.ts';
import { nfc } from '../../../shared/forms/text.ts';
import { sha256Bytes } from './crypto.ts';
import type { AttachmentRow } from '../../db/db.ts';

export type AttachmentMediaType = AttachmentRow['mediaType'];

/** An attachment ready to submit with a dossier (bytes already downscaled). */
export interface PreparedAttachment {
  bytes: Blob;
  /** sha256 of bytes, lowercase hex. */
  hash: string;
  mediaType: AttachmentMediaType;
  fileName: string;
  size: number;
  /** Pixel size for images; null for PDFs. */
  width: number | null;
  height: number | null;
}

export interface AttachmentBudgetConfig {
  /** Files per dossier; the sync contract allows 50 hashes, a desk needs far fewer. */
  maxFilesPerDossier: number;
  /** One file after downscaling. */
  maxFileBytes: number;
  /** All files of one dossier. */
  maxDossierBytes: number;
  /** All attachments stored on the kiosk (uploaded ones are pruned by retention). */
  maxTotalBytes: number;
}

/**
 * Defaults: a 1600 px JPEG at quality 0.7 of an A4 page is typically 150–400 KB, so 20
 * files and 8 MB cover a thick dossier; 1 GB of photos is ~3,000 such dossiers waiting
 * for the office, more than a week offline at a busy commune.
 */
export const DEFAULT_ATTACHMENT_BUDGET: AttachmentBudgetConfig = {
  maxFilesPerDossier: 20,
  maxFileBytes: Math.min(5 * 1024 * 1024, SYNC_LIMITS.maxAttachmentBytes),
  maxDossierBytes: 8 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

export type AttachmentBudgetResult =
  | { ok: true; dossierBytes: number; remainingDossierBytes: number; remainingTotalBytes: number }
  | { ok: false; reason: 'too-many-files'; max: number }
  | { ok: false; reason: 'file-too-large'; fileName: string; size: number; max: number }
  | { ok: false; reason: 'dossier-budget'; dossierBytes: number; max: number }
  | { ok: false; reason: 'total-budget'; totalBytes: number; max: number };

/**
 * Whether a dossier's files (all of them, including the one being added) fit the budget,
 * given what is already stored on the kiosk.
 */
export function attachmentBudget(
  files: readonly Pick<PreparedAttachment, 'size' | 'fileName'>[],
  storedTotalBytes: number,
  config: AttachmentBudgetConfig = DEFAULT_ATTACHMENT_BUDGET,
): AttachmentBudgetResult {
  if (files.length > config.maxFilesPerDossier) {
    return { ok: false, reason: 'too-many-files', max: config.maxFilesPerDossier };
  }
  const big = files.find((f) => f.size > config.maxFileBytes);
  if (big)
    return {
      ok: false,
      reason: 'file-too-large',
      fileName: big.fileName,
      size: big.size,
      max: config.maxFileBytes,
    };
  const dossierBytes = files.reduce((n, f) => n + f.size, 0);
  if (dossierBytes > config.maxDossierBytes) {
    return { ok: false, reason: 'dossier-budget', dossierBytes, max: config.maxDossierBytes };
  }
  const totalBytes = storedTotalBytes + dossierBytes;
  if (totalBytes > config.maxTotalBytes)
    return { ok: false, reason: 'total-budget', totalBytes, max: config.maxTotalBytes };
  return {
    ok: true,
    dossierBytes,
    remainingDossierBytes: config.maxDossierBytes - dossierBytes,
    remainingTotalBytes: config.maxTotalBytes - totalBytes,
  };
}

export interface PrepareImageOptions {
  /** Long side in pixels after downscaling (never upscaled). */
  maxLongSide?: number;
  /** 0..1 */
  quality?: number;
  /** 'image/jpeg' (default: every office viewer opens it) or 'image/webp' (smaller). */
  type?: 'image/jpeg' | 'image/webp';
  fileName?: string;
}

/** The scaled size: the long side at most maxLongSide, aspect kept, never upscaled. */
export function scaledSize(
  width: number,
  height: number,
  maxLongSide: number,
): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxLongSide) return { width, height };
  const k = maxLongSide / long;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/**
 * Downscales and recompresses a photo (browser only: createImageBitmap + OffscreenCanvas,
 * or a <canvas> where OffscreenCanvas is missing). A phone-camera photo of 4–12 MB
 * becomes ~200–400 KB, which keeps the dossier within budget and the sync short on a poor
 * commune link. EXIF orientation is applied by createImageBitmap ('from-image').
 */
export async function prepareImage(
  file: Blob,
  options: PrepareImageOptions = {},
): Promise<PreparedAttachment> {
  const maxLongSide = options.maxLongSide ?? 1600;
  const quality = options.quality ?? 0.7;
  const type = options.type ?? 'image/jpeg';
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height, maxLongSide);
    let bytes: Blob;
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('2d canvas unavailable');
      ctx.drawImage(bitmap, 0, 0, width, height);
      bytes = await canvas.convertToBlob({ type, quality });
    } else {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('2d canvas unavailable');
      ctx.drawImage(bitmap, 0, 0, width, height);
      bytes = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('image encoding failed'))), type, quality),
      );
    }
    // A browser without WebP encoding silently returns PNG; record what we really have.
    const mediaType =
      (['image/jpeg', 'image/webp', 'image/png'] as const).find((t) => t === bytes.type) ?? 'image/jpeg';
    const ext = mediaType === 'image/webp' ? 'webp' : mediaType === 'image/png' ? 'png' : 'jpg';
    return {
      bytes,
      hash: await sha256Bytes(bytes),
      mediaType,
      fileName: attachmentFileName(options.fileName ?? (file instanceof File ? file.name : 'anh'), ext),
      size: bytes.size,
      width,
      height,
    };
  } finally {
    bitmap.close();
  }
}

/**
 * Any attached file: images are downscaled, PDFs kept as they are; anything else is
 * refused (the office accepts JPEG, PNG, WebP and PDF).
 */
export async function prepareAttachment(
  file: Blob,
  options: PrepareImageOptions = {},
): Promise<PreparedAttachment> {
  if (file.type === 'application/pdf') {
    return {
      bytes: file,
      hash: await sha256Bytes(file),
      mediaType: 'application/pdf',
      fileName: attachmentFileName(options.fileName ?? (file instanceof File ? file.name : 'tep'), 'pdf'),
      size: file.size,
      width: null,
      height: null,
    };
  }
  if (file.type.startsWith('image/')) return prepareImage(file, options);
  throw new TypeError(`unsupported attachment type: ${file.type || 'unknown'}`);
}

/** An NFC file name of at most 120 characters with the right extension. */
export function attachmentFileName(name: string, ext: string): string {
  const base =
    nfc(name)
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
      .trim() || 'tep';
  return `${base.slice(0, 120 - ext.length - 1)}.${ext}`;
}
