import { runCli } from './cli';

// The command line: `npm run cli -- import <file> ...`, `npm run cli -- export ...` and `npm run cli -- verify <file>`.
// process.exit once done: fetch keeps idle connections open for a few seconds, which would hold the process.
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, interactive: process.stderr.isTTY === true }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
