import type { ColourRole, FigureChoice } from "./kind.ts";
import type { Theme } from "./style.ts";

/** What colour may encode on a kind: a highlighted figure, groups ("two sides"), or neither. */
export interface ColourUse {
  highlight: boolean;
  groups: boolean;
}

export interface Colours {
  /** One role a figure, in the entry's order. */
  roles: ColourRole[];
  /** Group names in the order they first appear: group i takes the theme's series colour i. */
  groups: string[];
  problems: string[];
}

/**
 * The colour of each figure, from the entry's choices: one colour for all by default; the
 * highlight colour for a highlighted figure; a colour per group when figures are grouped. A choice
 * the kind cannot show is refused rather than ignored, so the chart never claims a meaning it does
 * not draw.
 */
export function colourRoles(
  kind: string,
  ids: string[],
  choices: FigureChoice[] | undefined,
  use: ColourUse,
  palette: number,
): Colours {
  const problems: string[] = [];
  const picked = ids.map((_, i) => choices?.[i] ?? {});
  const highlighted = ids.filter((_, i) => picked[i].highlight);
  const grouped = ids.filter((_, i) => picked[i].group);
  const groups = [...new Set(picked.flatMap((c) => (c.group ? [c.group] : [])))];
  if (highlighted.length > 0 && !use.highlight)
    problems.push(`a ${kind} chart cannot highlight a figure ("${highlighted[0]}"); take out "highlight"`);
  if (grouped.length > 0 && !use.groups)
    problems.push(
      `a ${kind} chart draws one series, so it cannot colour figures by "group" ("${grouped[0]}"); take out "group", or use bars or line for two sides`,
    );
  if (highlighted.length > 0 && grouped.length > 0)
    problems.push('colour encodes one thing a chart: "highlight" a figure or sort figures into "group"s, not both');
  if (grouped.length > 0 && grouped.length < ids.length) {
    const loose = ids.filter((_, i) => !picked[i].group);
    problems.push(
      `once figures are grouped, every figure needs its "group" (colour would otherwise say nothing about "${loose[0]}")`,
    );
  }
  if (grouped.length > 0 && groups.length < 2)
    problems.push(`every figure is in the group "${groups[0]}": one group needs no colour; take out "group"`);
  if (use.groups && groups.length > palette)
    problems.push(`${groups.length} groups are more than the ${palette} colours a chart can tell apart; use fewer`);
  if (highlighted.length === ids.length && ids.length > 1)
    problems.push("every figure is highlighted, so the highlight says nothing; highlight one, or none");
  const roles = picked.map((c): ColourRole => {
    if (c.highlight) return { role: "highlight" };
    if (c.group && groups.length > 1) return { role: "group", index: groups.indexOf(c.group) };
    return { role: "one" };
  });
  return { roles, groups, problems };
}

export function colourOf(role: ColourRole, theme: Theme): string {
  if (role.role === "highlight") return theme.highlight;
  if (role.role === "group") return theme.series[role.index % theme.series.length];
  return theme.series[0];
}
