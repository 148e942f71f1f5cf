import { bisectRight } from "d3-array";

/** The line (from 1) of each offset in a text: the line starts found once, each offset found by bisection. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (offset) => bisectRight(starts, offset);
}
