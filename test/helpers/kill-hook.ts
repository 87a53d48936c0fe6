// Preloaded into a `docgen generate` child (`node --import tsx --import <this file> …`) by
// test/kill.test.ts to stop it at one exact moment: right after the output folder has been
// moved aside (`rename(out, out.docgen-old-<pid>)`) and before the new one is moved in.
// DOCGEN_KILL_HOOK names the signal the process then sends itself (SIGKILL or SIGINT).
// Without that variable this module does nothing.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const signal = process.env['DOCGEN_KILL_HOOK'] as NodeJS.Signals | undefined;

if (signal) {
  const rename = fs.promises.rename;
  let fired = false;
  fs.promises.rename = async (from: fs.PathLike, to: fs.PathLike): Promise<void> => {
    await rename(from, to);
    if (!fired && /\.docgen-old-\d+$/.test(String(to))) {
      fired = true;
      process.kill(process.pid, signal);
    }
  };
  // `import { rename } from 'node:fs/promises'` is a live binding: make it see the wrapper.
  syncBuiltinESMExports();
}
