// Paint for the tray glyph classes (.glyph .muted .ok .bad) in each tray variant. The SVG
// sources carry a placeholder <style>; the generator swaps in one of these.
import type { TrayVariant } from '../../main/core/tray-icons';

const PALETTES: Record<TrayVariant, Record<'glyph' | 'muted' | 'ok' | 'bad', string>> = {
  // macOS template images: black + alpha only; the menu bar recolours them.
  template: { glyph: '#000000', muted: '#000000', ok: '#000000', bad: '#000000' },
  // Windows taskbars and light panels: brand violet reads on both light and dark.
  color: { glyph: '#7C3AED', muted: '#8A8F9C', ok: '#16A34A', bad: '#DC2626' },
  // Dark Linux panels.
  light: { glyph: '#FFFFFF', muted: '#B8BCC6', ok: '#4ADE80', bad: '#F87171' },
};

const STYLE_TAG = /<style>[^<]*<\/style>/;

export function paintTraySvg(svg: string, variant: TrayVariant): string {
  const p = PALETTES[variant];
  const style = `<style>.glyph{fill:${p.glyph}}.muted{fill:${p.muted}}.ok{fill:${p.ok}}.bad{fill:${p.bad}}</style>`;
  if (!STYLE_TAG.test(svg)) throw new Error('Tray SVG has no <style> placeholder to paint');
  return svg.replace(STYLE_TAG, style);
}
