import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../adapters/db/open-store';
import { createTestApi } from '../../test/api-client';
import { mountStaticWeb } from './static-web';

// None of these requests reaches the database (no health check, no session cookie).
const noStore = { db: undefined } as unknown as Store;

function appServing(dist: string) {
  const { app } = createTestApi(noStore);
  mountStaticWeb(app, dist);
  return (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
}

describe('the web app beside the API', () => {
  const dist = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>绩效</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  const get = appServing(dist);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('serves the build: index.html revalidated, hashed assets cached for a year', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toContain('<title>绩效</title>');
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
  });

  it("answers the app's own routes with index.html, a missing file with 404", async () => {
    const route = await get('/evaluations/42/edit');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    const missing = await get('/assets/gone-999.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('未找到文件：/assets/gone-999.js');
  });

  it('never answers /api/ paths with the app: an unknown API path stays a JSON 404', async () => {
    const res = await get('/api/no-such-route');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '没有这个接口：GET /api/no-such-route' } });
    expect((await get('/api')).headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses paths that climb out of the build', async () => {
    const res = await get('/assets/..%2F..%2Fetc%2Fpasswd');
    expect(await res.text()).not.toContain('root:');
  });
});

describe('before the web app is built', () => {
  const get = appServing(join(tmpdir(), 'jixiao-no-such-dist'));

  it('says in Chinese how to build it', async () => {
    const res = await get('/');
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain('网页尚未构建');
    expect(html).toContain('npm run build -w @jixiao/web');
  });
});
