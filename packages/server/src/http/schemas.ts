import { z } from '@hono/zod-openapi';

/** Shapes shared by every route module, for validation and for the OpenAPI document. */
export const errorSchema = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'NOT_FOUND' }), message: z.string().openapi({ example: '未找到评价，或您无权查看' }), details: z.unknown().optional() }) })
  .openapi('Error');

const errorContent = { 'application/json': { schema: errorSchema } };

/** The error responses a route documents; every route may also answer 400, 401, 429 and 500. */
export const errorResponses = {
  400: { description: '请求参数不正确', content: errorContent },
  401: { description: '未登录或会话已过期', content: errorContent },
  403: { description: '无权限，或缺少 CSRF 令牌', content: errorContent },
  404: { description: '不存在，或不在您的权限范围内', content: errorContent },
  409: { description: '版本冲突或状态不允许', content: errorContent },
  429: { description: '请求过于频繁', content: errorContent },
} as const;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ description: '页码，从 1 开始' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: '每页条数，最多 200' }),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
}

export const idParamSchema = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });

/** An exact decimal as a string (money in 万元, rates in %, scores): never a JSON number. */
export const decimalSchema = z.string().regex(/^-?\d+(\.\d+)?$/).openapi({ example: '96.45' });
