// Entry of `ayni eval ...` (bin/ayni.js routes here): the arguments after "eval", the process's
// streams and environment; Ctrl-C stops the run.
import { runEvalCli } from './eval-command';

const args = process.argv.slice(2);
const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('stopped with Ctrl-C')));
process.exitCode = await runEvalCli(args[0] === 'eval' ? args.slice(1) : args, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
  signal: controller.signal,
});
