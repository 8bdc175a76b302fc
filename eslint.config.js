// ESLint with typescript-eslint. The one house rule that matters most: no HTML injection
// sinks in src/ — data from the catalogue or the directory is only ever rendered as text.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const htmlSinks = [
  { selector: "MemberExpression[property.name='innerHTML']", message: 'Render data as text: no innerHTML.' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'Render data as text: no outerHTML.' },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Render data as text: no insertAdjacentHTML.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'No document.write.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render data as text: no dangerouslySetInnerHTML.',
  },
  {
    selector: "Property[key.name='dangerouslySetInnerHTML']",
    message: 'Render data as text: no dangerouslySetInnerHTML.',
  },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web-ext-artifacts/**', 'docs/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
        performance: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        document: 'readonly',
        window: 'readonly',
        globalThis: 'readonly',
        addEventListener: 'readonly',
        Intl: 'readonly',
        Blob: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...htmlSinks] },
  },
  {
    // core/ is pure: it must not reach the browser, the DOM or Node.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'webextension-polyfill',
            'node:*',
            '**/platform/**',
            '**/background/**',
            'preact',
            'preact/*',
          ],
        },
      ],
    },
  },
  {
    // Tools never depend on tests: what both need (browser launch, fake web) lives in scripts/lib/.
    files: ['scripts/**/*.{ts,mjs,js}', 'vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test/**', '../test', '../../test'],
              message: 'scripts/ must not import from test/: move what both need to scripts/lib/.',
            },
          ],
        },
      ],
    },
  },
);
