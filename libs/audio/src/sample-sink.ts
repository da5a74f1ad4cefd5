/** A growable Float32Array with a hard capacity: the decoded audio, never more than the limit allows. */
export class SampleSink {
  private data: Float32Array;
  private used = 0;

  constructor(
    private readonly capacity: number,
    initial = 1 << 16,
  ) {
    this.data = new Float32Array(Math.min(initial, capacity));
  }

  get length(): number {
    return this.used;
  }

  /** Appends the chunk, or returns false (appending nothing) if it would pass the capacity. */
  push(chunk: Float32Array): boolean {
    const needed = this.used + chunk.length;
    if (needed > this.capacity) return false;
    if (needed > this.data.length) {
      // Doubling keeps appends amortised O(1); the cap keeps the last growth from overshooting the limit.
      const grown = new Float32Array(Math.min(this.capacity, Math.max(needed, this.data.length * 2)));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    this.data.set(chunk, this.used);
    this.used = needed;
    return true;
  }

  /** The samples, trimmed to length (a view when no copy is needed). */
  samples(): Float32Array {
    return this.used === this.data.length ? this.data : this.data.slice(0, this.used);
  }
}
