// `cem analyze` reads this: the manifest documents the element from its JSDoc
// (@tagname, @summary, @attr, @event, @csspart, @cssproperty) for IDEs, Storybook and docs sites.
//
// It lists the public API only: the element, `define`, the package entry and the event classes.
// Controllers, field templates and internal helpers are implementation. The output is the same on
// every machine (modules in path order), so a build leaves the committed file untouched unless the
// API changed; test/custom-elements-manifest.test.ts fails when the committed file is stale.
export default {
  globs: ['src/**/*.ts'],
  // The offline worker (src/union-join-offline.ts) is a script of its own with no JavaScript API.
  exclude: [
    'src/controllers/**',
    'src/fields/**',
    'src/internal/**',
    'src/**/*.styles.ts',
    'src/union-join-offline.ts',
  ],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json already points at the manifest; the analyzer would rewrite the file in the
  // directory it is run from.
  packagejson: false,
  plugins: [
    {
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        // Glob order follows the file system; path order is the same everywhere.
        customElementsManifest.modules.sort((a, b) =>
          a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
        );
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            // The analyzer also lists each `dispatchEvent(new X(kind, ...))` call, without a name;
            // the @event tags already document every event.
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
            if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          }
        }
      },
    },
  ],
};

/**
 * A member a caller may use: not private, `#private` or protected, and documented (the analyzer
 * also reports assignments such as `this.#controller.callback = ...` as undocumented fields).
 */
function isPublic(member) {
  return (
    !member.name.startsWith('#') &&
    (member.privacy ?? 'public') === 'public' &&
    Boolean(member.description || member.summary)
  );
}
