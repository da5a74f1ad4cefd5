/**
 * Inputs a sentiment service must survive and tokenize exactly as transformers.js does: scripts,
 * emoji sequences, markup, special-token look-alikes, control characters, odd whitespace, length.
 */
export const HOSTILE_TEXTS: readonly string[] = [
  '',
  '   \t\n ',
  'I LOVED it!!! 😍😍 best film ever 👍🏽',
  'family: 👨‍👩‍👧‍👦 flag: 🇫🇷 keycap: 1️⃣ heart: ❤️',
  'Café naïve résumé façade Ångström ÉCOLE',
  'Привет, это ужасный фильм.',
  'هذا فيلم رائع',
  'यह फ़िल्म बहुत अच्छी है',
  'この映画は素晴らしい！ 很好看 한국 영화 최고',
  '𠀀𠀁 astral CJK and 𝕗𝕒𝕟𝕔𝕪 math letters',
  '<script>alert("xss")</script><b>bold</b> &amp; &lt;tag&gt; <img src=x onerror=alert(1)>',
  'a [SEP] b [CLS] [cls] [UNK][MASK][PAD] [SEP',
  'null\u0000byte \ufffd replacement \u200b zero-width \u200d joiner \ufeff bom \u00ad soft',
  'nbsp\u00a0here\u2028line\u2029para\u3000ideographic\u000bvt\u000cff',
  'lone \ud800 surrogate and \udc00 low',
  'don\'t can\'t won\'t it\'s they\'re I\'m "quoted" ``ptb\'\' — – … « » ¿¡',
  'http://example.com/path?q=1&x=2 user@example.com #hashtag @mention $19.99 50% 3.14',
  'x'.repeat(100),
  'y'.repeat(101),
  'supercalifragilisticexpialidocious pneumonoultramicroscopicsilicovolcanoconiosis',
  'İstanbul ǅemal ﬁne ligature Straße ΣΊΣΥΦΟΣ',
  Array.from({ length: 2000 }, (_, i) => ['great', 'awful', 'movie', 'the', '!', 'ünïcödé'][i % 6]).join(' '),
];
