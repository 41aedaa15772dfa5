import { randomInt } from 'node:crypto';
import { passwordProblems } from '../accounts/password-rules';

// No 0/O, 1/l/I: the password is read off a terminal and typed in by hand.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALPHABET = LOWER + UPPER + DIGITS;

/**
 * A random initial password that meets the password rules: four groups of four from 56 characters joined by
 * hyphens (about 93 bits), e.g. `Kq7m-Xp4t-Rz9w-b3Fh`. Drawn again in the rare case that a draw lacks a
 * lower-case letter, a capital or a digit, or happens to contain the username.
 */
export function initialPassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
    const password = groups.join('-');
    const kinds = [LOWER, UPPER, DIGITS].every((set) => [...password].some((c) => set.includes(c)));
    if (kinds && passwordProblems(password, username).length === 0) return password;
  }
}
