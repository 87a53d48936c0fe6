// `npm run bench`: docgen's benchmarks, each a set of contenders measured in the
// same run and reported as ratios (the machine is shared; absolute figures drift).
import { benchValidators, formatValidatorBench } from './validators.js';

process.stdout.write(formatValidatorBench(await benchValidators()));
