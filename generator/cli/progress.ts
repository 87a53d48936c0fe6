// A progress bar on a terminal for long runs; nothing at all when stderr is not
// a terminal (CI logs get the one-line summary the command prints at the end).
import cliProgress from 'cli-progress';
import type { ProgressListener } from '../pipeline.js';

const LABELS = { parse: 'parsing pages ', emit: 'emitting files' } as const;

export interface ProgressBar {
  listener?: ProgressListener;
  stop(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{label} {bar} {value}/{total}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let phase: keyof typeof LABELS | undefined;
  return {
    listener(next, done, total) {
      if (next !== phase) {
        if (phase) bar.stop();
        phase = next;
        bar.start(total, done, { label: LABELS[next] });
      } else bar.update(done);
    },
    stop() {
      if (phase) bar.stop();
      phase = undefined;
    },
  };
}
