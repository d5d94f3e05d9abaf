// Lint rules, and the architecture's boundaries as import zones (docs/ARCHITECTURE.md section 1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only main/desktop may import electron.' };
const noSqlite = { name: 'better-sqlite3', message: 'Only main/store may hold SQL.' };

/** Builds a no-restricted-imports rule from plain names and path patterns. */
function restrict(paths, patterns = []) {
  return ['error', { paths, patterns }];
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tsbuild/', 'coverage/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict([noElectron, noSqlite]),
    },
  },
  {
    // Small named units (docs/ARCHITECTURE.md section 1): no function in the product's code over 150 lines.
    files: ['main/**/*.ts', 'renderer/src/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 150, IIFEs: true }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // CommonJS files (a worker thread loaded without a TypeScript loader) load their modules with require().
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['main/engine/**'],
    rules: {
      'no-restricted-imports': restrict(
        [noElectron, noSqlite, { name: 'ws', message: 'The engine does no I/O.' }],
        [
          {
            group: ['node:*', 'fs', 'path', 'os', 'http', 'net', 'child_process'],
            message: 'The engine does no I/O.',
          },
          {
            group: [
              '**/store/**',
              '**/broker/**',
              '**/core/**',
              '**/server/**',
              '**/desktop/**',
              '**/platform/**',
            ],
            message: 'The engine is pure: it imports only shared/ and itself.',
          },
        ],
      ),
    },
  },
  {
    // Outside data is fetched by the host and enters as journaled events (docs/ARCHITECTURE.md section 1): a feed
    // knows the clock, the logger and the alert feed's shape, never the engine, the store or the core.
    files: ['main/feeds/**'],
    rules: {
      'no-restricted-imports': restrict(
        [noElectron, noSqlite],
        [
          {
            group: ['engine', 'store', 'broker', 'core', 'server', 'desktop'].flatMap((folder) => [
              `**/${folder}`,
              `**/${folder}/**`,
            ]),
            message:
              'A feed hands its data to the core as events; it imports shared/, platform/ and alerts/ only.',
          },
        ],
      ),
    },
  },
  {
    files: ['main/store/**'],
    rules: { 'no-restricted-imports': restrict([noElectron]) },
  },
  {
    files: ['main/desktop/**', 'test/mocks/electron.ts', 'test/unit/desktop/**'],
    rules: { 'no-restricted-imports': restrict([noSqlite]) },
  },
  {
    files: ['test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**', 'shared/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [noElectron, noSqlite],
        [
          {
            group: ['**/main/**', 'node:*'],
            message: 'renderer/ and shared/ never import from main/ or node.',
          },
        ],
      ),
    },
  },
);
