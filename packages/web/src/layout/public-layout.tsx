import { GlobalOutlined } from '@ant-design/icons';
import { Layout, Space, Typography } from 'antd';
import { Link, Outlet } from 'react-router';
import { useSession } from '../session/session';

/** The frame of the public pages: no sign-in, a plain header, a link in for staff. */
export function PublicLayout() {
  const { state } = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="jx-skip-link" href="#main">
        跳到正文
      </a>
      <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0', height: 56 }}>
        <Link to="/public" style={{ color: 'inherit' }}>
          <Space>
            <GlobalOutlined aria-hidden style={{ color: '#1f5fbf' }} />
            <Typography.Text strong style={{ fontSize: 17 }}>
              预算绩效自评公开
            </Typography.Text>
          </Space>
        </Link>
        {state.status === 'signed-in' ? <Link to="/workbench">返回工作台</Link> : <Link to="/login">工作人员登录</Link>}
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ padding: 16, maxWidth: 1200, width: '100%', margin: '0 auto', outline: 'none' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>各单位自评报告经财政部门审核后公开。数据可下载为 JSON 或 CSV。</Layout.Footer>
    </Layout>
  );
}
