/**
 * Story variants for the browser tests, made from a copy of the Islamabad fixture story: what the layout must survive
 * beyond the story as it stands.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { append, edit } from "./helpers/story.ts";

/** The same story, changed in every chart (a new source line): a separate build with the same chart ids. */
export function updatedStory(data: string): void {
  edit(data, "charts.json", /"source": "([^"]*)"/, '"source": "$1 (updated)"');
}

/**
 * Long words everywhere: a five-line mobile title, a two-line bar label, daily figures with a gap
 * (columns with "No figure"), and a week of days whose labels must wrap in 44px columns.
 */
export function stressStory(data: string): void {
  writeFileSync(
    join(data, "sources/police-statement.txt"),
    "date 2024-11-28\nIslamabad police said 612 people were arrested on Sunday and more than 300 on Monday, in a statement issued on Thursday. " +
      "From 20 November to 26 November, about 1,500 people were arrested across Punjab, more than 120 of them on 20 November.\n",
  );
  append(
    data,
    "figures.csv",
    [
      'arrests_sun,arrests,Arrests,612,exact,people,2024-11-24,2024-11-24,Islamabad police,"612 people were arrested on Sunday",sources/police-statement.txt,',
      'arrests_mon,arrests,Arrests,300,more_than,people,2024-11-25,2024-11-25,Islamabad police,"more than 300 on Monday",sources/police-statement.txt,',
      'punjab_week,arrests in Punjab,Arrests in Punjab,1500,about,people,2024-11-20,2024-11-26,Islamabad police,"From 20 November to 26 November, about 1,500 people were arrested across Punjab",sources/police-statement.txt,',
      'punjab_wed,arrests in Punjab,Arrests in Punjab,120,more_than,people,2024-11-20,2024-11-20,Islamabad police,"more than 120 of them on 20 November",sources/police-statement.txt,',
      "",
    ].join("\n"),
  );
  edit(
    data,
    "figures.csv",
    "protesters,marched,Protesters,",
    "protesters,marched,Protesters marching on the capital in defiance of the lockdown,",
  );
  edit(
    data,
    "charts.json",
    /"title": "\{security_personnel\}[^"]*"/,
    '"title": "{security_personnel} security personnel were deployed against {protesters} protesters who marched on the capital despite a lockdown"',
  );
  edit(
    data,
    "charts.json",
    /"charts": \[/,
    `"charts": [
    { "id": "punjab-week", "kind": "period", "title": "Arrests across Punjab in the week of the march", "dek": "{punjab_week} people were arrested, {punjab_week.period}", "figures": ["punjab_week"] },`,
  );
}
