import { describe, expect, it } from 'vitest';
import { luminance, themeOf } from '../../addin/taskpane/theme.js';

describe("the pane follows Office's theme (issue 19)", () => {
  it("reads Office's body background: Excel's dark grey and black are dark; white, colourful and light grey are light", () => {
    // Office's themes (bodyBackgroundColor): Black #262626, Dark Gray #444444 … White #FFFFFF, Colorful #E6E6E6.
    expect(themeOf({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(themeOf({ bodyBackgroundColor: '#000000' })).toBe('dark');
    // #444444: luminance ((0x44/255 + 0.055)/1.055)^2.4 = 0.058 → dark
    expect(themeOf({ bodyBackgroundColor: '#444444' })).toBe('dark');
    expect(themeOf({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(themeOf({ bodyBackgroundColor: '#E6E6E6' })).toBe('light');
  });
  it('is light where Office says nothing (a browser, an older Office) or something unreadable', () => {
    expect(themeOf(undefined)).toBe('light');
    expect(themeOf({})).toBe('light');
    expect(themeOf({ bodyBackgroundColor: 'transparent' })).toBe('light');
  });
  it("computes WCAG's relative luminance: black 0, white 1, #808080 ≈ 0.216", () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    // ((128/255 + 0.055) / 1.055)^2.4 = 0.2158605
    expect(luminance('#808080')).toBeCloseTo(0.2158605, 6);
  });
});
