import { PDFDocument } from 'pdf-lib';
import { pdfPageCount, pdfText } from '../test-support/pdf-inspect';
import { stampNotice, TRIAL_NOTICE } from './index';

const flat = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');

describe('stampNotice (papers signed with a trial certificate)', () => {
  it('writes the notice, with its Vietnamese diacritics, on every page', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    doc.addPage([842, 595]);
    const stamped = await stampNotice(await doc.save());
    expect(await pdfPageCount(stamped)).toBe(2);
    const text = flat(await pdfText(stamped));
    expect(text.split(TRIAL_NOTICE).length - 1).toBe(2);
  });
});
