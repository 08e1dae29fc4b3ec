import { createBrowserRouter, Navigate } from 'react-router';
import { AppShell } from './layout/app-shell';
import { paths } from './layout/navigation';
import { AccountPage } from './pages/account-page';
import { AuditPage } from './pages/audit-page';
import { ClientsPage } from './pages/clients-page';
import { EstimatesPage } from './pages/estimates-page';
import { FrontsPage } from './pages/fronts-page';
import { LoginPage } from './pages/login-page';
import { MonthlyReportsPage } from './pages/monthly-reports-page';
import { NotFoundPage } from './pages/not-found-page';
import { ProductionPage } from './pages/production-page';
import { DailyReportsPage } from './pages/daily-reports-page';
import { GpuBoardPage } from './pages/gpu-board-page';
import { SitesPage } from './pages/sites-page';
import { UnitsPage } from './pages/units-page';
import { UsersPage } from './pages/users-page';
import { WorkOrderDetailPage } from './pages/work-order-detail-page';
import { WorkOrderFormPage } from './pages/work-order-form-page';
import { WorkOrdersPage } from './pages/work-orders-page';
import { RequireAuth, RequireCapability } from './session';

export const router = createBrowserRouter([
  { path: paths.login, element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to={paths.workOrders} replace /> },
          { path: paths.production, element: <ProductionPage /> },
          { path: paths.dailyReports, element: <DailyReportsPage /> },
          { path: paths.gpuBoard, element: <GpuBoardPage /> },
          { path: paths.monthlyReports, element: <MonthlyReportsPage /> },
          { path: paths.estimates, element: <EstimatesPage /> },
          { path: paths.workOrders, element: <WorkOrdersPage /> },
          { path: paths.newWorkOrder, element: <WorkOrderFormPage /> },
          { path: '/ots/:id', element: <WorkOrderDetailPage /> },
          { path: '/ots/:id/editar', element: <WorkOrderFormPage /> },
          { path: paths.clients, element: <ClientsPage /> },
          { path: paths.sites, element: <SitesPage /> },
          { path: paths.units, element: <UnitsPage /> },
          { path: paths.fronts, element: <FrontsPage /> },
          { path: paths.audit, element: <AuditPage /> },
          {
            path: paths.users,
            element: (
              <RequireCapability capability="users.manage">
                <UsersPage />
              </RequireCapability>
            ),
          },
          { path: paths.account, element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
