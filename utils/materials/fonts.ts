/*
 * The fonts the materials embed, shipped in public/fonts/ (served at the extension's root), each
 * with its SIL Open Font License beside it. Both are TrueType (glyf) fonts: @pdf-lib/fontkit
 * breaks CFF (.otf) subsets, and TrueType ones only need the padding truetype.ts adds.
 *
 * - JetBrains Mono Regular, version 2.211 (114 904 bytes), from @expo-google-fonts/jetbrains-mono
 *   0.4.1 (Google Fonts' build): code, Latin, Cyrillic, Greek, box drawing.
 * - Noto Sans SC Regular, version 2.004 (10 559 284 bytes), from @expo-google-fonts/noto-sans-sc
 *   0.4.3 (Google Fonts' static TrueType build): 30 890 characters — 20 976 of the 20 992 CJK
 *   Unified Ideographs, 6 582 of Extension A, full-width punctuation; it also sets the headers.
 *
 * A material embeds only the glyphs it prints (about 100–400 KB of font for 60 pages of code).
 */
export const MATERIAL_FONTS = {
  mono: '/fonts/JetBrainsMono-Regular.ttf',
  cjk: '/fonts/NotoSansSC-Regular.ttf',
} as const;
