// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.union-join/**',
      '**/custom-elements.json',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['error', 'warn', 'info'] }],
    },
  },
  {
    files: ['packages/form-element/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/form-element/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: [
      'scripts/**',
      'bench/**',
      'e2e/**',
      'examples/**',
      '**/test/**',
      '**/*.config.*',
      '.ci/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
