import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from '../components/ui/states';
import { AppShell } from './layout/app-shell';
import { paths } from './layout/navigation';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { RequireAuth } from './session';

/**
 * A screen loaded on its first visit, so the first download stays small (the production grid
 * and charts are heavy). Each page file stays a plain module exporting its component.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return { lazy: async () => ({ Component: pick(await load()) }) };
}

export const router = createBrowserRouter([
  { path: paths.login, element: <LoginPage /> },
  {
    element: <RequireAuth />,
    HydrateFallback: LoadingState,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to={paths.workOrders} replace /> },
          {
            path: paths.production,
            ...page(
              () => import('./pages/production-page'),
              (m) => m.ProductionPage,
            ),
          },
          {
            path: paths.dailyReports,
            ...page(
              () => import('./pages/daily-reports-page'),
              (m) => m.DailyReportsPage,
            ),
          },
          {
            path: paths.gpuBoard,
            ...page(
              () => import('./pages/gpu-board-page'),
              (m) => m.GpuBoardPage,
            ),
          },
          {
            path: paths.monthlyReports,
            ...page(
              () => import('./pages/monthly-reports-page'),
              (m) => m.MonthlyReportsPage,
            ),
          },
          {
            path: '/reportes-mensuales/:id',
            ...page(
              () => import('./pages/monthly-report-detail-page'),
              (m) => m.MonthlyReportDetailPage,
            ),
          },
          {
            path: paths.estimates,
            ...page(
              () => import('./pages/estimates-page'),
              (m) => m.EstimatesPage,
            ),
          },
          {
            path: paths.workOrders,
            ...page(
              () => import('./pages/work-orders-page'),
              (m) => m.WorkOrdersPage,
            ),
          },
          {
            path: paths.newWorkOrder,
            ...page(
              () => import('./pages/work-order-form-page'),
              (m) => m.WorkOrderFormPage,
            ),
          },
          {
            path: '/ots/:id',
            ...page(
              () => import('./pages/work-order-detail-page'),
              (m) => m.WorkOrderDetailPage,
            ),
          },
          {
            path: '/ots/:id/anexo',
            ...page(
              () => import('./pages/annex-page'),
              (m) => m.AnnexPage,
            ),
          },
          {
            path: paths.contractCatalogue,
            ...page(
              () => import('./pages/contract-catalogue-page'),
              (m) => m.ContractCataloguePage,
            ),
          },
          {
            path: '/ots/:id/editar',
            ...page(
              () => import('./pages/work-order-form-page'),
              (m) => m.WorkOrderFormPage,
            ),
          },
          {
            path: paths.clients,
            ...page(
              () => import('./pages/clients-page'),
              (m) => m.ClientsPage,
            ),
          },
          {
            path: paths.sites,
            ...page(
              () => import('./pages/sites-page'),
              (m) => m.SitesPage,
            ),
          },
          {
            path: paths.units,
            ...page(
              () => import('./pages/units-page'),
              (m) => m.UnitsPage,
            ),
          },
          {
            path: paths.fronts,
            ...page(
              () => import('./pages/fronts-page'),
              (m) => m.FrontsPage,
            ),
          },
          {
            path: paths.audit,
            ...page(
              () => import('./pages/audit-page'),
              (m) => m.AuditPage,
            ),
          },
          {
            path: paths.users,
            ...page(
              () => import('./pages/users-page'),
              (m) => m.UsersPage,
            ),
          },
          {
            path: paths.account,
            ...page(
              () => import('./pages/account-page'),
              (m) => m.AccountPage,
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
