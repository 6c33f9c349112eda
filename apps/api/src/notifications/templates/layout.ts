import type { RenderedNotification } from '../notification.types';
import { escapeHtml } from './format';

/** The parts every notification has; `layout` turns them into plain text and simple HTML alike. */
export interface Letter {
  subject: string;
  agencyName: string;
  applicantName: string;
  /** Opening paragraphs. */
  intro: string[];
  /** Label/value lines: the facts the applicant keeps (mã hồ sơ, thủ tục, dates…). */
  facts: Array<[label: string, value: string]>;
  /** Closing paragraphs. */
  outro: string[];
  lookupUrl: string | null;
  sms: string;
}

const FOOTER = 'Thư này được gửi tự động từ hệ thống một cửa; vui lòng không trả lời thư này.';

/**
 * Plain text and HTML with the same content. Everything is NFC-normalised: Vietnamese typed
 * with a decomposing keyboard (combining marks) would otherwise render badly in some mail clients.
 */
export function layout(letter: Letter): RenderedNotification {
  const greeting = `Kính gửi Ông/Bà ${letter.applicantName},`;
  const lookup = letter.lookupUrl ? `Tra cứu tình trạng hồ sơ: ${letter.lookupUrl}` : null;
  const text = [
    greeting,
    '',
    ...letter.intro.flatMap((p) => [p, '']),
    ...letter.facts.map(([label, value]) => `${label}: ${value}`),
    '',
    ...letter.outro.flatMap((p) => [p, '']),
    ...(lookup ? [lookup, ''] : []),
    'Trân trọng,',
    letter.agencyName,
    '',
    '--',
    FOOTER,
    '',
  ].join('\n');
  const rows = letter.facts
    .map(([label, value]) => `<tr><td style="padding:4px 12px 4px 0;color:#555;vertical-align:top">${escapeHtml(label)}</td><td style="padding:4px 0"><strong>${escapeHtml(value)}</strong></td></tr>`)
    .join('');
  const html = [
    '<!doctype html>',
    `<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(letter.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...letter.intro.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<table style="border-collapse:collapse">${rows}</table>`,
    ...letter.outro.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(letter.lookupUrl ? [`<p><a href="${escapeHtml(letter.lookupUrl)}">Tra cứu tình trạng hồ sơ</a></p>`] : []),
    `<p>Trân trọng,<br>${escapeHtml(letter.agencyName)}</p>`,
    `<hr><p style="font-size:13px;color:#666">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return {
    subject: letter.subject.replace(/[\r\n]+/g, ' ').normalize('NFC'),
    text: text.normalize('NFC'),
    html: html.normalize('NFC'),
    sms: letter.sms.normalize('NFC'),
  };
}
