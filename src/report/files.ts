// Writing report files atomically: a reader (or a crash) never sees a half-written report.
import fs from 'node:fs';
import { once } from 'node:events';

export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** Write a large file chunk by chunk (batched, honouring back-pressure), then rename it into place. */
export async function writeStreamAtomic(file: string, chunks: Iterable<string>): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  const out = fs.createWriteStream(tmp);
  try {
    let batch = '';
    for (const chunk of chunks) {
      batch += chunk;
      if (batch.length >= 1 << 16) {
        const ok = out.write(batch);
        batch = '';
        if (!ok) await once(out, 'drain');
      }
    }
    out.end(batch);
    await once(out, 'finish');
  } catch (e) {
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, file);
}
