import { describe, expect, it } from "vitest";
import { lowerFirst, whatOf } from "../charts/names.ts";
import { figure } from "./helpers/figures.ts";

describe("a figure named inside a sentence (notes, corrections)", () => {
  it("reads a common noun in lower case", () => {
    expect(lowerFirst("Police officers")).toBe("police officers");
    expect(whatOf(figure({ id: "a", value: 1, category: "Police officers", quote: "one police officer" }))).toBe(
      "police officers",
    );
  });

  it("keeps an acronym, a weekday and a month as written", () => {
    expect(lowerFirst("PTI marchers")).toBe("PTI marchers");
    expect(lowerFirst("Friday night")).toBe("Friday night");
    expect(lowerFirst("Jul arrests")).toBe("Jul arrests");
  });

  it("keeps a name of several capitalized words: 'Alto Vale', not 'alto Vale'", () => {
    expect(lowerFirst("Alto Vale")).toBe("Alto Vale");
    expect(lowerFirst("Rio Claro evacuees")).toBe("Rio Claro evacuees");
  });

  it("keeps a one-word name the figure's quote capitalizes inside its sentence", () => {
    const paris = figure({ id: "p", value: 300, category: "Paris", quote: "In the capital, Paris, 300 were arrested" });
    expect(whatOf(paris)).toBe("Paris");
    expect(lowerFirst("Marseille", "and 120 in Marseille.")).toBe("Marseille");
  });

  it("lowers a word the quote writes in lower case somewhere, or only at a sentence's start", () => {
    expect(lowerFirst("Police", "Police said 40 police were hurt")).toBe("police");
    expect(lowerFirst("Protesters", "Protesters numbered 900.")).toBe("protesters");
    expect(lowerFirst("Protesters", "It was calm. Protesters numbered 900.")).toBe("protesters");
    expect(lowerFirst("Civilians", "")).toBe("civilians");
  });
});
