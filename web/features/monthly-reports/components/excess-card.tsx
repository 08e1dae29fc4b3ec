import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/page';
import { useToast } from '../../../components/ui/toast';
import { useI18n } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import { formatVolume } from '../../../../domain/money';
import type { MonthlyReportDetail } from '../api/monthly-reports-api';
import { useExcess, useMonthlyMutations } from '../hooks/use-monthly-reports';
import { ReasonDialog } from './reason-dialog';

/** Excess entries of the month; an operations manager acknowledges them as non-billable (one or all, with a reason). */
export function ExcessCard({ report }: { report: MonthlyReportDetail }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const excess = useExcess(report.id, report.counts.excessEntries > 0);
  const { acknowledge } = useMonthlyMutations(report.id);
  const [target, setTarget] = useState<number[] | 'all' | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (report.counts.excessEntries === 0) {
    return (
      <Card title={t('mr.excess.title')} testId="mr-excess">
        <p className="muted">{t('mr.excess.none')}</p>
      </Card>
    );
  }
  const items = excess.data?.items ?? [];
  const can = report.abilities?.acknowledgeExcess === true;
  const pending = items.filter((e) => !e.acknowledged);
  return (
    <Card
      title={t('mr.excess.title')}
      testId="mr-excess"
      actions={
        can && pending.length > 0 ? (
          <Button size="sm" onClick={() => setTarget('all')} data-testid="mr-excess-ack-all">
            {t('mr.excess.ackAll', { n: pending.length })}
          </Button>
        ) : undefined
      }
    >
      <table className="table">
        <thead>
          <tr>
            <th>{t('mr.col.lineItem')}</th>
            <th>{t('mr.col.day')}</th>
            <th style={{ textAlign: 'right' }}>{t('mr.excess.volume')}</th>
            <th>{t('mr.excess.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, 200).map((e) => (
            <tr key={e.id} data-testid="mr-excess-row">
              <td title={e.concept}>{e.code}</td>
              <td>
                {e.date} · {e.siteName} · {e.layer}
              </td>
              <td style={{ textAlign: 'right' }}>{formatVolume(e.excessVolume)}</td>
              <td>
                {e.acknowledged ? (
                  <span title={e.ackReason ?? ''}>{t('mr.excess.acknowledgedBy', { name: e.ackByName ?? '' })}</span>
                ) : can ? (
                  <Button size="sm" onClick={() => setTarget([e.id])}>
                    {t('mr.excess.ack')}
                  </Button>
                ) : (
                  <span className="field-error">{t('mr.excess.pending')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {target && (
        <ReasonDialog
          title={t('mr.excess.ackTitle')}
          message={t('mr.excess.ackHelp')}
          confirmLabel={t('mr.excess.ack')}
          busy={acknowledge.isPending}
          error={error}
          onCancel={() => setTarget(null)}
          onConfirm={(reason) =>
            acknowledge.mutate(target === 'all' ? { all: true, reason } : { entryIds: target, reason }, {
              onSuccess: (r) => {
                setTarget(null);
                setError(null);
                toast.success(t('mr.excess.done', { n: r.acknowledged }));
              },
              onError: (e) => setError(describeError(e, t, locale)),
            })
          }
        />
      )}
    </Card>
  );
}
