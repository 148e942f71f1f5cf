import type { Annotation, ChartModel, Place } from "../../charts/kind.ts";
import { daysBetween, formatDate, formatPeriod } from "../facts/dates.ts";
import { defaultWriter, type Writer } from "../language/writer.ts";
import type { EntryAnnotation } from "./chart-list.ts";
import { fillTemplate, type TemplateContext } from "./template.ts";

/**
 * An entry's annotations pinned to what the chart draws: a figure to its mark, a day to the mark of
 * the figure that covers it (the one of the shortest period), a band of days to every figure it
 * meets, a place to its label. A pin the chart cannot honour is refused, saying what it can.
 */
export function resolveAnnotations(
  notes: EntryAnnotation[],
  model: ChartModel,
  places: Place[],
  context: TemplateContext,
): { annotations: Annotation[]; problems: string[] } {
  const problems: string[] = [];
  const annotations: Annotation[] = [];
  // What a note is pinned to, for the alt text, in the chart's language ("dim. 24 nov. 2024").
  const writer = context.writer ?? defaultWriter();
  const rows = model.rows;
  const ids = rows.map((r) => r.figure_id);
  const dated = rows.filter((r) => r.start && r.end);
  const mark = (row: (typeof rows)[number]) => ({
    text: row.shown_as,
    nth: rows.slice(0, rows.indexOf(row)).filter((r) => r.shown_as === row.shown_as).length,
  });
  for (const note of notes) {
    const text = fillTemplate(note.text, context);
    const say = (message: string) => problems.push(`annotation "${note.text}": ${message}`);
    if (note.figure !== undefined) {
      const row = rows.find((r) => r.figure_id === note.figure);
      if (!row) say(`"${note.figure}" is not a figure this chart draws; pin it to one of ${ids.join(", ") || "none"}`);
      else annotations.push({ text, marks: [mark(row)], band: false, where: model.names[row.figure_id] ?? row.label });
    } else if (note.place !== undefined) {
      if (!places.some((p) => p.name === note.place))
        say(
          `the chart has no place named ${JSON.stringify(note.place)}; its places are ${places.map((p) => p.name).join(", ") || "none"}`,
        );
      else annotations.push({ text, marks: [{ text: note.place, nth: 0 }], band: false, where: note.place });
    } else if (note.date !== undefined) {
      const covering = dated
        .filter((r) => r.start <= note.date! && note.date! <= r.end)
        .sort((a, b) => daysBetween(a.start, a.end) - daysBetween(b.start, b.end));
      if (covering.length === 0)
        say(
          dated.length
            ? `no figure this chart draws covers ${formatDate(note.date)}; its figures cover ${formatPeriod(
                dated.map((r) => r.start).sort()[0],
                dated
                  .map((r) => r.end)
                  .sort()
                  .at(-1)!,
              )}`
            : "this chart's figures have no dates; pin the note to a figure instead",
        );
      else
        annotations.push({
          text,
          // Drawn beside a total of several days, the note says its own day: it is not the total's.
          ...(covering[0].start === covering[0].end
            ? {}
            : (() => {
                const parts = writer.dayParts(note.date);
                return {
                  drawn: writer.phrase("annotation.day", { day: parts.full, text }),
                  day: [parts.full, parts.two.join(" "), parts.three.join(" ")],
                };
              })()),
          marks: [mark(covering[0])],
          band: false,
          where: writer.date(note.date, { weekday: true }),
        });
    } else if (note.from !== undefined && note.to !== undefined) {
      const met = dated.filter((r) => r.start <= note.to! && note.from! <= r.end);
      if (met.length === 0)
        say(
          dated.length
            ? `no figure this chart draws falls in ${formatPeriod(note.from, note.to)}`
            : "this chart's figures have no dates; a band of days needs a chart of days",
        );
      else
        annotations.push({
          text,
          marks: met.map(mark),
          band: true,
          where: writer.period(note.from, note.to),
        });
    }
  }
  return { annotations, problems };
}

/** The alt text's sentence for each annotation: "Note at Mon 25 Nov 2024: Curfew imposed." */
export function annotationSentences(annotations: Annotation[], writer: Writer = defaultWriter()): string[] {
  return annotations.map((a) =>
    writer.sentence(
      writer.phrase(a.band ? "annotation.band" : "annotation.note", {
        where: a.where,
        text: a.text.replace(/[.!?।]$/, ""),
      }),
    ),
  );
}
