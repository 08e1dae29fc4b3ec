import { useState } from 'react';
import { Link } from 'react-router';
import { Toolbar } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useI18n } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import { monthName } from '../../../../domain/numbers-format';
import type { BoardResponse } from '../api/monthly-reports-api';
import { useClosureBoard } from '../hooks/use-monthly-reports';
import { MonthlyStatusBadge } from './status-badge';
import { useOpenReport } from './monthly-reports-screen';
import '../monthly-reports.css';

function ym(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** OTs × months: status, blocking checklist items passing, sign-offs and overdue flags (seed schedule). */
export function ClosureBoard({ detailPath }: { detailPath: (id: number) => string }) {
  const { t, locale } = useI18n();
  const now = new Date();
  const [from, setFrom] = useState(ym(new Date(now.getFullYear(), now.getMonth() - 5, 1)));
  const [to, setTo] = useState(ym(now));
  const [q, setQ] = useState('');
  const board = useClosureBoard(from, to, q);
  const open = useOpenReport();
  return (
    <>
      <Toolbar>
        <label className="field">
          <span className="field-label">{t('mr.board.from')}</span>
          <input
            className="input input-sm"
            type="month"
            value={from}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
            data-testid="board-from"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('mr.board.to')}</span>
          <input
            className="input input-sm"
            type="month"
            value={to}
            onChange={(e) => e.target.value && setTo(e.target.value)}
            data-testid="board-to"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('mr.filter.folio')}</span>
          <input className="input input-sm" value={q} onChange={(e) => setQ(e.target.value)} data-testid="board-q" />
        </label>
      </Toolbar>
      <p className="muted mr-legend">{t('mr.board.legend')}</p>
      {board.isPending ? (
        <LoadingState />
      ) : board.isError ? (
        <ErrorState message={describeError(board.error, t, locale)} onRetry={() => void board.refetch()} />
      ) : (
        <BoardTable data={board.data} detailPath={detailPath} onOpen={(ot, y, m) => void open(ot, y, m, detailPath)} />
      )}
    </>
  );
}

function BoardTable({
  data,
  detailPath,
  onOpen,
}: {
  data: BoardResponse;
  detailPath: (id: number) => string;
  onOpen: (ot: number, y: number, m: number) => void;
}) {
  const { t, locale } = useI18n();
  if (!data.rows.length) return <p className="muted">{t('mr.empty')}</p>;
  return (
    <div className="table-wrap mr-board" data-testid="closure-board">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('mr.col.ot')}</th>
            {data.months.map((m) => (
              <th key={`${m.year}-${m.month}`} scope="col" className="mr-board-month">
                {monthName(m.month, locale).slice(0, 3)} {m.year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.workOrderId} data-testid="board-row" data-folio={row.folio}>
              <th scope="row" title={row.description}>
                {row.folio}
              </th>
              {row.cells.map((c) => (
                <td
                  key={`${c.year}-${c.month}`}
                  className={`mr-board-cell${c.overdue ? ' mr-overdue' : ''}`}
                  data-testid="board-cell"
                  data-month={`${c.year}-${c.month}`}
                >
                  {c.reportId !== null && c.status !== null ? (
                    <Link to={detailPath(c.reportId)} className="mr-board-link">
                      <MonthlyStatusBadge status={c.status} />
                      <span className="mr-board-meta" title={t('mr.board.progressHint')}>
                        ✓ {c.checklistPassed ?? '–'}/{c.checklistTotal} · ✍ {c.signOffs}/3{c.hasEvidence ? ' · 📁' : ''}
                      </span>
                      {c.overdue && <span className="mr-overdue-flag">{t('mr.board.overdue')}</span>}
                    </Link>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm"
                      onClick={() => onOpen(row.workOrderId, c.year, c.month)}
                      data-testid="board-open"
                    >
                      {t('mr.board.open')}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
