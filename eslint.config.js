import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `const { dropped: _x, ...rest } = obj` is how we leave a field out.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware checks for the TypeScript sources: a promise nobody awaits loses its error, a
    // switch over a union must name every member, and a cast the types do not need hides a change.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    files: ['*.js', 'addin/build/*.js', 'cli/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The launcher is CommonJS (cli/saldo.cjs says why).
    files: ['cli/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      // core/ is pure: no Office, React, Node or clock. The same core runs in Excel and the CLI.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'process'], message: 'core/ må ikke bruge Node-API’er.' },
            { group: ['react', 'react-dom', '@fluentui/*', 'office-*', '@microsoft/*'], message: 'core/ må ikke bruge Office eller React.' },
            { group: ['exceljs'], message: 'Arbejdsbøger læses og skrives i cli/ og addin/, ikke i core/.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core/ er platformsfri.' },
        { name: 'Office', message: 'core/ er platformsfri.' },
        { name: 'Excel', message: 'core/ er platformsfri.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'core/ bruger kalenderdatoer (YYYY-MM-DD), ikke Date med tid og zone.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'core/ har intet ur: asOf/today kommer ind som argument.' },
      ],
    },
  },
);
