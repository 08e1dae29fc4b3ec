import { getWorkOrder, searchWorkOrderOptions, toWorkOrderOption } from '../../features/work-orders/api/work-orders-api';
import { AuditScreen } from '../../features/audit/components/audit-screen';
import { paths } from '../layout/navigation';
import { RequireCapability } from '../session';
import { useUserRefs } from './ref-options';

export function AuditPage() {
  return (
    <RequireCapability capability="audit.read">
      <AuditPageBody />
    </RequireCapability>
  );
}

function AuditPageBody() {
  const users = useUserRefs();
  return (
    <AuditScreen
      users={users}
      searchWorkOrders={(text, signal) => searchWorkOrderOptions(text, signal)}
      loadWorkOrder={async (id, signal) => toWorkOrderOption(await getWorkOrder(id, signal))}
      workOrderPath={paths.workOrder}
    />
  );
}
