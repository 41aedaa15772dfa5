import type { ImportLimits } from '../../app/ports';

export type { ImportLimits };

/**
 * Default caps. Values are chosen for the genre: the largest real 自评 report seen is a few MB and a few
 * hundred table rows, so these leave a wide margin while stopping bombs and runaway files.
 */
export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxTableRows: 5000,
  maxPages: 500,
  timeoutMs: 60_000,
};
