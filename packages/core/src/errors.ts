/**
 * Exceptions in Jixiao are for bugs only (users' data problems are findings). Each carries a stable code
 * so that a report from the field names the broken invariant, not a stack trace.
 */
export type ErrorCode =
  | 'INVARIANT' // a condition the code guarantees did not hold
  | 'UNREACHABLE' // a case the types say cannot happen
  | 'CONFIG'; // a shipped framework or setting is malformed

export class JixiaoError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'JixiaoError';
    this.code = code;
  }
}

/** Throws INVARIANT when `condition` is false. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new JixiaoError('INVARIANT', message);
}
