/**
 * A progress bar for long CLI work, on stderr so stdout stays clean for scripts. On a
 * terminal it redraws one line (`[#######·········]  45%  4.500/10.000 passages`); in a
 * log (not a TTY) it prints a line at every tenth instead.
 *
 * @example
 * const bar = progressBar('passages');
 * bar.update(450, 1000);
 * bar.done();
 */
export function progressBar(unit: string, stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; done(): void } {
  const tty = Boolean(stream.isTTY);
  let lastTenth = -1;
  let drawn = false;
  const format = (n: number) => n.toLocaleString('en-US');
  return {
    update(done, total) {
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const line = `[${'#'.repeat(Math.round(share * 24)).padEnd(24, '·')}] ${String(Math.floor(share * 100)).padStart(3)}%  ${format(done)}/${format(total)} ${unit}`;
      if (tty) {
        stream.write(`\r${line}`);
        drawn = true;
      } else if (Math.floor(share * 10) > lastTenth) {
        lastTenth = Math.floor(share * 10);
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (tty && drawn) stream.write('\n');
    },
  };
}

/**
 * A size as a person reads it, in their language's number format.
 *
 * @example
 * formatSize(1_468_006, 'da'); // '1,4 MB'
 */
export function formatSize(bytes: number, lang: 'da' | 'en'): string {
  const locale = lang === 'da' ? 'da-DK' : 'en-US';
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
  return `${(bytes / 1024 ** 3).toLocaleString(locale, { maximumFractionDigits: 2 })} GB`;
}
