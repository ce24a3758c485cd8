import type { Writable } from 'node:stream';

/** Where a command writes: data and results to stdout, progress and diagnostics to stderr. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal (a progress bar is drawn only then). */
  interactive: boolean;
}

/** Exit codes: 0 all good, 1 the command found something wrong (or failed), 2 the command line was wrong. */
export const EXIT = { OK: 0, PROBLEMS: 1, USAGE: 2 } as const;

/** An error the user can fix, reported as one line without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.PROBLEMS,
  ) {
    super(message);
  }
}

export function writeLine(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
