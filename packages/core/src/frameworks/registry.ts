import type { Framework } from './framework';
import { HUNAN_STANDARD } from './hunan-standard';
import { LIUYANG_DEPARTMENT } from './liuyang-department';
import { MOF_2013_DEPARTMENT } from './mof-2013-department';

/** The frameworks Jixiao ships, in the order they are listed to users. */
export const FRAMEWORKS: readonly Framework[] = [HUNAN_STANDARD, LIUYANG_DEPARTMENT, MOF_2013_DEPARTMENT];

/** The framework used when an evaluation names none. */
export const DEFAULT_FRAMEWORK_ID = HUNAN_STANDARD.id;

export function findFramework(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}
