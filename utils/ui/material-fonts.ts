import { browser } from 'wxt/browser';
import { MATERIAL_FONTS } from '@/utils/materials/fonts';
import type { MaterialFontFiles } from '@/utils/materials/typeset';

/** The fonts a material embeds, read from the extension's own files (no network). */
export async function materialFonts(): Promise<MaterialFontFiles> {
  const read = async (path: string) => new Uint8Array(await (await fetch(browser.runtime.getURL(path as '/fonts/JetBrainsMono-Regular.ttf'))).arrayBuffer());
  const [mono, cjk] = await Promise.all([read(MATERIAL_FONTS.mono), read(MATERIAL_FONTS.cjk)]);
  return { mono, cjk };
}
