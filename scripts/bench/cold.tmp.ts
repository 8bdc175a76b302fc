import { benchPageLoad } from './pageload';
const med = (s: { median?: number }) => s.median;
for (const [label, dist] of [
  ['today', '/tmp/dist-today'],
  ['now', 'dist/chrome'],
  ['today', '/tmp/dist-today'],
  ['now', 'dist/chrome'],
] as const) {
  const r = await benchPageLoad({
    dist,
    rounds: 30,
    warmupRounds: 2,
    badgeSamples: 30,
    coldSamples: 20,
    log: () => undefined,
  });
  console.log(
    label,
    'warm(hook)',
    JSON.stringify(r.badge.hook),
    'cold',
    JSON.stringify(r.badge.cold),
    'pageload',
    JSON.stringify(r.pageLoad).slice(0, 300),
    med(r.badge.hook),
  );
}
