// Entry point of the `docgen` command (`npm run docgen -- <command>`).
import { main } from './program.js';

process.exitCode = await main(process.argv.slice(2));
