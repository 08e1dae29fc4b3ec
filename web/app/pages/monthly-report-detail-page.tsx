import { useParams } from 'react-router';
import { MonthlyReportDetailScreen, type CaptureLinks } from '../../features/monthly-reports/components/monthly-report-detail';
import { NotFoundPage } from './not-found-page';
import { paths } from '../layout/navigation';

function capture(path: string, p: { workOrderId: number; siteId?: number; year: number; month: number; layer?: string }): string {
  const q = new URLSearchParams({ ot: String(p.workOrderId), anio: String(p.year), mes: String(p.month) });
  if (p.siteId) q.set('sitio', String(p.siteId));
  if (p.layer) q.set('capa', p.layer);
  return `${path}?${q.toString()}`;
}

const links: CaptureLinks = {
  dailyReports: (p) => capture(paths.dailyReports, p),
  grid: (p) => capture(paths.production, p),
};

/** One monthly report (carpeta mensual). */
export function MonthlyReportDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return (
    <div className="page" data-testid="monthly-report-page">
      <MonthlyReportDetailScreen id={id} links={links} />
    </div>
  );
}
