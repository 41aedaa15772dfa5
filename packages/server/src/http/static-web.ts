import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { ApiApp } from './app-deps';

/**
 * The browser app, served by the API's own server from packages/web/dist: files as they are, and
 * index.html for every other GET outside /api/ (the app routes in the browser, so /units/42 is its page).
 * Mounted after the API routes; /api/ paths never fall through to the app, so an unknown API path stays a
 * JSON 404. The build's assets have content hashes in their names and are cached for a year; index.html
 * is revalidated on every load, so a new build is picked up at once.
 */
export function mountStaticWeb(app: ApiApp, distDir: string): void {
  let files: MiddlewareHandler | undefined;
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

  app.get('*', async (c, next) => {
    if (isApi(c.req.path)) return next();
    const index = join(distDir, 'index.html');
    if (!existsSync(index)) return c.html(NOT_BUILT, 503, { 'cache-control': 'no-store' });
    // Created once the build exists (serveStatic complains at creation about a missing root).
    files ??= serveStatic({ root: distDir });
    const served = await files(c, async () => undefined);
    if (served) {
      // Set on the response itself: serveStatic has built it by the time any hook of its runs.
      for (const [name, value] of Object.entries(c.req.path.startsWith('/assets/') ? ASSET_HEADERS : PAGE_HEADERS)) served.headers.set(name, value);
      return served;
    }
    // A missing file is a 404, not the app: a browser must not run index.html as a script or a style.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text(`未找到文件：${c.req.path}`, 404, { 'x-content-type-options': 'nosniff' });
    return c.html(await readFile(index, 'utf8'), 200, PAGE_HEADERS);
  });
}

const ASSET_HEADERS = { 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' };
const PAGE_HEADERS = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' };

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>网页尚未构建 · Jixiao 绩效</title></head>
<body style="max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.8;font-family:system-ui,sans-serif">
<h1>Jixiao 绩效：网页尚未构建</h1>
<p>服务已经启动，接口可以使用，但网页前端还没有构建（缺少 <code>packages/web/dist</code>）。</p>
<p>请在仓库根目录运行：</p>
<pre style="background:#f4f4f4;padding:.75rem">npm run build -w @jixiao/web</pre>
<p>然后刷新本页即可，无需重启。以后直接用 <code>npm start</code> 启动，会先构建网页。</p>
<p>接口说明：<a href="/api/openapi.json">/api/openapi.json</a>；健康检查：<a href="/api/health">/api/health</a>。</p>
</body>
</html>
`;
