import './attachments.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/localised.ts';
import {
  attachmentBudget,
  DEFAULT_ATTACHMENT_BUDGET,
  prepareAttachment,
  type AttachmentBudgetConfig,
  type AttachmentBudgetResult,
  type PreparedAttachment,
  attachmentBytesStored,
} from '../dossier/index.ts';
import { CameraCapture } from './CameraCapture.tsx';
import { formatBytes } from './format-bytes.ts';

type Problem =
  | Exclude<AttachmentBudgetResult, { ok: true }>
  | { ok: false; reason: 'unsupported'; fileName: string }
  | { ok: false; reason: 'unreadable'; fileName: string }
  | { ok: false; reason: 'duplicate'; fileName: string };

/**
 * "Giấy tờ kèm theo" for the wizard's review step: photograph the papers the citizen
 * brought or pick files; each is downscaled (renderer/features/dossier/attachments.ts)
 * before it counts, shown as a thumbnail with its size, and refused clearly when it would
 * go over the dossier's or the kiosk's budget. The parent owns the list and passes it to
 * submitDossier({ attachments }).
 */
export function DocumentPhotos({
  attachments,
  onChange,
  budget = DEFAULT_ATTACHMENT_BUDGET,
  allowFiles = false,
}: {
  attachments: readonly PreparedAttachment[];
  onChange(next: PreparedAttachment[]): void;
  budget?: AttachmentBudgetConfig;
  /**
   * "Chọn tệp" opens the system's file dialog, which on a public kiosk shows the
   * machine's folders (and what earlier users left there): staff only.
   */
  allowFiles?: boolean;
}) {
  const { t, i18n } = useTranslation('attachments');
  const language = i18n.language as Language;
  const headingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [camera, setCamera] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [stored, setStored] = useState(0);
  // The latest list, for adding several files in a row before the parent re-renders.
  const current = useRef(attachments);
  useEffect(() => {
    current.current = attachments;
  }, [attachments]);

  useEffect(() => {
    let live = true;
    void attachmentBytesStored().then((n) => live && setStored(n));
    return () => {
      live = false;
    };
  }, []);

  const add = async (files: readonly Blob[]) => {
    setBusy(true);
    setProblem(null);
    try {
      let list = [...current.current];
      for (const file of files) {
        const fileName = file instanceof File ? file.name : t('photoName', { n: list.length + 1 });
        if (file.type !== 'application/pdf' && !file.type.startsWith('image/')) {
          setProblem({ ok: false, reason: 'unsupported', fileName });
          continue;
        }
        let prepared: PreparedAttachment;
        try {
          prepared = await prepareAttachment(file, { fileName });
        } catch {
          setProblem({ ok: false, reason: 'unreadable', fileName });
          continue;
        }
        if (list.some((a) => a.hash === prepared.hash)) {
          setProblem({ ok: false, reason: 'duplicate', fileName });
          continue;
        }
        const check = attachmentBudget([...list, prepared], stored, budget);
        if (!check.ok) {
          setProblem(check);
          break;
        }
        list = [...list, prepared];
        current.current = list;
        onChange(list);
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = (hash: string) => {
    const list = current.current.filter((a) => a.hash !== hash);
    current.current = list;
    setProblem(null);
    onChange(list);
  };

  const used = attachments.reduce((n, a) => n + a.size, 0);
  const bytes = (n: number) => formatBytes(n, language);

  return (
    <section className="document-photos" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('heading')}</h2>
      <p className="note">{t('hint')}</p>
      <div className="button-row">
        <button type="button" className="big" disabled={busy || camera} onClick={() => setCamera(true)}>
          {t('takePhoto')}
        </button>
        {allowFiles && (
          <>
            <button type="button" className="big" disabled={busy} onClick={() => fileInput.current?.click()}>
              {t('chooseFile')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="image/*,application/pdf"
              multiple
              className="visually-hidden"
              tabIndex={-1}
              aria-label={t('fileInput')}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length > 0) void add(files);
              }}
            />
          </>
        )}
      </div>
      {camera && (
        <CameraCapture
          onPhoto={(photo) => {
            setCamera(false);
            void add([photo]);
          }}
          onClose={() => setCamera(false)}
        />
      )}
      {busy && <p role="status">{t('processing')}</p>}
      {problem && (
        <p role="alert" className="field-error">
          {problemText(t, problem, bytes)}
        </p>
      )}
      <p className="budget">
        {attachments.length === 0
          ? t('budgetNone')
          : t('budget', {
              count: attachments.length,
              // Plain words, not bytes: how much of this dossier's room for photos is left.
              free: Math.max(0, Math.floor(100 - (100 * used) / budget.maxDossierBytes)),
            })}
      </p>
      {attachments.length > 0 && (
        <ul className="thumbs" aria-label={t('listLabel')}>
          {attachments.map((a, i) => (
            <Thumbnail
              key={a.hash}
              attachment={a}
              label={t('itemLabel', { n: i + 1, name: a.fileName })}
              size={bytes(a.size)}
              dimensions={a.width && a.height ? t('pixels', { width: a.width, height: a.height }) : t('pdf')}
              removeLabel={t('remove', { n: i + 1 })}
              onRemove={() => remove(a.hash)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function Thumbnail({
  attachment,
  label,
  size,
  dimensions,
  removeLabel,
  onRemove,
}: {
  attachment: PreparedAttachment;
  label: string;
  size: string;
  dimensions: string;
  removeLabel: string;
  onRemove(): void;
}) {
  const url = useMemo(
    () => (attachment.mediaType === 'application/pdf' ? null : URL.createObjectURL(attachment.bytes)),
    [attachment],
  );
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return (
    <li className="thumb" aria-label={label}>
      {url ? (
        <img src={url} alt={label} className="thumb-image" />
      ) : (
        <div className="thumb-pdf" aria-hidden="true">
          PDF
        </div>
      )}
      <span className="thumb-name">{attachment.fileName}</span>
      <span className="thumb-size">
        {size} · {dimensions}
      </span>
      <button type="button" onClick={onRemove}>
        {removeLabel}
      </button>
    </li>
  );
}

function problemText(t: TFunction<'attachments'>, p: Problem, bytes: (n: number) => string): string {
  switch (p.reason) {
    case 'unsupported':
    case 'unreadable':
    case 'duplicate':
      return t(`problem.${p.reason}`, { name: p.fileName });
    case 'too-many-files':
      return t('problem.tooMany', { max: p.max });
    case 'file-too-large':
      return t('problem.fileTooLarge', { name: p.fileName, size: bytes(p.size), max: bytes(p.max) });
    case 'dossier-budget':
      return t('problem.dossierBudget');
    case 'total-budget':
      return t('problem.totalBudget');
  }
}
