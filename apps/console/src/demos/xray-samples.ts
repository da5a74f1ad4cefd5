import { access } from 'node:fs/promises';
import sharp from 'sharp';

export interface XraySample {
  index: number;
  /** The dataset's label, shown so a person can compare it with the prediction. */
  label: string;
}

export interface XraySampleList {
  samples: XraySample[];
  /** Why there are none (dataset file missing or unreadable). */
  reason?: string;
}

interface LoadedSamples {
  list: XraySampleList;
  pngs: Map<number, Buffer>;
}

const PER_CLASS = 4;

/**
 * Sample chest X-rays from the validation split of a MedMNIST file that lives outside the
 * repository; nothing is committed, and without the file the page simply offers uploads only.
 */
export class XraySamples {
  private loaded: Promise<LoadedSamples> | undefined;

  constructor(private readonly npzPath: string) {}

  async list(): Promise<XraySampleList> {
    return (await this.load()).list;
  }

  /** The sample's PNG, or undefined for an index that is not offered. */
  async png(index: number): Promise<Buffer | undefined> {
    return (await this.load()).pngs.get(index);
  }

  private load(): Promise<LoadedSamples> {
    this.loaded ??= this.read().catch((error: unknown) => ({
      list: { samples: [], reason: `sample X-rays unavailable: ${(error as Error).message}` },
      pngs: new Map(),
    }));
    return this.loaded;
  }

  private async read(): Promise<LoadedSamples> {
    await access(this.npzPath).catch(() => {
      throw new Error(`${this.npzPath} not found`);
    });
    const { readMedMnist } = await import('@dl-suite/imaging');
    const { splits, classes } = await readMedMnist(this.npzPath);
    const set = splits.val ?? splits.test;
    if (!set) throw new Error(`${this.npzPath} has no val or test split`);
    const pixels = set.height * set.width * set.channels;
    const taken = new Map<number, number>();
    const samples: XraySample[] = [];
    const pngs = new Map<number, Buffer>();
    for (let index = 0; index < set.count; index++) {
      const label = set.labels[index]!;
      if ((taken.get(label) ?? 0) >= PER_CLASS) continue;
      taken.set(label, (taken.get(label) ?? 0) + 1);
      const image = set.images.subarray(index * pixels, (index + 1) * pixels);
      const raw = { width: set.width, height: set.height, channels: set.channels as 1 | 3 };
      pngs.set(index, await sharp(image, { raw }).png().toBuffer());
      samples.push({ index, label: classes?.[label] ?? `class ${label}` });
    }
    return { list: { samples }, pngs };
  }
}
