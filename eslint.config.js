// Lint: TypeScript rules plus the import-direction rules of docs/architecture.md
// (web → contracts → domain; server → contracts, domain; nothing imports server/ from web/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_AND_IO = ['node:*', 'fs', 'path', 'pg', 'fastify', 'drizzle-orm', 'drizzle-orm/*', 'exceljs', 'pdfmake', 'pdfmake/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'server/db/migrations/**', 'test-results/**', 'bench-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**', '**/contracts/**', '**/scripts/**'],
              message: 'domain/ is pure: it imports only domain/ (and decimal.js, zod).',
            },
            { group: NODE_AND_IO, message: 'domain/ has no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/web/**', '**/scripts/**'], message: 'contracts/ may import only domain/ and zod.' },
            { group: NODE_AND_IO, message: 'contracts/ has no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/scripts/**', '**/tests/**'],
              message: 'web/ talks to the server over HTTP only (import contracts/ and domain/).',
            },
            { group: NODE_AND_IO, message: 'web/ runs in the browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/web/**', '**/tests/**'], message: 'server/ never imports web/ or tests/.' }] },
      ],
    },
  },
  {
    files: ['server/modules/**/*.ts', 'server/spreadsheets/**/*.ts', 'server/pdf/**/*.ts'],
    ignores: ['server/modules/backup/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/web/**', '**/tests/**'], message: 'server/ never imports web/ or tests/.' },
            { group: ['fastify', '@fastify/*'], importNames: ['default'], message: 'HTTP lives in server/http and *.routes.ts.' },
          ],
        },
      ],
    },
  },
);
