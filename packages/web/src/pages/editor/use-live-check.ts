import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { EvaluationCheck } from '../../api/types';
import type { JsonObject } from './json-path';

export interface LiveCheck {
  /** The last answer for content the editor held (kept while a newer one is on its way, so nothing flickers). */
  readonly data?: EvaluationCheck;
  /** Why the content could not be scored (content that does not fit the format: the field paths and messages). */
  readonly error?: ApiError;
  /** A check for the current content is pending or running. */
  readonly checking: boolean;
}

/**
 * Scores and audits the unsaved content as the user types: the server's engine is the one source of every
 * score and rate (no arithmetic here), asked at most once per pause in typing. An answer for content already
 * edited again is dropped (its request aborted), so a slow answer never overwrites a newer one.
 */
export function useLiveCheck(evaluationId: string, content: JsonObject | undefined, delayMs = 400): LiveCheck {
  const [state, setState] = useState<{ data?: EvaluationCheck; error?: ApiError; checking: boolean }>({ checking: content !== undefined });
  const first = useRef(true);

  useEffect(() => {
    if (!content) return;
    setState((s) => (s.checking ? s : { ...s, checking: true }));
    const controller = new AbortController();
    // The first check (on opening) need not wait for typing to pause.
    const timer = window.setTimeout(
      () => {
        first.current = false;
        api
          .post<EvaluationCheck>(`/api/evaluations/${encodeURIComponent(evaluationId)}/check`, { body: { content }, quiet: true, signal: controller.signal })
          .then((data) => setState({ data, checking: false }))
          .catch((error: unknown) => {
            if (controller.signal.aborted) return;
            setState((s) => ({ data: s.data, error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error)), checking: false }));
          });
      },
      first.current ? 0 : delayMs,
    );
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [evaluationId, content, delayMs]);

  return state;
}
