import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { Button } from '../../../components/ui/button';

/** File picker + upload progress (percentage while sending, then "processing" while the server reads it). */
export function UploadBox({
  accept,
  onUpload,
  testId,
}: {
  accept: string;
  onUpload: (file: File, onProgress: (fraction: number) => void) => Promise<void>;
  testId: string;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const busy = progress !== null;
  const percent = progress === null ? 0 : Math.round(progress * 100);

  async function start() {
    if (!file) return;
    setProgress(0);
    try {
      await onUpload(file, setProgress);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="upload-box" data-testid={testId}>
      <input
        type="file"
        accept={accept}
        disabled={busy}
        data-testid={`${testId}-file`}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <Button variant="primary" disabled={!file || busy} loading={busy} onClick={() => void start()} data-testid={`${testId}-submit`}>
        {t('import.upload')}
      </Button>
      {busy && (
        <div className="upload-progress" data-testid={`${testId}-progress`}>
          <progress max={100} value={percent} aria-label={t('import.uploading')} />
          <span>{percent < 100 ? t('import.uploadingPercent', { percent }) : t('import.processing')}</span>
        </div>
      )}
    </div>
  );
}
