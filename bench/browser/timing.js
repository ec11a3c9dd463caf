// Timing helpers shared by the main-thread and worker sides of the browser benchmark.

/** Analyses of one article timed together: outside a cross-origin-isolated page, Chromium
 * rounds performance.now() to 0.1 ms, as long as a whole short article takes, so one reading
 * per analysis would only say "0.6 or 0.7 ms". */
const ANALYSES_PER_READING = 10;

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The median time of one analysis of one article, in ms: each article analysed
 * ANALYSES_PER_READING times in a row per reading, `reps` readings per article. */
export function articleMedian(articles, reps, analyze) {
  const times = [];
  for (let i = 0; i < reps; i++) {
    for (const a of articles) {
      const t = performance.now();
      for (let k = 0; k < ANALYSES_PER_READING; k++) analyze(a.text, { referenceDate: a.ref });
      times.push((performance.now() - t) / ANALYSES_PER_READING);
    }
  }
  return median(times);
}
