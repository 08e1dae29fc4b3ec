import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/page';
import { useToast } from '../../../components/ui/toast';
import { useI18n } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import type { MonthlyReportDetail, SignOffKind } from '../api/monthly-reports-api';
import { useMonthlyMutations } from '../hooks/use-monthly-reports';

const KINDS: { kind: SignOffKind; ability: 'signOffSupervisor' | 'signOffManager' | 'signOffAdministration' }[] = [
  { kind: 'supervisor_reviewed', ability: 'signOffSupervisor' },
  { kind: 'manager_validated', ability: 'signOffManager' },
  { kind: 'administration_confirmed', ability: 'signOffAdministration' },
];

/** The three sign-offs of the current version (three different people; given En Revisión). */
export function SignOffsCard({ report }: { report: MonthlyReportDetail }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { signOff } = useMonthlyMutations(report.id);
  return (
    <Card title={t('mr.signOffs.title')} testId="mr-sign-offs">
      <p className="muted">{t('mr.signOffs.help')}</p>
      <ul className="mr-checklist">
        {KINDS.map(({ kind, ability }) => {
          const given = report.signOffs.find((s) => s.kind === kind);
          return (
            <li
              key={kind}
              className={`mr-check ${given ? 'mr-check-ok' : 'mr-check-aviso'}`}
              data-testid="mr-sign-off"
              data-kind={kind}
              data-signed={given ? 'yes' : 'no'}
            >
              <div className="mr-check-head">
                <strong>{t(`mr.signOff.${kind}`)}</strong>
                {given ? (
                  <span>
                    {given.userName} · {new Date(given.signedAt).toLocaleString(locale === 'es' ? 'es-MX' : 'en-US')}
                  </span>
                ) : report.abilities?.[ability] ? (
                  <Button
                    size="sm"
                    variant="primary"
                    loading={signOff.isPending && signOff.variables === kind}
                    onClick={() =>
                      signOff.mutate(kind, {
                        onSuccess: () => toast.success(t('mr.signOffs.done')),
                        onError: (e) => toast.error(describeError(e, t, locale)),
                      })
                    }
                    data-testid={`mr-sign-${kind}`}
                  >
                    {t('mr.signOffs.sign')}
                  </Button>
                ) : (
                  <span className="muted">{t('mr.signOffs.pending')}</span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
