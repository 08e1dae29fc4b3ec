import { useParams } from 'react-router';
import { AnnexScreen } from '../../features/annex/components/annex-screen';
import { canImportAnnex } from '../../features/annex/permissions';
import { paths } from '../layout/navigation';
import { useCurrentUser } from '../session';
import { NotFoundPage } from './not-found-page';

export function AnnexPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const workOrderId = Number(id);
  if (!Number.isInteger(workOrderId) || workOrderId <= 0) return <NotFoundPage />;
  return (
    <AnnexScreen
      key={workOrderId}
      workOrderId={workOrderId}
      canImport={canImportAnnex(user.role)}
      workOrderHref={paths.workOrder(workOrderId)}
    />
  );
}
