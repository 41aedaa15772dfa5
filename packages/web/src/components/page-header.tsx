import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page's one h1 (what the tests and screen readers find the page by), with actions beside it. A subtitle
 * (what the page is about: the unit and evaluation) is part of the h1, in smaller grey type after a "·".
 */
export function PageHeader({
  title,
  subtitle,
  extra,
  children,
}: { readonly title: ReactNode; readonly subtitle?: ReactNode; readonly extra?: ReactNode; readonly children?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
          {subtitle !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 18, fontWeight: 'normal' }}>
              {' '}
              · {subtitle}
            </Typography.Text>
          )}
        </Typography.Title>
        {children}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
