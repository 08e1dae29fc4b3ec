import type { ReactNode } from 'react';

export function PageHeader({
  title,
  subtitle,
  actions,
  meta,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  meta?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        <h1 data-testid="page-title">{title}</h1>
        {subtitle && <p className="page-subtitle">{subtitle}</p>}
        {meta}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}

/** A row of filters above a list. */
export function Toolbar({ children, end }: { children: ReactNode; end?: ReactNode }) {
  return (
    <div className="toolbar" role="search">
      <div className="toolbar-filters">{children}</div>
      {end && <div className="toolbar-end">{end}</div>}
    </div>
  );
}

export function Card({
  title,
  actions,
  children,
  testId,
  className,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section className={`card${className ? ` ${className}` : ''}`} data-testid={testId}>
      {(title || actions) && (
        <header className="card-header">
          {title && <h2 className="card-title">{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}

/** Label/value pairs for detail views. */
export function DescriptionList({ items }: { items: readonly { label: ReactNode; value: ReactNode; testId?: string; wide?: boolean }[] }) {
  return (
    <dl className="dl">
      {items.map((item, i) => (
        <div key={i} className={item.wide ? 'dl-item dl-wide' : 'dl-item'}>
          <dt>{item.label}</dt>
          <dd data-testid={item.testId}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
