// Builds the two script-tag bundles (everything, lit and the sdk too, in one minified file each) and
// the optional offline worker, a classic script of its own that the element's bundles never include.
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Minifies the CSS inside Lit's css`...` templates, which terser leaves as written. Safe for these
 * styles: they have no interpolations and no strings with spaces, whitespace before a colon
 * (`.a :focus`) is kept, and only selectors lose the spaces around `>` and `+` (in calc() they
 * are needed).
 */
function minifyCssTemplates() {
  const minify = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .replace(/\( | \)/g, (match) => match.trim())
      .replace(/ !important/g, '!important')
      .replace(/@media \(/g, '@media(')
      // Selectors: `.a > b + c` -> `.a>b+c`; `[part~='x']` -> `[part~=x]`; `::before` -> `:before`.
      .replace(
        /(^|[{}])([^{}]+)(?={)/g,
        (_, before, selector) => before + selector.replace(/ ?([>+]) ?/g, '$1'),
      )
      .replace(/=(['"])([a-z_][\w-]*)\1\]/gi, '=$2]')
      .replace(/::(before|after)\b/g, ':$1')
      // Values: `0.5rem` -> `.5rem`; `calc(var(--a) * 2)` -> `calc(var(--a)*2)`; `1 / -1` -> `1/-1`.
      .replace(/([^\w.])0\.(\d)/g, '$1.$2')
      .replace(/\) \* (?=[-\d.])/g, ')*')
      .replace(/ \/ /g, '/')
      .trim();
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return {
        code: code.replace(/css`([^`$]*)`/g, (_, text) => `css\`${minify(text)}\``),
        map: null,
      };
    },
  };
}

/**
 * Drops the indentation after each line break in the element's own sources. Only template
 * literals keep it otherwise, and in Lit's html`...` it is insignificant whitespace (the element
 * renders no <pre> and no textarea content).
 */
function trimTemplateIndentation() {
  return {
    name: 'trim-template-indentation',
    transform(code, id) {
      if (!id.includes('/form-element/src/') || !id.endsWith('.ts')) return null;
      return { code: code.replace(/\n[ \t]+/g, '\n'), map: null };
    },
  };
}

/**
 * Writes `.br` and `.gz` copies next to each script, for servers that send precompressed files
 * (the server-stub does): the applicant downloads about a third of the bytes.
 */
function precompress() {
  return {
    name: 'precompress',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle).filter((file) => file.endsWith('.js'))) {
        const path = join(options.dir ?? join(options.file, '..'), name);
        const code = bundle[name].code;
        const brotli = { [constants.BROTLI_PARAM_QUALITY]: 11 };
        writeFileSync(`${path}.br`, brotliCompressSync(code, { params: brotli }));
        writeFileSync(`${path}.gz`, gzipSync(code, { level: 9 }));
      }
    },
  };
}

const plugins = (module) => [
  minifyCssTemplates(),
  trimTemplateIndentation(),
  // `source` makes the workspace sdk resolve to its TypeScript, so no sdk build is needed first;
  // `production` (never `development`) keeps Lit's dev-mode checks and warnings out.
  nodeResolve({
    exportConditions: ['source', 'browser', 'production', 'import', 'default'],
    extensions: ['.ts', '.js'],
  }),
  esbuild({ target: 'es2022', minify: false, sourceMap: true }),
  terser({ ecma: 2022, module, compress: { passes: 2 }, format: { comments: false } }),
  precompress(),
];

// zod's sources carry comments Rollup cannot place and an internal import cycle; both are harmless.
function onwarn(warning, warn) {
  const inZod = String(warning.id ?? warning.ids?.[0] ?? warning.cycle?.[0] ?? '').includes('zod');
  if (inZod && (warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY'))
    return;
  warn(warning);
}

export default [
  {
    input: 'src/auto-define.ts',
    output: { file: 'dist/union-join-form.js', format: 'es', sourcemap: true },
    plugins: plugins(true),
    onwarn,
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
    onwarn,
  },
  {
    // One file that is both the page's registration script and the service worker itself.
    input: 'src/union-join-offline.ts',
    output: { file: 'dist/union-join-offline.js', format: 'iife', sourcemap: true },
    plugins: plugins(false),
    onwarn,
  },
];
