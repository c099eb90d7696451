// `cem analyze` reads this: the manifest documents the element from its JSDoc
// (@tagname, @summary, @attr, @event, @csspart, @cssproperty) for IDEs, Storybook and docs sites.
export default {
  globs: ['src/**/*.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [
    {
      // The analyzer also lists each `dispatchEvent(new X(kind, ...))` call, without a name;
      // the @event tags already document every event.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
          }
        }
      },
    },
  ],
};
