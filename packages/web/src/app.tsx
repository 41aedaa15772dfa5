import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import type { ApiError } from './api/client';
import { router } from './routes';
import { SessionProvider } from './session/session';

const THEME = {
  token: {
    // System CJK fonts first: Noto Sans CJK on Linux, 微软雅黑 on Windows desktops in government offices.
    fontFamily: '-apple-system, "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif',
    colorPrimary: '#1f5fbf',
  },
};

/** The root: Chinese locale, antd's message context, the session, and the routes. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <WithErrorMessages>
          <RouterProvider router={router} />
        </WithErrorMessages>
      </AntApp>
    </ConfigProvider>
  );
}

/** API errors are shown with antd's message (from App.useApp, so it follows the theme and locale). */
function WithErrorMessages({ children }: { readonly children: ReactNode }) {
  const { message } = AntApp.useApp();
  const reportError = useCallback((error: ApiError) => void message.error(error.message), [message]);
  return <SessionProvider reportError={reportError}>{children}</SessionProvider>;
}
