import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/page';
import { useToast } from '../../../components/ui/toast';
import { useI18n } from '../../../app/i18n';
import { downloadWithProgress, monthlyApi, type MonthlyReportDetail } from '../api/monthly-reports-api';

/** The monthly pack: generate now (PDF/XLSX, with progress) or download a version frozen at closure with its SHA-256. */
export function PackCard({ report }: { report: MonthlyReportDetail }) {
  const { t } = useI18n();
  const toast = useToast();
  const [progress, setProgress] = useState<{ label: string; fraction: number | null } | null>(null);
  const download = (url: string, label: string) => {
    setProgress({ label, fraction: null });
    downloadWithProgress(url, (phase, fraction) =>
      setProgress({
        label: phase === 'generating' ? t('mr.pack.generating', { file: label }) : t('mr.pack.downloading', { file: label }),
        fraction,
      }),
    )
      .then(() => toast.success(t('mr.pack.ready', { file: label })))
      .catch(() => toast.error(t('mr.pack.failed')))
      .finally(() => setProgress(null));
  };
  return (
    <Card title={t('mr.pack.title')} testId="mr-pack">
      <p className="muted">{t('mr.pack.help')}</p>
      <div className="mr-actions">
        <Button
          onClick={() => download(monthlyApi.packUrl(report.id, 'pdf'), 'PDF')}
          disabled={progress !== null}
          data-testid="mr-pack-pdf"
        >
          {t('mr.pack.pdf')}
        </Button>
        <Button
          onClick={() => download(monthlyApi.packUrl(report.id, 'xlsx'), 'XLSX')}
          disabled={progress !== null}
          data-testid="mr-pack-xlsx"
        >
          {t('mr.pack.xlsx')}
        </Button>
      </div>
      {progress && (
        <div role="status" data-testid="mr-pack-progress">
          <p className="muted">{progress.label}</p>
          <div className="mr-progress">
            <span style={{ width: progress.fraction === null ? '35%' : `${Math.round(progress.fraction * 100)}%` }} />
          </div>
        </div>
      )}
      {report.versions.length > 0 && (
        <>
          <h3 className="card-subtitle">{t('mr.pack.frozen')}</h3>
          <ul className="mr-checklist">
            {report.versions.map((v) => (
              <li key={v.version} className="mr-check" data-testid="mr-version">
                <div className="mr-check-head">
                  <strong>{t('mr.versionN', { n: v.version })}</strong>
                  <span className="mr-actions">
                    <Button
                      size="sm"
                      onClick={() => download(monthlyApi.versionPackUrl(report.id, v.version, 'pdf'), `PDF v${v.version}`)}
                      data-testid="mr-version-pdf"
                    >
                      PDF
                    </Button>
                    <Button
                      size="sm"
                      onClick={() => download(monthlyApi.versionPackUrl(report.id, v.version, 'xlsx'), `XLSX v${v.version}`)}
                    >
                      XLSX
                    </Button>
                  </span>
                </div>
                <p className="mr-sha" title="SHA-256">
                  PDF {v.pdfSha256}
                  <br />
                  XLSX {v.xlsxSha256}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
