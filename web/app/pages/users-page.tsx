import { loadWorkOrderOptions, searchWorkOrderOptions } from '../../features/work-orders/api/work-orders-api';
import { UsersScreen } from '../../features/users/components/users-screen';
import { RequireCapability } from '../session';
import { useSiteRefs } from './ref-options';

export function UsersPage() {
  return (
    <RequireCapability capability="users.manage">
      <UsersPageBody />
    </RequireCapability>
  );
}

function UsersPageBody() {
  const sites = useSiteRefs();
  return (
    <UsersScreen
      scope={{
        sites: sites.map((s) => ({ id: s.id, name: s.label, active: s.active, kindLabel: s.detail ?? '' })),
        searchWorkOrders: (text, signal) => searchWorkOrderOptions(text, signal),
        loadWorkOrders: loadWorkOrderOptions,
      }}
    />
  );
}
