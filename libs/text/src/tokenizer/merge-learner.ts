import { CONTINUATION_PREFIX } from './special-tokens';

export interface WordCount {
  /** The word split into initial symbols: first character plain, the rest '##'-prefixed. */
  readonly symbols: readonly string[];
  readonly count: number;
}

interface HeapEntry {
  count: number;
  pair: number;
  merged: string;
}

// Pairs of symbol ids packed into one number: ids stay far below 2^21 (vocabularies are < 100k).
const PAIR_SHIFT = 2 ** 21;

/**
 * Learns up to `maxMerges` merges of adjacent symbols, most frequent pair first (ties: the
 * lexicographically smaller merged token, so results are reproducible), stopping when no pair
 * occurs `minFrequency` times — the BPE procedure Hugging Face's WordPiece trainer uses. Pair
 * counts are updated incrementally for the words containing the merged pair only.
 * Returns the new tokens in the order they were learned (a token reachable by two merge paths once).
 */
export function learnMerges(words: readonly WordCount[], maxMerges: number, minFrequency: number): string[] {
  const symbolIds = new Map<string, number>();
  const symbols: string[] = [];
  const intern = (s: string): number => {
    let id = symbolIds.get(s);
    if (id === undefined) {
      id = symbols.length;
      symbols.push(s);
      symbolIds.set(s, id);
    }
    return id;
  };
  const sequences = words.map((w) => w.symbols.map(intern));
  const counts = words.map((w) => w.count);
  const initialSymbols = new Set(symbols);

  const pairCounts = new Map<number, number>();
  const pairWords = new Map<number, Set<number>>();
  const touched = new Set<number>();
  const adjust = (sequence: readonly number[], wordIndex: number, delta: number): void => {
    for (let j = 0; j + 1 < sequence.length; j++) {
      const pair = (sequence[j] ?? 0) * PAIR_SHIFT + (sequence[j + 1] ?? 0);
      pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + delta);
      touched.add(pair);
      if (delta > 0) {
        let set = pairWords.get(pair);
        if (!set) pairWords.set(pair, (set = new Set()));
        set.add(wordIndex);
      }
    }
  };
  sequences.forEach((sequence, i) => adjust(sequence, i, counts[i] ?? 0));

  const mergedToken = (pair: number): string => {
    const left = symbols[Math.floor(pair / PAIR_SHIFT)] ?? '';
    const right = symbols[pair % PAIR_SHIFT] ?? '';
    return left + right.slice(CONTINUATION_PREFIX.length);
  };
  const heap = new MaxHeap();
  const pushTouched = (): void => {
    for (const pair of touched) {
      const count = pairCounts.get(pair) ?? 0;
      if (count > 0) heap.push({ count, pair, merged: mergedToken(pair) });
      else pairCounts.delete(pair);
    }
    touched.clear();
  };
  pushTouched();

  const learned: string[] = [];
  const seen = new Set(initialSymbols);
  while (learned.length < maxMerges) {
    const best = heap.pop((e) => pairCounts.get(e.pair) === e.count);
    if (!best || best.count < minFrequency) break;
    const left = Math.floor(best.pair / PAIR_SHIFT);
    const right = best.pair % PAIR_SHIFT;
    const merged = intern(best.merged);
    if (!seen.has(best.merged)) {
      seen.add(best.merged);
      learned.push(best.merged);
    }
    for (const w of pairWords.get(best.pair) ?? []) {
      const sequence = sequences[w] ?? [];
      const next = mergeSequence(sequence, left, right, merged);
      if (next.length === sequence.length) continue; // stale membership: the pair is gone from this word
      adjust(sequence, w, -(counts[w] ?? 0));
      adjust(next, w, counts[w] ?? 0);
      sequences[w] = next;
    }
    pairWords.delete(best.pair);
    pushTouched();
  }
  return learned;
}

function mergeSequence(sequence: readonly number[], left: number, right: number, merged: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < sequence.length; j++) {
    if (sequence[j] === left && sequence[j + 1] === right) {
      out.push(merged);
      j++;
    } else {
      out.push(sequence[j] ?? 0);
    }
  }
  return out;
}

/** Binary max-heap by (count desc, merged token asc) with lazy deletion of stale entries. */
class MaxHeap {
  private readonly items: HeapEntry[] = [];

  push(entry: HeapEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  /** The best entry for which `valid` holds; invalid ones met on the way are discarded. */
  pop(valid: (entry: HeapEntry) => boolean): HeapEntry | undefined {
    while (this.items.length > 0) {
      const top = this.removeTop();
      if (valid(top)) return top;
    }
    return undefined;
  }

  private removeTop(): HeapEntry {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && before(items[l]!, items[best]!)) best = l;
        if (r < items.length && before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

function before(a: HeapEntry, b: HeapEntry): boolean {
  return a.count !== b.count ? a.count > b.count : a.merged < b.merged;
}
