import { highestDigitisationNumbers, highestDossierNumbers } from './code-numbers';

describe('highest numbers of the stored codes', () => {
  it('per agency and day; codes of other forms (imports) are ignored', () => {
    const codes = ['000.00.12.H33-260302-0002', '000.00.12.H33-260302-0011', '000.00.12.H33-260303-0001', 'X.1-260302-0004', 'IMPORT-2019-77', '000.00.12.H33-2603-0009'];
    expect(highestDossierNumbers(codes).sort((a, b) => (a.agencyId + a.day).localeCompare(b.agencyId + b.day))).toEqual([
      { agencyId: '000.00.12.H33', day: '260302', value: 11 },
      { agencyId: '000.00.12.H33', day: '260303', value: 1 },
      { agencyId: 'X.1', day: '260302', value: 4 },
    ]);
  });

  it('submission references (NOP-YYMMDD-XXXX-XXXX, even all digits) take nothing from the receipt counters', () => {
    expect(highestDossierNumbers(['NOP-260302-7K3Q-X9MD', 'NOP-260302-1234-5678', 'A-260302-0003'])).toEqual([{ agencyId: 'A', day: '260302', value: 3 }]);
  });

  it('numbers past 9999 (more than four digits) still count', () => {
    expect(highestDossierNumbers(['A-260302-9999', 'A-260302-10000'])).toEqual([{ agencyId: 'A', day: '260302', value: 10000 }]);
  });

  it('digitisation numbers per dossier, from the -SHnn suffix', () => {
    const rows = [
      { dossierId: 'd1', code: 'A-260302-0001-SH02' },
      { dossierId: 'd1', code: 'A-260302-0001-SH12' },
      { dossierId: 'd2', code: 'A-260302-0002-SH01' },
      { dossierId: 'd2', code: 'something else' },
    ];
    expect([...highestDigitisationNumbers(rows)]).toEqual([
      ['d1', 12],
      ['d2', 1],
    ]);
  });
});
