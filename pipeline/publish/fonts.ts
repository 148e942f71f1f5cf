import { existsSync } from "node:fs";

/** A font file is missing: the machine lacks a Debian font package. Reported plainly, not as a bug. */
export class MissingFonts extends Error {
  constructor(files: string[]) {
    super(
      `the PNG renderer needs fonts this machine lacks (${files.join(", ")}); install them: apt-get install fonts-liberation fonts-dejavu-core fonts-noto-core`,
    );
    this.name = "MissingFonts";
  }
}

/** Stops with MissingFonts unless every file exists. */
export function requireFonts(files: string[]): void {
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new MissingFonts(missing);
}
