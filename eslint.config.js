// ESLint: typescript-eslint, React hooks, and the walls between an extension's worlds.
// Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * Who may import whom (darkreader's zones are the model). `utils/shared` is for every world;
 * the content script (on pages) takes only shared code; the popup never takes background code;
 * nothing but the background touches the database.
 */
const zones = [
  {
    target: ['./utils/content', './entrypoints/content.ts'],
    from: [
      './utils/background',
      './utils/popup',
      './components',
      './hooks',
      './entrypoints/background.ts',
      './entrypoints/popup',
    ],
    message: 'The content script runs on web pages: it imports only utils/shared (and utils/content).',
  },
  {
    target: ['./utils/popup', './components', './hooks', './entrypoints/popup'],
    from: ['./utils/background', './utils/content', './entrypoints/background.ts'],
    message: 'Extension pages ask the background through utils/shared/protocol; they never import its code.',
  },
  {
    target: './utils/shared',
    from: ['./utils/background', './utils/popup', './utils/content', './components', './hooks', './entrypoints'],
    message: 'utils/shared is below every world: it imports nothing of theirs.',
  },
  {
    target: './utils/background',
    from: ['./utils/popup', './utils/content', './components', './hooks', './entrypoints/popup', './entrypoints/content.ts'],
    message: 'The background imports only shared code and its own.',
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'artifacts/**', 'bench-results/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver': { typescript: { project: './tsconfig.json' }, node: true } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Test scaffolding talks to untyped browser globals inside page.evaluate and to loosely typed replies.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Only the background opens the index.
    files: ['**/*.{ts,tsx}'],
    ignores: ['utils/background/**', 'tests/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'idb', message: 'Only utils/background opens the database.' }] }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    // Node scripts, with code that runs inside pages through page.evaluate.
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
  prettier,
);
