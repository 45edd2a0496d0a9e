/** Where a subcommand writes: standard output and standard error, or a test's stand-ins for them. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
