import { useNavigate, useParams, useSearchParams } from 'react-router';
import { WorkOrderForm } from '../../features/work-orders/components/work-order-form';
import { useWorkOrder } from '../../features/work-orders/hooks/use-work-orders';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { describeError } from '../errors';
import { useI18n } from '../i18n';
import { paths } from '../layout/navigation';
import { RequireCapability } from '../session';
import { useClientRefs, useFrontRefs, useSiteRefs, useUserRefs } from './ref-options';

function positiveInt(value: string | null | undefined): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

/** `/ots/nueva` (optionally `?parentId=` for a reprogramming) and `/ots/:id/editar`. */
export function WorkOrderFormPage() {
  return (
    <RequireCapability capability="workOrders.write">
      <WorkOrderFormLoader />
    </RequireCapability>
  );
}

function WorkOrderFormLoader() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { id } = useParams();
  const [searchParams] = useSearchParams();
  const editId = positiveInt(id);
  const parentId = editId === null ? positiveInt(searchParams.get('parentId')) : null;
  const existing = useWorkOrder(editId);
  const parent = useWorkOrder(parentId);
  const refs = { clients: useClientRefs(), sites: useSiteRefs(), fronts: useFrontRefs(), leaders: useUserRefs() };

  const pending = (editId !== null && existing.isPending) || (parentId !== null && parent.isPending);
  if (pending) return <LoadingState />;
  const failed = editId !== null ? existing : parentId !== null ? parent : null;
  if (failed?.isError) return <ErrorState message={describeError(failed.error, t, locale)} onRetry={() => void failed.refetch()} />;

  const workOrder = editId !== null ? (existing.data ?? null) : null;
  return (
    <WorkOrderForm
      key={`${editId ?? 'new'}-${parentId ?? ''}`}
      workOrder={workOrder}
      parent={parentId !== null ? (parent.data ?? null) : null}
      refs={refs}
      cancelPath={workOrder ? paths.workOrder(workOrder.id) : paths.workOrders}
      onSaved={(saved) => void navigate(paths.workOrder(saved.id))}
    />
  );
}
