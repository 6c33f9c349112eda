import { AppError, BadInputError } from '../common/errors';
import type { SupplementComponentDto } from './dto/dossier-event.dto';

export class UnknownSupplementComponentError extends AppError {
  readonly status = 422;
  readonly code = 'UNKNOWN_COMPONENT';
}

/** What a supplementation request asks for, stored in its history entry (`details.supplement`) and printed on Mẫu 02. */
export interface SupplementComponents {
  components: Array<{ key: string; name: string; requirement: string | null }>;
}

/**
 * Checks the requested components against the procedure's: every key known and listed once.
 * One-time complete guidance (DOMAIN.md §2.4): everything missing is asked for on one paper.
 */
export function supplementComponents(input: readonly SupplementComponentDto[], components: ReadonlyArray<{ key: string; name: string }>): SupplementComponents {
  const byKey = new Map(components.map((c) => [c.key, c]));
  const seen = new Set<string>();
  return {
    components: input.map((c) => {
      const known = byKey.get(c.key);
      if (!known) throw new UnknownSupplementComponentError(`components: ${c.key} is not a component of this procedure`, { component: c.key, field: 'components' });
      if (seen.has(c.key)) throw new BadInputError(`components: ${c.key} is listed twice`, { component: c.key, fields: ['components'] });
      seen.add(c.key);
      const requirement = c.requirement?.trim() ?? '';
      return { key: c.key, name: known.name, requirement: requirement === '' ? null : requirement };
    }),
  };
}
