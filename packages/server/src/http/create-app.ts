import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { formatPath } from '../schema/evaluation-codec';
import { ApiError, errorBody, handleError } from './api-error';
import type { ApiApp, AppDeps, AppEnv } from './app-deps';
import { RateLimiter } from './rate-limit';
import { registerAttachmentRoutes } from './routes/attachments';
import { registerAuthRoutes } from './routes/auth';
import { registerCommentRoutes } from './routes/comments';
import { registerEvaluationWorkflowRoutes } from './routes/evaluation-workflow';
import { registerEvaluationRoutes } from './routes/evaluations';
import { registerExportRoutes } from './routes/exports';
import { registerHealthRoutes } from './routes/health';
import { registerImportRoutes } from './routes/imports';
import { registerAuditLogRoutes } from './routes/audit-log';
import { registerDashboardRoutes } from './routes/dashboard';
import { registerDashboardExportRoutes } from './routes/dashboard-export';
import { registerDeadlineRoutes } from './routes/deadlines';
import { registerFrameworkRoutes } from './routes/frameworks';
import { registerJurisdictionRoutes } from './routes/jurisdictions';
import { registerPublicRoutes } from './routes/public';
import { registerUnitRoutes } from './routes/units';
import { registerUserRoutes } from './routes/users';
import { registerWorkbenchRoutes } from './routes/workbench';
import { registerWorkGradeRoutes } from './routes/work-grade';
import { sessionMiddleware } from './session';

/**
 * The API: every route module registers itself here, in this order. Each route validates its input with
 * zod (a 400 with the field path in Chinese), finds its actor through the session middleware, and scopes
 * its queries with app/access (a row outside the actor's grants answers 404, an action outside the role 403).
 */
const ROUTES: readonly ((app: ApiApp, deps: AppDeps) => void)[] = [registerHealthRoutes, registerAuthRoutes, registerEvaluationRoutes, registerEvaluationWorkflowRoutes, registerCommentRoutes, registerAttachmentRoutes, registerWorkGradeRoutes, registerImportRoutes, registerExportRoutes, registerJurisdictionRoutes, registerUnitRoutes, registerUserRoutes, registerFrameworkRoutes, registerDeadlineRoutes, registerWorkbenchRoutes, registerDashboardRoutes, registerDashboardExportRoutes, registerPublicRoutes, registerAuditLogRoutes];

export function createApp(deps: AppDeps): ApiApp {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
        throw new ApiError('BAD_REQUEST', issues.map((i) => `${i.path}：${i.message}`).join('；'), { issues });
      }
    },
  });
  app.onError(handleError(deps.log));
  // Every response, API and web app alike: no framing, no MIME sniffing, no referrer, and a CSP that lets the
  // page load only its own scripts. antd writes its styles at run time (CSS-in-JS), hence 'unsafe-inline' for
  // styles only; ECharts draws on canvas and needs nothing more.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      xFrameOptions: 'DENY',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `没有这个接口：${c.req.method} ${c.req.path}`), 404));
  app.use('/api/*', sessionMiddleware(deps, new RateLimiter(deps.config.writesPerMinute, 60_000)));
  for (const register of ROUTES) register(app, deps);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Jixiao 绩效 API', version: '0.1.0', description: '预算绩效自评：填报、审查、审核与监督。写请求须带 Cookie 会话与 X-CSRF-Token 请求头。' },
  });
  return app;
}
