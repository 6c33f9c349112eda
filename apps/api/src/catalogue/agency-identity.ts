/** The receiving agency: its identifier prefixes dossier codes (DOMAIN.md §2.6). */
export class AgencyIdentity {
  constructor(
    public readonly id: string,
    public readonly name: string,
    /** Province of the agency ("Lai Châu"), for the headings of reports to the province. */
    public readonly province: string = '',
  ) {}
}
