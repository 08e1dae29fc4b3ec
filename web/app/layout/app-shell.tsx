import { NavLink, Outlet, useNavigate, useNavigation } from 'react-router';
import { useLogout } from '../../features/auth/hooks/use-session';
import { Icons } from '../../components/ui/icons';
import { useI18n } from '../i18n';
import { can } from '../permissions';
import { useCurrentUser } from '../session';
import { BrandMark } from './brand';
import { LanguageSwitch } from './language-switch';
import { paths, type NavSection } from './navigation';

const SECTIONS: NavSection[] = [
  {
    titleKey: 'nav.sectionOperation',
    items: [
      { to: paths.production, labelKey: 'nav.production', testId: 'nav-production', icon: Icons.production },
      { to: paths.monthlyReports, labelKey: 'nav.monthlyReports', testId: 'nav-monthly-reports', icon: Icons.monthly },
      { to: paths.estimates, labelKey: 'nav.estimates', testId: 'nav-estimates', icon: Icons.estimates },
      { to: paths.workOrders, labelKey: 'nav.workOrders', testId: 'nav-work-orders', icon: Icons.workOrders },
    ],
  },
  {
    titleKey: 'nav.sectionCatalogues',
    items: [
      { to: paths.contractCatalogue, labelKey: 'nav.contractCatalogue', testId: 'nav-contract-catalogue', icon: Icons.units },
      { to: paths.clients, labelKey: 'nav.clients', testId: 'nav-clients', icon: Icons.clients },
      { to: paths.sites, labelKey: 'nav.sites', testId: 'nav-sites', icon: Icons.sites },
      { to: paths.units, labelKey: 'nav.units', testId: 'nav-units', icon: Icons.units },
      { to: paths.fronts, labelKey: 'nav.fronts', testId: 'nav-fronts', icon: Icons.fronts },
    ],
  },
  {
    titleKey: 'nav.sectionControl',
    items: [{ to: paths.audit, labelKey: 'nav.audit', testId: 'nav-audit', icon: Icons.audit, capability: 'audit.read' }],
  },
  {
    titleKey: 'nav.sectionAdmin',
    items: [
      { to: paths.users, labelKey: 'nav.users', testId: 'nav-users', icon: Icons.users, capability: 'users.manage' },
      { to: paths.account, labelKey: 'nav.account', testId: 'nav-account', icon: Icons.account },
    ],
  },
];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** Left navigation + top bar around every authenticated screen. */
export function AppShell() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const navigation = useNavigation();

  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => void navigate(paths.login, { replace: true }),
    });

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('topbar.skipToContent')}
      </a>
      <aside className="sidebar">
        <NavLink to={paths.home} className="sidebar-brand" aria-label={t('app.name')}>
          <BrandMark />
          <span className="sidebar-brand-text">
            <span className="sidebar-brand-name">{t('app.name')}</span>
            <span className="sidebar-brand-tagline">{t('app.tagline')}</span>
          </span>
        </NavLink>
        <nav className="sidebar-nav" aria-label={t('nav.main')}>
          {SECTIONS.map((section) => {
            const items = section.items.filter((i) => !i.capability || can(user.role, i.capability));
            if (items.length === 0) return null;
            return (
              <div className="nav-section" key={section.titleKey}>
                <div className="nav-section-title">{t(section.titleKey)}</div>
                <ul>
                  {items.map((item) => (
                    <li key={item.to}>
                      <NavLink
                        to={item.to}
                        className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
                        data-testid={item.testId}
                      >
                        {item.icon()}
                        <span>{t(item.labelKey)}</span>
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
      </aside>
      <div className="shell-main">
        <header className="topbar">
          <div className="topbar-spacer" />
          <LanguageSwitch />
          <NavLink to={paths.account} className="topbar-user" data-testid="user-menu">
            <span className="avatar" aria-hidden="true">
              {initials(user.name)}
            </span>
            <span className="topbar-user-text">
              <span className="topbar-user-name" data-testid="current-user-name">
                {user.name}
              </span>
              <span className="topbar-user-role" data-testid="current-user-role" data-role={user.role}>
                {t(`role.${user.role}`)}
              </span>
            </span>
          </NavLink>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onLogout} disabled={logout.isPending} data-testid="logout">
            <Icons.logout />
            {t('topbar.logout')}
          </button>
        </header>
        {navigation.state === 'loading' && <div className="route-progress" role="progressbar" aria-label={t('common.loading')} />}
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
