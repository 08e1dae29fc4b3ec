/** A 409 `stale_grid`: which cells someone else changed since the grid was loaded, and what to do. */
import { useI18n } from '../../../app/i18n';
import { formatDate } from '../../../app/format';
import { Button } from '../../../components/ui/button';
import { formatVolume } from '../../../../domain/money';
import type { StaleCell } from '../api/production-api';
import { cellKey } from '../model/grid-model';
import type { GridResponse } from '../model/grid-types';

interface Props {
  data: GridResponse;
  cells: readonly StaleCell[];
  drafts: ReadonlyMap<string, string>;
  busy: boolean;
  onReload: (keepMine: boolean) => void;
  onShow: (lineItemId: number, day: number) => void;
}

export function ConflictPanel({ data, cells, drafts, busy, onReload, onShow }: Props) {
  const { t } = useI18n();
  const byId = new Map(data.rows.map((r) => [r.lineItemId, r]));
  return (
    <section className="pg-conflicts" role="alert" data-testid="conflict-panel">
      <h3>{t('prod.conflict.title', { count: cells.length })}</h3>
      <p>{t('prod.conflict.body')}</p>
      <ul>
        {cells.map((c) => {
          const row = byId.get(c.lineItemId);
          const day = Number(c.date.slice(8, 10));
          const mine = drafts.get(cellKey(c.lineItemId, day));
          return (
            <li key={`${c.lineItemId}-${c.date}`} data-testid={`conflict-${c.lineItemId}-${day}`}>
              <button type="button" className="link-button" onClick={() => onShow(c.lineItemId, day)}>
                {row ? `${row.code} ${row.concept}` : `#${c.lineItemId}`} · {formatDate(c.date)}
              </button>
              :{' '}
              {t('prod.conflict.values', {
                mine: mine === undefined ? '—' : mine || '0',
                theirs: c.current === null ? '0' : formatVolume(c.current),
              })}
            </li>
          );
        })}
      </ul>
      <div className="pg-conflict-actions">
        <Button variant="primary" size="sm" loading={busy} onClick={() => onReload(false)} data-testid="conflict-reload">
          {t('prod.conflict.reload')}
        </Button>
        <Button size="sm" disabled={busy} onClick={() => onReload(true)} data-testid="conflict-keep">
          {t('prod.conflict.keepMine')}
        </Button>
      </div>
    </section>
  );
}
