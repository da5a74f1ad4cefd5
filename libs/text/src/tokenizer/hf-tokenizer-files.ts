import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { replacementSchema, type Replacement } from './normalize';
import { CONTINUATION_PREFIX, MAX_INPUT_CHARS_PER_WORD, SPECIAL_TOKEN_LIST, SPECIAL_TOKENS } from './special-tokens';
import { WordPieceTokenizer } from './wordpiece-tokenizer';

export const TOKENIZER_FILE = 'tokenizer.json';
export const TOKENIZER_CONFIG_FILE = 'tokenizer_config.json';

/** transformers.js picks the tokenizer class from this; DistilBert's sends no token_type_ids. */
const TOKENIZER_CLASS = 'DistilBertTokenizer';

const bertNormalizer = (lowercase: boolean) => ({
  type: 'BertNormalizer',
  clean_text: true,
  handle_chinese_chars: true,
  strip_accents: null, // null = follow `lowercase`
  lowercase,
});
const replaceNormalizer = ({ from, to }: Replacement) => ({ type: 'Replace', pattern: { String: from }, content: to });
const special = (id: string) => ({ SpecialToken: { id, type_id: 0 } });

/**
 * tokenizer.json (the Hugging Face "fast tokenizer" format that transformers.js and Python
 * `tokenizers` read) and tokenizer_config.json (class, special tokens, model_max_length — the
 * truncation length transformers.js uses).
 */
export function toHfTokenizerFiles(tokenizer: WordPieceTokenizer): Record<string, string> {
  const { lowercase, replacements, modelMaxLength } = tokenizer.settings;
  const addedTokens = SPECIAL_TOKEN_LIST.map((content) => ({
    id: tokenizer.tokenId(content),
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  const idsOf = (token: string) => ({ id: token, ids: [tokenizer.tokenId(token)], tokens: [token] });
  const tokenizerJson = {
    version: '1.0',
    // transformers.js ignores these two and truncates/pads from tokenizer_config.json and call options.
    truncation: null,
    padding: null,
    added_tokens: addedTokens,
    normalizer:
      replacements.length === 0
        ? bertNormalizer(lowercase)
        : { type: 'Sequence', normalizers: [bertNormalizer(lowercase), ...replacements.map(replaceNormalizer)] },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special(SPECIAL_TOKENS.cls), { Sequence: { id: 'A', type_id: 0 } }, special(SPECIAL_TOKENS.sep)],
      pair: [
        special(SPECIAL_TOKENS.cls),
        { Sequence: { id: 'A', type_id: 0 } },
        special(SPECIAL_TOKENS.sep),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: SPECIAL_TOKENS.sep, type_id: 1 } },
      ],
      special_tokens: { [SPECIAL_TOKENS.cls]: idsOf(SPECIAL_TOKENS.cls), [SPECIAL_TOKENS.sep]: idsOf(SPECIAL_TOKENS.sep) },
    },
    decoder: { type: 'WordPiece', prefix: CONTINUATION_PREFIX, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: SPECIAL_TOKENS.unk,
      continuing_subword_prefix: CONTINUATION_PREFIX,
      max_input_chars_per_word: MAX_INPUT_CHARS_PER_WORD,
      // fromEntries, not assignment: a token such as "__proto__" must stay an ordinary key.
      vocab: Object.fromEntries(tokenizer.vocab.map((token, id) => [token, id])),
    },
  };
  const tokenizerConfig = {
    tokenizer_class: TOKENIZER_CLASS,
    do_lower_case: lowercase,
    model_max_length: modelMaxLength,
    padding_side: 'right',
    truncation_side: 'right',
    clean_up_tokenization_spaces: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    unk_token: SPECIAL_TOKENS.unk,
    sep_token: SPECIAL_TOKENS.sep,
    pad_token: SPECIAL_TOKENS.pad,
    cls_token: SPECIAL_TOKENS.cls,
    mask_token: SPECIAL_TOKENS.mask,
    added_tokens_decoder: Object.fromEntries(addedTokens.map(({ id, ...token }) => [String(id), token])),
  };
  return {
    [TOKENIZER_FILE]: `${JSON.stringify(tokenizerJson)}\n`,
    [TOKENIZER_CONFIG_FILE]: `${JSON.stringify(tokenizerConfig, null, 2)}\n`,
  };
}

// Reading accepts the shape written above (and the same pipeline in hub BERT tokenizers); anything
// else is refused, because encoding it with this implementation would silently differ.
const bertNormalizerSchema = z.object({
  type: z.literal('BertNormalizer'),
  clean_text: z.literal(true),
  handle_chinese_chars: z.literal(true),
  strip_accents: z.null().optional(),
  lowercase: z.boolean(),
});
const replaceSchema = z.object({
  type: z.literal('Replace'),
  pattern: z.object({ String: replacementSchema.shape.from }),
  content: replacementSchema.shape.to,
});
const specialRef = (id: string) => z.object({ SpecialToken: z.object({ id: z.literal(id) }) });
const addedTokenSchema = z.object({
  id: z.int().nonnegative(),
  content: z.enum(SPECIAL_TOKEN_LIST as [string, ...string[]]),
  // Unnormalized and unstripped: matched verbatim in the raw text, as splitOnSpecialTokens does.
  normalized: z.literal(false),
  lstrip: z.literal(false),
  rstrip: z.literal(false),
});
const tokenizerJsonSchema = z.object({
  added_tokens: z
    .array(addedTokenSchema)
    .refine((tokens) => new Set(tokens.map((t) => t.content)).size === SPECIAL_TOKEN_LIST.length, {
      message: `expected exactly the added tokens ${SPECIAL_TOKEN_LIST.join(' ')}`,
    }),
  post_processor: z.union([
    z.object({
      type: z.literal('TemplateProcessing'),
      single: z.tuple([specialRef(SPECIAL_TOKENS.cls), z.object({ Sequence: z.object({ id: z.literal('A') }) }), specialRef(SPECIAL_TOKENS.sep)]),
    }),
    z.object({
      type: z.literal('BertProcessing'),
      cls: z.tuple([z.literal(SPECIAL_TOKENS.cls), z.int()]),
      sep: z.tuple([z.literal(SPECIAL_TOKENS.sep), z.int()]),
    }),
  ]),
  normalizer: z.union([
    bertNormalizerSchema,
    z.object({ type: z.literal('Sequence'), normalizers: z.tuple([bertNormalizerSchema], replaceSchema) }),
  ]),
  pre_tokenizer: z.object({ type: z.literal('BertPreTokenizer') }),
  model: z.object({
    type: z.literal('WordPiece'),
    unk_token: z.literal(SPECIAL_TOKENS.unk),
    continuing_subword_prefix: z.literal(CONTINUATION_PREFIX),
    max_input_chars_per_word: z.literal(MAX_INPUT_CHARS_PER_WORD),
    vocab: z.record(z.string(), z.int().nonnegative()),
  }),
});
const tokenizerConfigSchema = z.object({ model_max_length: z.int().min(2) });

export function fromHfTokenizerFiles(tokenizerJson: unknown, tokenizerConfig: unknown): WordPieceTokenizer {
  const json = parseOrExplain(tokenizerJsonSchema, tokenizerJson, TOKENIZER_FILE);
  const config = parseOrExplain(tokenizerConfigSchema, tokenizerConfig, TOKENIZER_CONFIG_FILE);
  const [base, ...rest] = json.normalizer.type === 'Sequence' ? json.normalizer.normalizers : [json.normalizer];
  const vocab: string[] = [];
  for (const [token, id] of Object.entries(json.model.vocab)) {
    if (vocab[id] !== undefined) throw new Error(`${TOKENIZER_FILE}: id ${id} is used by two tokens`);
    vocab[id] = token;
  }
  if (vocab.length !== Object.keys(json.model.vocab).length) throw new Error(`${TOKENIZER_FILE}: vocabulary ids have gaps`);
  const misplaced = json.added_tokens.filter((t) => vocab[t.id] !== t.content).map((t) => t.content);
  if (misplaced.length > 0) throw new Error(`${TOKENIZER_FILE}: added tokens ${misplaced.join(', ')} disagree with the vocabulary ids`);
  return new WordPieceTokenizer(vocab, {
    lowercase: base?.lowercase ?? true,
    replacements: rest.map((r) => ({ from: r.pattern.String, to: r.content })),
    modelMaxLength: config.model_max_length,
  });
}

export async function loadWordPieceTokenizer(dir: string): Promise<WordPieceTokenizer> {
  const read = async (file: string): Promise<unknown> => JSON.parse(await readFile(join(dir, file), 'utf8'));
  return fromHfTokenizerFiles(await read(TOKENIZER_FILE), await read(TOKENIZER_CONFIG_FILE));
}

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new Error(`${file} is not a tokenizer this library can reproduce: ${issues.join('; ')}`);
}
