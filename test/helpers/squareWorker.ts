// A worker for test/cache.test.ts: squares its share of numbers, and refuses a negative one.
import { serveShare } from '../../generator/workers.js';

serveShare((items: number[]) =>
  items.map((n) => {
    if (n < 0) throw new Error(`negative: ${n}`);
    return n * n;
  }),
);
