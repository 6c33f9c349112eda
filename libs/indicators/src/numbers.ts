/** Number helpers shared by scoring and plan reports. */

/**
 * Rounds to 2 decimals, half away from zero, robust to binary representation
 * (1.005 → 1.01, 80.125 → 80.13). Used for every rate, score and average shown.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  // Shift the decimal point in the decimal text, not in binary (1.005 * 100 = 100.49999…).
  const text = String(abs);
  const scaled = text.includes('e') ? abs * 100 : Number(`${text}e2`);
  return (sign * Math.round(scaled)) / 100 || 0;
}

/** Percent with a Vietnamese decimal comma and no trailing zeros: 97.5 → "97,5%", 100 → "100%", 12.34 → "12,34%". */
export function formatPercentVi(percent: number): string {
  const fixed = round2(percent).toFixed(2).replace(/\.?0+$/, '');
  return `${fixed.replace('.', ',')}%`;
}
