import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's one h1 (what the tests and screen readers find the page by), with actions beside it. */
export function PageHeader({ title, extra, children }: { readonly title: ReactNode; readonly extra?: ReactNode; readonly children?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
