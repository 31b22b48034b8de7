import type * as Monaco from 'monaco-editor';

export const KEA_CONFIG_LANGUAGE = 'kea-config';

/**
 * Kea's config language for Monaco: JSON plus `#`, `//` and slash-star comments. Tokens only;
 * completion, hover and markers come from `configIntelligence`.
 */
export function registerKeaConfigLanguage(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === KEA_CONFIG_LANGUAGE)) return;
  monaco.languages.register({ id: KEA_CONFIG_LANGUAGE, aliases: ['Kea config'] });
  monaco.languages.setLanguageConfiguration(KEA_CONFIG_LANGUAGE, {
    comments: { lineComment: '#', blockComment: ['/*', '*/'] },
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
  });
  monaco.languages.setMonarchTokensProvider(KEA_CONFIG_LANGUAGE, {
    defaultToken: '',
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/<\?include\s+"[^"]*"\s*\?>/, 'keyword'],
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
        [/"(?:[^"\\]|\\.)*"/, 'string'],
        [/-?\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
        [/\b(true|false|null)\b/, 'keyword'],
        [/[{}[\],:]/, 'delimiter'],
      ],
      comment: [
        [/[^*]+/, 'comment'],
        [/\*\//, 'comment', '@pop'],
        [/\*/, 'comment'],
      ],
    },
  });
}
