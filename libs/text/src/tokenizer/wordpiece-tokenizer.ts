import { normalize, type NormalizerSettings } from './normalize';
import { preTokenize, splitOnSpecialTokens } from './pre-tokenize';
import { SPECIAL_TOKEN_LIST, SPECIAL_TOKENS } from './special-tokens';
import { wordPieces } from './wordpiece';

export interface TokenizerSettings extends NormalizerSettings {
  /** Longest id sequence (specials included) a model sees; longer encodings are cut, as transformers.js does. */
  readonly modelMaxLength: number;
}

export interface Encoding {
  /** [CLS] pieces… [SEP], cut to maxLength (the cut drops the final [SEP], exactly like transformers.js). */
  readonly ids: number[];
  /** Length before the cut. */
  readonly fullLength: number;
  readonly truncated: boolean;
}

/** A right-padded batch, row-major, ready for int32 tfjs tensors ([batchSize, sequenceLength]). */
export interface BatchEncoding {
  readonly inputIds: Int32Array;
  readonly attentionMask: Int32Array;
  readonly batchSize: number;
  readonly sequenceLength: number;
  readonly truncated: boolean[];
}

export interface BatchOptions {
  /** Default and upper bound: the tokenizer's modelMaxLength (as in transformers.js). */
  maxLength?: number;
  /** 'longest' pads to the longest row (as the transformers.js pipeline does); 'max_length' to maxLength. */
  padding?: 'longest' | 'max_length';
}

/**
 * An uncased BERT-style WordPiece tokenizer whose encodings equal transformers.js's for the
 * tokenizer.json it writes (tested on SST-2 dev and hostile text), so a model trained on our ids
 * is served correctly by the text-classification pipeline.
 */
export class WordPieceTokenizer {
  private readonly ids: ReadonlyMap<string, number>;
  readonly padId: number;
  readonly unkId: number;
  readonly clsId: number;
  readonly sepId: number;

  constructor(
    /** Token by id. */
    readonly vocab: readonly string[],
    readonly settings: TokenizerSettings,
  ) {
    this.ids = new Map(vocab.map((token, id) => [token, id]));
    if (this.ids.size !== vocab.length) throw new Error('WordPiece vocabulary has duplicate tokens');
    const idOf = (token: string): number => {
      const id = this.ids.get(token);
      if (id === undefined) throw new Error(`WordPiece vocabulary lacks the special token ${token}`);
      return id;
    };
    SPECIAL_TOKEN_LIST.forEach(idOf);
    this.padId = idOf(SPECIAL_TOKENS.pad);
    this.unkId = idOf(SPECIAL_TOKENS.unk);
    this.clsId = idOf(SPECIAL_TOKENS.cls);
    this.sepId = idOf(SPECIAL_TOKENS.sep);
    if (!Number.isInteger(settings.modelMaxLength) || settings.modelMaxLength < 2) {
      throw new Error(`modelMaxLength must be an integer ≥ 2, got ${settings.modelMaxLength}`);
    }
  }

  get vocabSize(): number {
    return this.vocab.length;
  }

  tokenId(token: string): number | undefined {
    return this.ids.get(token);
  }

  /** Word pieces without [CLS]/[SEP]. */
  tokenize(text: string): string[] {
    return splitOnSpecialTokens(text, SPECIAL_TOKEN_LIST).flatMap((section) => {
      if (SPECIAL_TOKEN_LIST.includes(section)) return [section];
      return preTokenize(normalize(section, this.settings)).flatMap((word) =>
        wordPieces(word, this.ids, SPECIAL_TOKENS.unk),
      );
    });
  }

  /** Ids cut at `maxLength` (default modelMaxLength; Infinity keeps them all). */
  encode(text: string, maxLength = this.settings.modelMaxLength): Encoding {
    const pieces = this.tokenize(text).map((token) => this.ids.get(token) ?? this.unkId);
    const full = [this.clsId, ...pieces, this.sepId];
    return { ids: full.slice(0, maxLength), fullLength: full.length, truncated: full.length > maxLength };
  }

  encodeBatch(texts: readonly string[], options: BatchOptions = {}): BatchEncoding {
    const maxLength = Math.min(options.maxLength ?? this.settings.modelMaxLength, this.settings.modelMaxLength);
    const rows = texts.map((text) => this.encode(text, maxLength));
    const longest = rows.reduce((n, row) => Math.max(n, row.ids.length), 1);
    const sequenceLength = options.padding === 'max_length' ? maxLength : longest;
    const inputIds = new Int32Array(rows.length * sequenceLength).fill(this.padId);
    const attentionMask = new Int32Array(rows.length * sequenceLength);
    rows.forEach((row, r) => {
      inputIds.set(row.ids, r * sequenceLength);
      attentionMask.fill(1, r * sequenceLength, r * sequenceLength + row.ids.length);
    });
    return { inputIds, attentionMask, batchSize: rows.length, sequenceLength, truncated: rows.map((row) => row.truncated) };
  }
}
