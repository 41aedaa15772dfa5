import { AppstoreOutlined, BarChartOutlined, FileSearchOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { AuditOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { CurrentUser, Role } from '../api/types';
import { hasRole, useSession, useUser } from '../session/session';

interface NavItem {
  readonly key: string;
  readonly label: string;
  readonly icon: React.ReactNode;
  /** Shown to users with any of these roles; every role when absent. */
  readonly roles?: readonly Role[];
}

const NAV: readonly NavItem[] = [
  { key: '/workbench', label: '工作台', icon: <AppstoreOutlined aria-hidden /> },
  { key: '/evaluations', label: '评价列表', icon: <FileSearchOutlined aria-hidden /> },
  { key: '/dashboard', label: '监督看板', icon: <BarChartOutlined aria-hidden />, roles: ['finance_reviewer', 'npc_supervisor', 'admin'] },
  { key: '/import', label: '导入与审查', icon: <CloudUploadOutlined aria-hidden />, roles: ['filler', 'finance_reviewer', 'npc_supervisor'] },
  { key: '/review', label: '审核', icon: <AuditOutlined aria-hidden />, roles: ['finance_reviewer'] },
  { key: '/public', label: '公开报告', icon: <GlobalOutlined aria-hidden /> },
];

/** The menu a user sees: what their roles can use (the server checks again on every request). */
export function navFor(user: CurrentUser): MenuProps['items'] {
  return NAV.filter((item) => !item.roles || hasRole(user, ...item.roles)).map((item) => ({
    key: item.key,
    icon: item.icon,
    label: <Link to={item.key}>{item.label}</Link>,
  }));
}

/** The signed-in frame: the menu by role, the user's name and roles, 退出. */
export function AppLayout() {
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const selected = NAV.find((item) => location.pathname.startsWith(item.key))?.key;
  const roleLabels = [...new Set(user.roles.map((r) => r.label))];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="jx-skip-link" href="#main">
        跳到正文
      </a>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        theme="light"
        width={200}
        // Sticky: on a long evaluation the menu stays in reach instead of scrolling away with the page.
        style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600, fontSize: collapsed ? 14 : 17, color: '#1f5fbf' }}>
          {collapsed ? '绩效' : '绩效自评'}
        </div>
        <nav aria-label="主菜单">
          <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={navFor(user)} style={{ borderInlineEnd: 'none' }} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', borderBottom: '1px solid #f0f0f0', height: 56 }}>
          <Space size="middle" wrap={false}>
            <Space size={4}>
              <UserOutlined aria-hidden />
              <Typography.Text strong data-testid="user-name">
                {user.displayName}
              </Typography.Text>
            </Space>
            <span>
              {roleLabels.map((label) => (
                <Tag key={label} color="blue" style={{ marginInlineEnd: 4 }}>
                  {label}
                </Tag>
              ))}
            </span>
            <Button
              icon={<LogoutOutlined aria-hidden />}
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
            >
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 16, outline: 'none', minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
