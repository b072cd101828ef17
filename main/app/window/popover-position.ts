// Where the popover opens: under (or above) the tray icon, kept inside the screen's work
// area. Linux often reports empty tray bounds; then we open near the pointer, which is
// where the user just clicked the tray or its menu.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

const MARGIN = 8;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

export function popoverPosition(input: {
  trayBounds: Rect | null;
  cursor: Point;
  /** Work area of the display holding the tray (or the cursor). */
  workArea: Rect;
  size: { width: number; height: number };
}): Point {
  const { workArea: area, size } = input;
  const tray = input.trayBounds;
  const hasTray = tray !== null && tray.width > 0 && tray.height > 0;
  const anchor: Rect = hasTray ? tray : { ...input.cursor, width: 0, height: 0 };
  const centerX = anchor.x + anchor.width / 2;
  // Tray in the top half (macOS, GNOME) -> open below; bottom (Windows taskbar) -> above.
  const below = anchor.y + anchor.height / 2 < area.y + area.height / 2;
  const x = centerX - size.width / 2;
  const y = below ? anchor.y + anchor.height + MARGIN / 2 : anchor.y - size.height - MARGIN / 2;
  return {
    x: Math.round(clamp(x, area.x + MARGIN, area.x + area.width - size.width - MARGIN)),
    y: Math.round(clamp(y, area.y + MARGIN, area.y + area.height - size.height - MARGIN)),
  };
}
