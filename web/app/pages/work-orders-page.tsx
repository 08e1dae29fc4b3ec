import { WorkOrdersScreen } from '../../features/work-orders/components/work-orders-screen';
import { paths } from '../layout/navigation';
import { useCan } from '../session';
import { useClientRefs, useFrontRefs, useSiteRefs } from './ref-options';

export function WorkOrdersPage() {
  return (
    <WorkOrdersScreen
      clients={useClientRefs()}
      sites={useSiteRefs()}
      fronts={useFrontRefs()}
      canCreate={useCan('workOrders.write')}
      detailPath={paths.workOrder}
      newPath={paths.newWorkOrder}
    />
  );
}
