// One line per figure for benchmarks/run.sh, which collects them into its table:
// `RESULT<TAB>figure<TAB>value`. The scripts print their detailed output as before.
export function result(figure, value) {
  console.log(`RESULT\t${figure}\t${value}`);
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}
