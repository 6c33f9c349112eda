import type { CatalogueDefinition } from '@motcua/catalogue';

/** The validated catalogue files, loaded once at boot (tests may provide their own). */
export class CatalogueSource {
  constructor(public readonly catalogue: CatalogueDefinition) {}
}
