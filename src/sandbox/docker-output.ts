// Output handling for docker exec: the multiplexed stream format, and collectors capped at head + tail.

/**
 * Splits Docker's multiplexed attach stream (non-TTY): frames of [stream type, 0, 0, 0, size (uint32 BE)] + payload.
 * Type 1 is stdout, 2 stderr. Frames may arrive split across chunks.
 */
export class FrameDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (stream: 'stdout' | 'stderr', payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (buf.length >= 8) {
      const size = buf.readUInt32BE(4);
      if (buf.length < 8 + size) break;
      const type = buf[0];
      if (size > 0) this.onFrame(type === 2 ? 'stderr' : 'stdout', buf.subarray(8, 8 + size));
      buf = buf.subarray(8 + size);
    }
    this.pending = Buffer.from(buf);
  }
}

/** Keeps the first and last halves of at most `capBytes`, counting what falls in between. */
export class CappedCollector {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private omitted = 0;
  private readonly headCap: number;
  private readonly tailCap: number;

  constructor(capBytes: number) {
    this.headCap = Math.ceil(capBytes / 2);
    this.tailCap = capBytes - this.headCap;
  }

  push(chunk: Buffer): void {
    if (this.headBytes < this.headCap) {
      const take = Math.min(chunk.length, this.headCap - this.headBytes);
      this.head.push(chunk.subarray(0, take));
      this.headBytes += take;
      chunk = chunk.subarray(take);
      if (!chunk.length) return;
    }
    this.tail.push(Buffer.from(chunk));
    this.tailBytes += chunk.length;
    // Drop whole chunks from the front of the tail while the rest still covers the cap, then trim the first one.
    while (this.tail.length > 0 && this.tailBytes - this.tail[0].length >= this.tailCap) {
      this.omitted += this.tail[0].length;
      this.tailBytes -= this.tail.shift()!.length;
    }
    const excess = this.tailBytes - this.tailCap;
    if (excess > 0) {
      this.tail[0] = this.tail[0].subarray(excess);
      this.tailBytes -= excess;
      this.omitted += excess;
    }
  }

  get truncated(): boolean {
    return this.omitted > 0;
  }

  text(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail).toString('utf8');
    return this.omitted > 0 ? `${head}\n[... ${this.omitted} bytes of output omitted ...]\n${tail}` : head + tail;
  }
}
