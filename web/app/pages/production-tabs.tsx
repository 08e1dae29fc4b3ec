import { NavLink, useLocation } from 'react-router';
import { useI18n } from '../i18n';
import { paths } from '../layout/navigation';

/** Daily reports · Grid · GPU: the three capture screens, keeping the filters (query string) when switching. */
export function ProductionTabs() {
  const { t } = useI18n();
  const { search } = useLocation();
  const tabs = [
    { to: paths.dailyReports, label: t('prod.tab.daily'), testId: 'tab-daily' },
    { to: paths.production, label: t('prod.tab.grid'), testId: 'tab-grid' },
    { to: paths.gpuBoard, label: t('prod.tab.gpu'), testId: 'tab-gpu' },
  ];
  return (
    <nav className="prod-tabs" aria-label={t('prod.title')}>
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={{ pathname: tab.to, search }}
          end
          className={({ isActive }) => `prod-tab${isActive ? ' prod-tab-active' : ''}`}
          data-testid={tab.testId}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
