/**
 * The house style: every chart reads its fonts, colours, sizes and spacing from here, so a change
 * here changes every chart. Colours are chosen per theme (not inverted) and every text colour meets
 * WCAG AA (4.5:1) on its background; tests/style.test.ts proves it.
 */

import { COMPLEX_SCRIPTS } from "./script-list.ts";

export type ThemeName = "light" | "dark";
export type DeviceName = "desktop" | "mobile";

export interface Theme {
  background: string;
  text: string;
  /** Dek, notes and source: quieter than the title, still AA. */
  muted: string;
  /** Hairlines and baselines. */
  rule: string;
  /**
   * Colours that encode something. `series[0]` is the one colour every chart draws in by default;
   * groups ("two sides", chosen in charts.json) take the series in order, each named directly beside
   * its marks, so colour is never the only cue.
   */
  series: string[];
  /** The one figure a chart highlights (chosen in charts.json), beside the others in `series[0]`. */
  highlight: string;
  /** The rest of a whole that a share fills part of: quieter than any data mark. */
  track: string;
  /** Text drawn on top of a series colour. */
  onSeries: string;
  /** Marks for what the source leaves open ("more than"): drawn lighter, never as data. */
  open: string;
  /** Locator maps: sea, land, the country the story is in, borders, a story's own streets. */
  water: string;
  land: string;
  landFocus: string;
  border: string;
  street: string;
}

export const THEMES: Record<ThemeName, Theme> = {
  light: {
    background: "#ffffff",
    text: "#1a1a1a",
    muted: "#595959",
    rule: "#8c8c8c",
    series: ["#1f4e79", "#b0451a", "#3d6b35", "#6b4c8a"],
    onSeries: "#ffffff",
    highlight: "#b8461b",
    track: "#dde3ea",
    open: "#8c8c8c",
    water: "#dfe9f2",
    land: "#f4f2ee",
    landFocus: "#e6e1d8",
    border: "#9a9a9a",
    street: "#b9b2a6",
  },
  dark: {
    background: "#15181c",
    text: "#f0f0f0",
    muted: "#b4bac1",
    rule: "#6f7780",
    series: ["#7fb3e6", "#f0945e", "#8fc780", "#c3a6e6"],
    onSeries: "#15181c",
    highlight: "#f59a62",
    track: "#323a43",
    open: "#8a939c",
    water: "#1d2a36",
    land: "#2a2f35",
    landFocus: "#3a3f46",
    border: "#6a727b",
    street: "#5c636b",
  },
};

/**
 * Helvetica first, then metric-compatible fallbacks: the layout measures text with Helvetica/Arial
 * widths (charts/measure.ts), and Liberation Sans matches Arial's, so wrapping holds everywhere.
 * Unquoted names keep the attribute free of quote characters.
 *
 * Then the Noto font of each script that needs shaping (charts/script-list.ts): named, a browser
 * takes Tamil or Devanagari from the font the widths were read from; left to the system's
 * fallback, Chromium on Linux took Tamil from Noto Sans Grantha and drew empty boxes.
 */
export const FONT_FAMILY = [
  "Helvetica Neue, Helvetica, Arial, Liberation Sans, Arimo",
  ...COMPLEX_SCRIPTS.map((s) => `Noto Sans ${s.name}`),
  "sans-serif",
].join(", ");

export interface Sizes {
  width: number;
  /** Outer padding around the whole graphic. */
  pad: number;
  title: number;
  dek: number;
  label: number;
  value: number;
  note: number;
  source: number;
  /** The one figure written across a period's span ("954 arrests"). */
  total: number;
  /** Line height as a multiple of font size. */
  leading: number;
  /** Space between blocks (title → dek → chart → notes). */
  gap: number;
  /** Height of one bar. */
  bar: number;
}

export const DEVICES: Record<DeviceName, Sizes> = {
  desktop: {
    width: 640,
    pad: 20,
    title: 22,
    dek: 16,
    label: 14,
    value: 15,
    note: 13,
    source: 13,
    total: 21,
    leading: 1.3,
    gap: 14,
    bar: 30,
  },
  mobile: {
    width: 340,
    pad: 14,
    title: 19,
    dek: 15,
    label: 14,
    value: 14,
    note: 12,
    source: 12,
    total: 20,
    leading: 1.3,
    gap: 12,
    bar: 26,
  },
};

/**
 * The social card is laid out at 600 × 315 and drawn at 2× (1200 × 630): the desktop chart's sizes,
 * with a larger title, so it reads as a thumbnail a third that size.
 */
export const SOCIAL: Sizes & { height: number } = {
  width: 600,
  pad: 22,
  title: 25,
  dek: 16,
  label: 14,
  value: 15,
  note: 13,
  source: 12,
  total: 21,
  leading: 1.2,
  gap: 12,
  bar: 30,
  height: 315,
};

/** The social card's marks are drawn this much narrower than its inner width, then enlarged to fill it. */
export const SOCIAL_ZOOM = 1.25;

/**
 * Points a pixel of the print layout takes: a 14 px label prints at 7 pt, a 12 px note at 6 pt,
 * the sizes a newspaper's charts use.
 */
export const PRINT_POINTS_PER_PIXEL = 0.5;

/** Column widths charts.json may give for print, in millimetres (a narrow column to a full broadsheet page). */
export const PRINT_WIDTH_MM = { min: 30, max: 400, default: 104 } as const;

/**
 * The layout for a print column `mm` wide: the desktop sizes where the column holds them, the
 * mobile ones in a narrower column (one column of 50 mm is 283 px here).
 */
export function printSizes(mm: number): Sizes {
  const width = Math.round(((mm / 25.4) * 72) / PRINT_POINTS_PER_PIXEL);
  return { ...(width >= 0.85 * DEVICES.desktop.width ? DEVICES.desktop : DEVICES.mobile), width };
}

export const CREDIT_DEFAULT = "Graphic: Data desk";
