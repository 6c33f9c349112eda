import type { ProcedureFee } from './catalogue.types';

/**
 * Whether a procedure charges a fee or charge (indicator 3.6's denominator). A single
 * published amount decides; without one, any fee text other than "Không"/"Miễn" (none,
 * exempt) means something is charged (often an amount per case or a formula).
 */
export function chargesFee(fee: ProcedureFee): boolean {
  if (fee.amountVnd !== null) return fee.amountVnd > 0;
  if (!fee.text) return false;
  return !/^\s*(không|miễn|none)/i.test(fee.text);
}
