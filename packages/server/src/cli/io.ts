/**
 * What a command needs from the outside world, so that tests run commands in-process with fakes and
 * the real process wiring stays in main.ts.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly writeBytes: (path: string, bytes: Uint8Array) => Promise<void>;
}

/** Exit codes: 0 done, 1 a bug (an exception), 2 bad input from the user (not JSON, schema, options). */
export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_BAD_INPUT = 2;

/** A user-input failure the command has already described; carries the exit code up to main. */
export class CliExit extends Error {
  readonly exitCode: number;

  constructor(exitCode: number, message = '') {
    super(message);
    this.exitCode = exitCode;
  }
}
