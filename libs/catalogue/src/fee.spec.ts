import { chargesFee } from './fee';

describe('chargesFee', () => {
  it.each([
    [{ amountVnd: 0, text: 'Không' }, false],
    [{ amountVnd: 500000, text: 'Phí 500.000 đ' }, true],
    [{ amountVnd: null, text: 'Phí thẩm định hợp đồng = 0,1% tổng giá trị' }, true],
    [{ amountVnd: null, text: 'Miễn phí' }, false],
    [{ amountVnd: null, text: 'none listed' }, false],
    [{ amountVnd: null, text: null }, false],
  ])('%o → %p', (fee, expected) => {
    expect(chargesFee(fee)).toBe(expected);
  });
});
