// `cem analyze` reads this: the manifest documents the element from its JSDoc
// (@summary, @attr, @event, @csspart, @cssproperty) for IDEs, Storybook and docs sites.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
