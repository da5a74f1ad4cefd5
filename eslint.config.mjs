import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const layerConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:ml', onlyDependOnLibsWithTags: ['scope:ml', 'scope:shared'] },
  { sourceTag: 'scope:fraud', onlyDependOnLibsWithTags: ['scope:fraud', 'scope:ml', 'scope:shared'] },
  { sourceTag: 'scope:speech', onlyDependOnLibsWithTags: ['scope:speech', 'scope:ml', 'scope:shared'] },
  { sourceTag: 'scope:sentiment', onlyDependOnLibsWithTags: ['scope:sentiment', 'scope:ml', 'scope:shared'] },
  { sourceTag: 'scope:imaging', onlyDependOnLibsWithTags: ['scope:imaging', 'scope:ml', 'scope:shared'] },
  // The console talks to the services over HTTP; it imports domain libs only for demo inputs
  // (the fraud simulator, sample X-rays from a dataset file).
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared', 'scope:fraud', 'scope:imaging'] },
];
// One lib owns the inference engines, as in transformers.js where exactly one file imports onnxruntime.
const engineBan = { sourceTag: '*', bannedExternalImports: ['onnxruntime-node', '@huggingface/transformers'] };
const boundaries = (depConstraints) => ['error', { allow: [], depConstraints }];

export default [
  { ignores: ['**/node_modules', '**/dist', '**/.nx', '**/vite.config.*.timestamp*'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries([...layerConstraints, engineBan]),
    },
  },
  {
    files: ['libs/ml/runtime/**/*.ts', 'libs/ml/onnx-export/**/*.test.ts', 'libs/ml/onnx-export/src/test-support/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(layerConstraints) },
  },
  {
    // Tests poke at parsed JSON responses; typing every one would add noise, not safety.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
