/**
 * A period the desk names by the calendar rather than by its days, recognised from its first and
 * last day: a fiscal year (twelve months from 1 April, as India, Britain, Canada and Japan count
 * them, or from 1 July, as Pakistan, Bangladesh, Egypt and Australia do; from 1 October, the US
 * federal year, named by the year it ends), a calendar year, a month, a run of months. Twelve
 * months from any other month are not a fiscal year anyone names: those stay days. The writer
 * (writer.ts `calendar`) words it in the story's language and house style.
 */
export interface CalendarPeriod {
  kind: "year" | "fiscal" | "federal" | "month" | "months";
  startYear: number;
  /** 0-based. */
  startMonth: number;
  endYear: number;
  endMonth: number;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function calendarPeriod(start: string, end: string): CalendarPeriod | undefined {
  if (!start || !end || end < start) return undefined;
  const a = day(start);
  const b = day(end);
  const next = new Date(b.getTime() + 86_400_000);
  if (a.getUTCDate() !== 1 || next.getUTCDate() !== 1) return undefined;
  const [startYear, startMonth, endYear, endMonth] = [
    a.getUTCFullYear(),
    a.getUTCMonth(),
    b.getUTCFullYear(),
    b.getUTCMonth(),
  ];
  const months = endYear * 12 + endMonth - (startYear * 12 + startMonth) + 1;
  const at = { startYear, startMonth, endYear, endMonth };
  if (months === 12 && startMonth === 0) return { kind: "year", ...at };
  if (months === 12 && (startMonth === 3 || startMonth === 6)) return { kind: "fiscal", ...at };
  if (months === 12 && startMonth === 9) return { kind: "federal", ...at };
  if (months === 1) return { kind: "month", ...at };
  if (months > 1 && months < 12) return { kind: "months", ...at };
  return undefined;
}
