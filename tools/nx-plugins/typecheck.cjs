// Infers a `typecheck` target for every project with a tsconfig.json. Nx's own
// @nx/js/typescript plugin expects TypeScript project references and emitted
// declarations; our libs export their TypeScript source, so a plain
// `tsc --noEmit` per project is all that is needed.
const { dirname } = require('node:path');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

exports.createNodesV2 = [
  '{apps,libs}/**/tsconfig.json',
  (configFiles, _options, context) =>
    configFiles
      .filter((file) => existsSync(join(context.workspaceRoot, dirname(file), 'package.json')))
      .map((file) => {
        const root = dirname(file);
        return [
          file,
          {
            projects: {
              [root]: {
                targets: {
                  typecheck: {
                    command: 'tsc --noEmit -p tsconfig.json',
                    options: { cwd: root },
                    cache: true,
                  },
                },
              },
            },
          },
        ];
      }),
];
