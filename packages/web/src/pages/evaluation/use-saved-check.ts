import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { EvaluationCheck, EvaluationDetail } from '../../api/types';

/**
 * The engine's score of the saved version (not recorded with the evaluation, so asked for on each view), for
 * the computed columns of the detail and review pages.
 */
export function useSavedCheck(evaluation: EvaluationDetail | undefined): { data?: EvaluationCheck; error?: string } {
  const [state, setState] = useState<{ key?: string; data?: EvaluationCheck; error?: string }>({});
  const key = evaluation ? `${evaluation.id}@${evaluation.version}` : undefined;
  useEffect(() => {
    if (!evaluation || !key) return;
    let live = true;
    api
      .post<EvaluationCheck>(`/api/evaluations/${encodeURIComponent(evaluation.id)}/check`, { quiet: true })
      .then((data) => live && setState({ key, data }))
      .catch((error: unknown) => live && setState({ key, error: error instanceof ApiError ? error.message : String(error) }));
    return () => {
      live = false;
    };
    // Rechecked only when the version changes; the evaluation object itself changes on every reload.
  }, [key]);
  return state.key === key ? state : {};
}
