import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from './client';
import type { QueryValue } from './client';

export interface ApiResource<T> {
  readonly data: T | undefined;
  readonly loading: boolean;
  readonly error: ApiError | undefined;
  /** Fetch again (after a workflow step changed what the page shows). */
  readonly reload: () => void;
}

/**
 * A GET that follows its path and query: refetched when either changes, aborted when the page moves on (so
 * a slow answer for the previous filter never overwrites the current one). `path` null waits.
 */
export function useApi<T>(path: string | null, query?: Readonly<Record<string, QueryValue>>): ApiResource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: path !== null });
  const [generation, setGeneration] = useState(0);
  const key = path === null ? null : JSON.stringify([path, query ?? {}]);

  useEffect(() => {
    if (key === null || path === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api
      .get<T>(path, { query, signal: controller.signal })
      .then((data) => setState({ data, loading: false }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ loading: false, error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error)) });
      });
    return () => controller.abort();
    // `key` stands for path and query by value; the objects themselves change on every render.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, loading: state.loading, error: state.error, reload };
}
