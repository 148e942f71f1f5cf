/**
 * Exact decimal arithmetic for writing numbers with a scale word: 5,520,000,000 is "5.52" billion,
 * never 5.5 and never 5.5200000000000005. Digits are moved as text; no float touches them.
 */

/** The value as plain decimal digits: 5500000000 → "5500000000", 1.6 → "1.6". */
export function decimalString(value: number): string {
  const text = String(Math.abs(value));
  const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  const plain = match ? shift(`${match[1]}${match[2] ? `.${match[2]}` : ""}`, -Number(match[3])) : text;
  return value < 0 ? `-${plain}` : plain;
}

/** The decimal divided by 10^exponent, exactly: shift("5520000000", 9) is "5.52". */
export function shift(decimal: string, exponent: number): string {
  const negative = decimal.startsWith("-");
  const [whole, fraction = ""] = decimal.replace(/^-/, "").split(".");
  let digits = whole + fraction;
  let point = whole.length - exponent;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const head = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const tail = digits.slice(point).replace(/0+$/, "");
  return `${negative ? "-" : ""}${head}${tail ? `.${tail}` : ""}`;
}

/** How many digits stand after the point: "5.52" has 2. */
export function decimalsOf(decimal: string): number {
  return decimal.split(".")[1]?.length ?? 0;
}
