// Builds the two script-tag bundles: everything (lit, the sdk) in one minified file each.
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const plugins = (module) => [
  // `source` makes the workspace sdk resolve to its TypeScript, so no sdk build is needed first.
  nodeResolve({ exportConditions: ['source', 'browser', 'import', 'default'], extensions: ['.ts', '.js'] }),
  esbuild({ target: 'es2022', minify: false, sourceMap: true }),
  terser({ ecma: 2022, module, compress: { passes: 2 }, format: { comments: false } }),
];

export default [
  {
    input: 'src/auto-define.ts',
    output: { file: 'dist/union-join-form.js', format: 'es', sourcemap: true },
    plugins: plugins(true),
  },
  {
    input: 'src/auto-define.ts',
    output: {
      file: 'dist/union-join-form.iife.js',
      format: 'iife',
      name: 'UnionJoinFormElement',
      sourcemap: true,
    },
    plugins: plugins(false),
  },
];
