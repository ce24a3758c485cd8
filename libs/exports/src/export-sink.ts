import { createHash, type Hash } from 'node:crypto';
import type { Writable } from 'node:stream';

/** Thrown when the client went away mid-export: there is nobody left to answer. */
export class ExportAborted extends Error {
  constructor() {
    super('the client closed the connection during the export');
  }
}

/**
 * Writes an export to the response while hashing every byte. It waits for 'drain' whenever the socket's
 * buffer is full, so a slow client slows the database reads down instead of piling the export up in memory.
 */
export class ExportSink {
  private readonly hash: Hash = createHash('sha256');
  private bytesWritten = 0;

  constructor(private readonly out: Writable) {}

  get bytes(): number {
    return this.bytesWritten;
  }

  /** Hex SHA-256 of everything written so far. */
  digest(): string {
    return this.hash.copy().digest('hex');
  }

  async write(text: string, options: { hashed?: boolean } = {}): Promise<void> {
    if (this.out.destroyed) throw new ExportAborted();
    const chunk = Buffer.from(text, 'utf8');
    if (options.hashed !== false) this.hash.update(chunk);
    this.bytesWritten += chunk.length;
    if (!this.out.write(chunk)) await this.drained();
  }

  async end(): Promise<void> {
    if (this.out.destroyed) throw new ExportAborted();
    await new Promise<void>((resolve) => this.out.end(resolve));
  }

  private drained(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        this.out.off('drain', onDrain);
        this.out.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new ExportAborted());
      this.out.on('drain', onDrain);
      this.out.on('close', onClose);
    });
  }
}
