import { useParams } from 'react-router';
import { WorkOrderDetail } from '../../features/work-orders/components/work-order-detail';
import { paths } from '../layout/navigation';
import { can, canOnRecord } from '../permissions';
import { useCurrentUser } from '../session';
import { NotFoundPage } from './not-found-page';

export function WorkOrderDetailPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const workOrderId = Number(id);
  if (!Number.isInteger(workOrderId) || workOrderId <= 0) return <NotFoundPage />;
  return (
    <WorkOrderDetail
      key={workOrderId}
      id={workOrderId}
      canEdit={(wo) => canOnRecord(user.role, 'workOrders.write', wo)}
      canCreate={can(user.role, 'workOrders.write')}
      paths={{
        list: paths.workOrders,
        detail: paths.workOrder,
        edit: paths.editWorkOrder,
        newReprogramming: (parentId) => `${paths.newWorkOrder}?parentId=${parentId}`,
        annex: (familyId) => paths.annex(familyId),
        audit: (workOrderId) => (can(user.role, 'audit.read') ? `${paths.audit}?workOrderId=${workOrderId}` : null),
      }}
    />
  );
}
