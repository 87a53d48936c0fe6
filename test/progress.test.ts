// The progress bar: drawn on a terminal, phase by phase; absent otherwise, so CI
// logs hold only the one-line summary.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../generator/cli/progress.js';

function stream(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  let text = '';
  const writable = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(writable, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, text: () => text });
  return writable;
}

describe('progressBar', () => {
  it('draws nothing and listens to nothing when the stream is not a terminal', () => {
    const out = stream(false);
    const bar = progressBar(out);
    expect(bar.listener).toBeUndefined();
    bar.stop();
    expect(out.text()).toBe('');
  });

  it('shows each phase with its count on a terminal', () => {
    const out = stream(true);
    const bar = progressBar(out);
    bar.listener!('parse', 0, 40);
    bar.listener!('parse', 40, 40);
    bar.listener!('emit', 0, 7);
    bar.listener!('emit', 7, 7);
    bar.stop();
    expect(out.text()).toMatch(/parsing pages .* 0\/40/);
    expect(out.text()).toMatch(/parsing pages .* 40\/40/);
    expect(out.text()).toMatch(/emitting files .* 7\/7/);
  });
});
