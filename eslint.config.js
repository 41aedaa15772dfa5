// Lint rules, including the dependency direction of docs/ARCHITECTURE.md. Each restriction says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noDeepImports = {
  group: ['@jixiao/*/src', '@jixiao/*/src/**'],
  message: 'Import a package through its public entry (@jixiao/core), never its files.',
};

const ADAPTERS = ['importers', 'generators', 'db', 'libreoffice', 'passwords'];

/** no-restricted-imports for one folder: the shared rule plus that folder's bans. */
function restrict(files, patterns, paths = []) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [noDeepImports, ...patterns] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-output/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'error',
    },
  },
  restrict(['**/*.{ts,tsx,js}'], []),
  restrict(
    ['packages/core/**/*.ts'],
    [
      {
        regex: '^(?!\\.|decimal\\.js$|vitest$|fast-check$)',
        message: 'The core is the pure domain: it imports nothing but decimal.js (no node:*, no DOM, no other package). Tests may use vitest and fast-check.',
      },
    ],
  ),
  restrict(
    ['packages/server/src/app/**/*.ts'],
    [
      { group: ['**/adapters/**', '**/http/**', '**/cli/**'], message: 'Use cases depend on ports (app/ports.ts), never on adapters, http or cli.' },
    ],
  ),
  ...ADAPTERS.map((name) => {
    const others = ADAPTERS.filter((o) => o !== name);
    return restrict(
      [`packages/server/src/adapters/${name}/**/*.ts`],
      [
        {
          group: [...others.map((o) => `**/adapters/${o}/**`), ...others.map((o) => `../${o}/**`)],
          message: 'Adapters never import each other: share through @jixiao/core or a port.',
        },
        {
          // The same at any depth of relative path ('../../libreoffice/convert' from importers/legacy/).
          regex: `^(\\.\\./)+(adapters/)?(${others.join('|')})(/|$)`,
          message: 'Adapters never import each other: share through @jixiao/core or a port.',
        },
        { group: ['**/http/**', '**/cli/**'], message: 'Adapters are driven by http and cli, never the other way round.' },
      ],
    );
  }),
  // A test may drive one adapter with another (render with a generator, read back with an importer).
  restrict(['packages/server/src/adapters/**/*.test.ts'], [{ group: ['**/http/**', '**/cli/**'], message: 'Adapters are driven by http and cli, never the other way round.' }]),
  restrict(['packages/server/src/cli/**/*.ts'], [{ group: ['**/http', '**/http/**'], message: 'cli and http are separate composition roots: they never import each other.' }]),
  restrict(['packages/server/src/http/**/*.ts'], [{ group: ['**/cli', '**/cli/**'], message: 'cli and http are separate composition roots: they never import each other.' }]),
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            {
              group: ['@jixiao/server', '@jixiao/server/**'],
              allowTypeImports: true,
              message: 'The web app talks to the server over HTTP; only types may cross.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            { group: ['@jixiao/server', '@jixiao/server/**'], allowTypeImports: true, message: 'The web app talks to the server over HTTP; only types may cross.' },
            // The browser tests (packages/web/test) run in Node and may; the app itself runs in the browser.
            { regex: '^node:', message: 'The web app runs in the browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/cli/main.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
