import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'release', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The office dashboard's one browser script, served as a static file.
    files: ['office/dashboard/public/**/*.js'],
    languageOptions: {
      globals: { document: 'readonly', window: 'readonly', setInterval: 'readonly', EventSource: 'readonly' },
    },
  },
  {
    // The layering rule: shared/ is pure domain and contracts.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'electron',
            'react',
            'react-dom',
            'dexie',
            '../../main/*',
            '../../renderer/*',
            '../../office/*',
          ],
        },
      ],
    },
  },
  {
    // Unit tests run in Node and may use Node's crypto for fixtures; the renderer itself may not.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', '../../main/*', '../../office/*'] },
      ],
    },
  },
);
