import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../app/ports';

/**
 * argon2id with OWASP's first recommended setting (m = 19 MiB, t = 2, p = 1): 40 ms to hash and 12 ms to
 * verify on this machine (stack-notes.md §9). @node-rs/argon2 ships a prebuilt binary; the `argon2`
 * package's prebuild segfaults here.
 */
// The package's Algorithm is an ambient const enum, which verbatimModuleSyntax cannot read: Argon2id = 2.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, OPTIONS),
  verify: async (stored, password) => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
