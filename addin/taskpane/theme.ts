/**
 * Light or dark, as Office is: the pane follows the theme the user chose for Office (Office.js
 * gives its colours in `Office.context.officeTheme`), so a dark Excel does not open a white pane.
 */

/** The relative luminance (WCAG) of a "#rrggbb" colour, 0 (black) to 1 (white); null if it is none. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = parseInt(x!, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office's body background is dark; light when it is light or unknown (a browser, an older Office). */
export function themeOf(officeTheme: { bodyBackgroundColor?: string } | undefined): 'light' | 'dark' {
  const l = officeTheme?.bodyBackgroundColor === undefined ? null : luminance(officeTheme.bodyBackgroundColor);
  return l !== null && l < 0.2 ? 'dark' : 'light';
}
