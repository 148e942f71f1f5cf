/**
 * The fixed words the extras draw (annotations, locator maps): every one in this one place, in
 * English, so that a locale pack can replace them together. Words that carry a figure are never
 * here: those come from the dataset through the chart's templates.
 */
export const EXTRA_WORDS = {
  /** A scale bar's length: "5 km", "500 m". */
  kilometres: (n: string) => `${n} km`,
  metres: (n: string) => `${n} m`,
  /** Heading of the notes a phone lists below the chart, each after its numbered marker. */
  annotations: "Annotations",
  /** A numbered marker's note below the chart: "1 Curfew imposed". */
  marker: (n: number, text: string) => `${n} ${text}`,
  /** The alt text's sentence for an annotation: "Note at Mon 25 Nov 2024: Curfew imposed." */
  annotationAlt: (where: string, text: string) => `Note at ${where}: ${text}`,
  /** The alt text's sentence for a band: "Shaded Sun 24 – Tue 26 Nov 2024: Lockdown." */
  bandAlt: (where: string, text: string) => `Shaded ${where}: ${text}`,
  /** A locator's alt text: "A map of Pakistan locating Islamabad." */
  mapAlt: (area: string, places: string) =>
    area ? `A map of ${area} locating ${places}.` : `A map locating ${places}.`,
  /** Where the inset globe points. */
  insetAlt: (area: string) => `An inset globe shows where ${area} lies in the world.`,
  /** A radius's label on the map: "Within 1.6 kilometres". */
  radiusLabel: (shown: string) => shown,
  /** The note explaining a radius, by its qualifier's bound. */
  radiusNote: (circle: string, name: string, place: string, bound: "minimum" | "maximum" | "none") =>
    `${circle} around ${place}: ${name}${
      bound === "maximum"
        ? " (at most that far: the exact distance was not reported)"
        : bound === "minimum"
          ? " (at least that far: the exact distance was not reported)"
          : ""
    }.`,
  circleSolid: "The shaded circle is drawn",
  circleDashed: "The dashed circle is drawn",
  /** A layer's attribution in the notes: "Map: Natural Earth; streets.geojson." */
  mapCredit: (layers: string[]) => `Map: Natural Earth${layers.length ? `; ${layers.join(", ")}` : ""}.`,
} as const;
