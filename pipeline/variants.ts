import type { DeviceName, ThemeName } from "../charts/style.ts";

/** Every chart ships in these variants; the suffix is part of the file name. */
export interface Variant {
  name: string;
  device: DeviceName;
  theme: ThemeName;
  suffix: string;
}

export const VARIANTS: Variant[] = [
  { name: "desktop", device: "desktop", theme: "light", suffix: "" },
  { name: "mobile", device: "mobile", theme: "light", suffix: "-mobile" },
  { name: "dark", device: "desktop", theme: "dark", suffix: "-dark" },
  { name: "mobile-dark", device: "mobile", theme: "dark", suffix: "-mobile-dark" },
];

export const svgName = (chartId: string, variant: Variant) => `${chartId}${variant.suffix}.svg`;
