/** The KPI header of the grid: authorized, produced before, this month, remaining — per currency. */
import { useI18n, type MessageKey } from '../../../app/i18n';
import { formatAmount } from '../../../../domain/money';
import type { GridKpis } from '../../../../domain/grid-kpis';

const KPIS: readonly { key: keyof GridKpis['MXN']; label: MessageKey }[] = [
  { key: 'authorized', label: 'prod.kpi.authorized' },
  { key: 'producedBefore', label: 'prod.kpi.producedBefore' },
  { key: 'producedThisMonth', label: 'prod.kpi.producedThisMonth' },
  { key: 'remaining', label: 'prod.kpi.remaining' },
];

export function GridKpisPanel({ kpis }: { kpis: GridKpis }) {
  const { t } = useI18n();
  return (
    <table className="pg-kpis" data-testid="grid-kpis">
      <thead>
        <tr>
          <th />
          {KPIS.map((k) => (
            <th key={k.key} scope="col">
              {t(k.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(['MXN', 'USD'] as const).map((currency) => (
          <tr key={currency}>
            <th scope="row">{currency}</th>
            {KPIS.map((k) => {
              const value = kpis[currency][k.key];
              return (
                <td key={k.key} data-testid={`kpi-${currency}-${k.key}`} className={value.startsWith('-') ? 'pg-negative' : undefined}>
                  ${formatAmount(value)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
