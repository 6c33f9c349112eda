import { validProcedure as buildProcedure } from './catalogue.fixture';
import { NATIONAL_CODE_PATTERN, citizenFacingTexts, englishWordsIn, unverifiedFields } from './verification';

describe('unverifiedFields', () => {
  it('is empty for a procedure read in full in a source with published steps', () => {
    expect(unverifiedFields({ verified: true, inferred: [], componentsVerified: true, stepsSource: 'published', code: '1.000173' })).toEqual([]);
  });

  it('names name, code, time and fee of an unverified entry, and our own components, steps and inferences', () => {
    expect(
      unverifiedFields({ verified: false, inferred: ['resultName', 'paperResult'], componentsVerified: false, stepsSource: 'default-allocation', code: '2.002724' }),
    ).toEqual(['name', 'code', 'processingTime', 'fee', 'resultName', 'paperResult', 'components', 'steps']);
  });

  it('does not list a code that does not exist, and lists an assumed time of a verified entry', () => {
    expect(unverifiedFields({ verified: false, inferred: [], componentsVerified: true, stepsSource: 'published', code: null })).toEqual([
      'name',
      'processingTime',
      'fee',
    ]);
    expect(unverifiedFields({ verified: true, inferred: ['processingTime'], componentsVerified: true, stepsSource: 'published', code: null })).toEqual([
      'processingTime',
    ]);
  });
});

describe('englishWordsIn', () => {
  it('finds source remarks copied from the research file', () => {
    expect(englishWordsIn('500.000 đ (one Sơn La record); another record quotes 1.250.000 đ')).toEqual(['record', 'another', 'quotes']);
    expect(englishWordsIn('mức độ 3 (Tiền Giang, old scale)')).toEqual(['old', 'scale']);
    expect(englishWordsIn('none listed')).toEqual(['none', 'listed']);
  });

  it('accepts Vietnamese, including words that look like English without their diacritics', () => {
    expect(englishWordsIn('Phí thẩm định 1.000.000 đ/lần; lệ phí 200.000 đ/lần')).toEqual([]);
    expect(englishWordsIn('Cấp thẻ, tờ khai, ô nhiễm, cắt giảm')).toEqual([]);
  });
});

describe('citizenFacingTexts', () => {
  it('covers name, result, fee, online text, components and steps', () => {
    const p = buildProcedure({ onlineText: 'toàn trình (old scale)', fee: { amountVnd: null, text: 'none listed' } });
    const paths = citizenFacingTexts(p).map((t) => t.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'resultName', 'fee.text', 'onlineText', 'components[0].name', 'steps[0].name']));
    const leaks = citizenFacingTexts(p).filter((t) => englishWordsIn(t.text).length > 0).map((t) => t.path);
    expect(leaks).toEqual(['fee.text', 'onlineText']);
  });
});

describe('NATIONAL_CODE_PATTERN', () => {
  it('accepts national codes and refuses catalogue slugs and provincial suffixes', () => {
    expect(['1.014445', '2.002131', '3.000453'].every((c) => NATIONAL_CODE_PATTERN.test(c))).toBe(true);
    expect(['atbx-cap-gp-xquang', '1.014392.H38', '1.14392', ''].some((c) => NATIONAL_CODE_PATTERN.test(c))).toBe(false);
  });
});
