/** The receiving agency: its identifier prefixes dossier codes (DOMAIN.md §2.6). */
export class AgencyIdentity {
  constructor(
    public readonly id: string,
    public readonly name: string,
  ) {}
}
