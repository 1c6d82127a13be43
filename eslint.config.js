// ESLint: typescript-eslint, React hooks, and the walls between an extension's worlds.
// Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** The extension pages: the popup and the full page (docket.html), their components and hooks. */
const PAGES = ['./components', './hooks', './entrypoints/popup', './entrypoints/docket'];

/**
 * Who may import whom (darkreader's zones are the model). `utils/shared` is for every world;
 * the content script (on pages) takes only shared code; the extension pages never take background code;
 * `utils/` is logic and never takes the React layer above it; the scanner (`utils/popup/scan`) is pure
 * text work over shared types; nothing but the background touches the database.
 */
const zones = [
  {
    target: ['./utils/content', './entrypoints/content.ts', './entrypoints/content-badges.ts'],
    from: ['./utils/background', './utils/popup', ...PAGES, './entrypoints/background.ts'],
    message: 'The content script runs on web pages: it imports only utils/shared (and utils/content).',
  },
  {
    target: ['./utils/content', './entrypoints/content.ts', './entrypoints/content-badges.ts'],
    from: './utils/shared/storage-items.ts',
    message: 'The content script stays light: it reads storage raw, without WXT storage (see utils/shared/storage-items.ts).',
  },
  {
    target: ['./utils/popup', ...PAGES],
    from: ['./utils/background', './utils/content', './entrypoints/background.ts', './entrypoints/content.ts'],
    message: 'Extension pages ask the background through utils/shared/protocol; they never import its code.',
  },
  {
    target: './utils/shared',
    from: ['./utils/background', './utils/popup', './utils/content', ...PAGES, './entrypoints'],
    message: 'utils/shared is below every world: it imports nothing of theirs.',
  },
  {
    target: './utils/background',
    from: ['./utils/popup', './utils/content', ...PAGES, './entrypoints/content.ts'],
    message: 'The background imports only shared code and its own.',
  },
  {
    target: './utils',
    from: ['./components', './hooks', './entrypoints'],
    message: 'utils/ is the logic under the pages: it never imports components, hooks or entrypoints.',
  },
  {
    target: './utils/popup/scan',
    from: './utils/popup',
    except: ['./scan'],
    message: 'The scanner imports only utils/shared and its own modules (the popup and the full page call it).',
  },
];

/** React belongs to the extension pages: never on web pages (content) or in the service worker (background). */
const NO_REACT = [
  { name: 'react', message: 'React runs only in the extension pages (components/, hooks/).' },
  { name: 'react-dom', message: 'React runs only in the extension pages (components/, hooks/).' },
];
const NO_IDB = { name: 'idb', message: 'Only utils/background opens the database.' };

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
    rules: { 'no-restricted-imports': ['error', { paths: [NO_IDB] }] },
  },
  {
    // No React on web pages or in the service worker (a later block replaces the rule's options: idb again).
    files: ['utils/content/**', 'entrypoints/content.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_IDB, ...NO_REACT], patterns: ['react-dom/*', 'react/*'] }] },
  },
  {
    files: ['utils/background/**', 'entrypoints/background.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NO_REACT, patterns: ['react-dom/*', 'react/*'] }] },
  },
  {
    files: ['**/*.{js,mjs}'],
    // Node scripts, with code that runs inside pages through page.evaluate.
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
  prettier,
);
