/** A one-line progress bar on a terminal; plain periodic lines when output is not a terminal. */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let lastPrint = 0;
  return {
    update({ processed, total }: { processed: number; total: number }) {
      const now = Date.now();
      if (now - lastPrint < (tty ? 100 : 2000) && processed < total) return;
      lastPrint = now;
      const pct = total ? processed / total : 1;
      const rate = processed / Math.max(0.001, (now - started) / 1000);
      const text = `${label} ${String(Math.round(pct * 100)).padStart(3)}% ${processed.toLocaleString()}/${total.toLocaleString()} rows  ${Math.round(rate).toLocaleString()} rows/s`;
      if (tty) {
        const width = 28;
        const filled = Math.round(pct * width);
        process.stderr.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}`);
      } else process.stderr.write(`${text}\n`);
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
