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
    // The office's browser scripts (dashboard, calling board), served as static files.
    files: ['office/dashboard/public/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        setInterval: 'readonly',
        setTimeout: 'readonly',
        EventSource: 'readonly',
        Audio: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  // The layering (which zone may import which) is checked by dependency-cruiser: .dependency-cruiser.cjs.
);
