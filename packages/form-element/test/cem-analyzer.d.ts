// The analyzer ships no types for its programmatic entry, which the manifest test uses.
declare module '@custom-elements-manifest/analyzer/cli.js' {
  /** Runs `cem` with `argv` in `cwd`; with `noWrite`, returns the manifest without writing it. */
  export function cli(options: {
    argv: string[];
    cwd: string;
    noWrite?: boolean;
  }): Promise<unknown>;
}
