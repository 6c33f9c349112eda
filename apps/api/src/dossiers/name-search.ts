import { foldForSearch } from '@motcua/text';

/** Width of dossier.applicant_name_search. */
const SEARCH_COLUMN_LENGTH = 255;

/** What dossier.applicant_name_search holds for a name, and what a search term is compared in. */
export function nameSearchKey(name: string): string {
  return foldForSearch(name).slice(0, SEARCH_COLUMN_LENGTH);
}

/** A LIKE pattern matching `term` anywhere, with LIKE's own wildcards escaped (ESCAPE '\'). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
