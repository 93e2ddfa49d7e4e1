import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-test/',
      'dist-bench/',
      'dist-cli/',
      'node_modules/',
      'coverage/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
    rules: {
      // Only sanitised markdown is rendered as HTML; see MarkdownCell.svelte.
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    // The pages reach workers through the bridges in src/data; their contracts live in core.
    files: ['src/state/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/workers/*'] }],
    },
  },
  {
    // src/core is pure: no DOM, Dexie or Svelte.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['dexie', 'svelte', 'svelte/*', '**/data/*', '**/state/*', '**/ui/*'] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'indexedDB', 'localStorage'],
    },
  },
);
