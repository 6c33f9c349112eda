import { readFileSync } from 'node:fs';
import { assertValidCatalogue, CatalogueDefinition, parseCatalogueFiles } from '@motcua/catalogue';
import { configPath } from '../common/repo-paths';

/** Reads and validates config/catalogue/{departments,procedures}.json; throws with every problem found. */
export function loadCatalogueFiles(dir = configPath('catalogue')): CatalogueDefinition {
  const departments: unknown = JSON.parse(readFileSync(`${dir}/departments.json`, 'utf8'));
  const procedures: unknown = JSON.parse(readFileSync(`${dir}/procedures.json`, 'utf8'));
  const catalogue = parseCatalogueFiles(departments, procedures);
  assertValidCatalogue(catalogue);
  return catalogue;
}
