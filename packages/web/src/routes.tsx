import { Result, Spin } from 'antd';
import type { ComponentType } from 'react';
import { Link, Navigate, Outlet, createBrowserRouter, useLocation } from 'react-router';
import { useSession } from './session/session';

/**
 * The pages, each loaded on first visit (its own chunk: antd's Table, ECharts and the detail view are not in
 * the first download). Pages export a named component; `page()` adapts that to react-router's lazy route.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return async () => ({ Component: (await load())[name] });
}

export const router = createBrowserRouter([
  {
    // The first load of any page waits for its chunk under this spinner.
    HydrateFallback: Loading,
    children: [
      { path: '/login', lazy: page(() => import('./pages/login-page'), 'LoginPage') },
      {
        path: '/public',
        lazy: page(() => import('./layout/public-layout'), 'PublicLayout'),
        children: [
          { index: true, lazy: page(() => import('./pages/public/public-list-page'), 'PublicListPage') },
          { path: 'reports/:id', lazy: page(() => import('./pages/public/public-report-page'), 'PublicReportPage') },
        ],
      },
      {
        path: '/',
        Component: RequireSignIn,
        children: [
          {
            lazy: page(() => import('./layout/app-layout'), 'AppLayout'),
            children: [
              { index: true, element: <Navigate to="/workbench" replace /> },
              { path: 'workbench', lazy: page(() => import('./pages/workbench-page'), 'WorkbenchPage') },
              { path: 'evaluations', lazy: page(() => import('./pages/evaluation-list-page'), 'EvaluationListPage') },
              { path: 'evaluations/:id', lazy: page(() => import('./pages/evaluation/evaluation-page'), 'EvaluationPage') },
              { path: 'evaluations/:id/edit', lazy: page(() => import('./pages/editor/editor-page'), 'EditorPage') },
              { path: 'dashboard', lazy: page(() => import('./pages/dashboard/dashboard-page'), 'DashboardPage') },
              { path: 'dashboard/units/:unitId', lazy: page(() => import('./pages/unit-history/unit-history-page'), 'UnitHistoryPage') },
              { path: 'dashboard/review-pack', lazy: page(() => import('./pages/dashboard/review-pack-page'), 'ReviewPackPage') },
              { path: 'import', lazy: page(() => import('./pages/import/import-page'), 'ImportPage') },
              { path: 'review', lazy: page(() => import('./pages/review/review-page'), 'ReviewPage') },
              { path: 'review/:id', lazy: page(() => import('./pages/review/review-detail-page'), 'ReviewDetailPage') },
              { path: '*', Component: NotFound },
            ],
          },
        ],
      },
    ],
  },
]);

function Loading() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" description="正在加载…" />
    </div>
  );
}

/** Pages behind sign-in: wait for the session, send the anonymous to the login page (and back afterwards). */
function RequireSignIn() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，或链接已失效。"
      extra={<Link to="/workbench">返回工作台</Link>}
    />
  );
}
