import { execFileSync } from 'node:child_process';

/** Whether a system program answers; tests that need one skip with a reason when it does not (CI installs them). */
function answers(program: string, args: string[]): boolean {
  try {
    execFileSync(program, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

export const HAS_SOFFICE = answers('soffice', ['--version']);
export const HAS_POPPLER = answers('pdftoppm', ['-v']);
