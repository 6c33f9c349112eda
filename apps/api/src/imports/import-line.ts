import { tryParseInstant } from '@motcua/calendar';

/**
 * One line of a historical import (NDJSON), validated field by field. Pure: the
 * catalogue lookup is passed in. Every problem is reported with its line number so an
 * operator can fix the file in one pass.
 */
export type ImportOutcome = 'returned' | 'refused' | 'stopped' | 'withdrawn' | 'processing';
export type ImportRating = 'very_satisfied' | 'satisfied' | 'dissatisfied';

export interface ImportLine {
  code: string;
  procedureCode: string;
  channel: 'direct' | 'online' | 'postal';
  receivedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  outcome: ImportOutcome;
  supplements: Array<{ requestedAt: Date; completedAt: Date | null }>;
  digitised: boolean;
  eResult: boolean;
  /** The electronic result's code and link as the previous system published them (the portal counts an e-result only with its link). */
  resultCode: string | null;
  resultLink: string | null;
  /** Paid online: `national` (DVCQG platform), `provincial` (the province's portal), `true` (online, platform unknown: counted as the province's). */
  paidOnline: boolean | 'national' | 'provincial' | null;
  rating: ImportRating | null;
}

export interface ImportProblem {
  line: number;
  field: string | null;
  message: string;
}

const FIELDS = ['code', 'procedureCode', 'channel', 'receivedAt', 'dueAt', 'finishedAt', 'outcome', 'supplements', 'digitised', 'eResult', 'resultCode', 'resultLink', 'paidOnline', 'rating'];
const INSTANT_RULE = 'must be an instant like 2026-02-12T09:00:00+07:00 (time zone required) that exists, in the years the working calendar covers';
const OUTCOMES: readonly string[] = ['returned', 'refused', 'stopped', 'withdrawn', 'processing'];
const RATINGS: readonly string[] = ['very_satisfied', 'satisfied', 'dissatisfied'];
/** No dossier's history spans more than this from its receipt (it also bounds the deadline arithmetic per line). */
const MAX_SPAN_MS = 10 * 366 * 86_400_000;
/** Supplementation requests of one dossier: the law allows one; the previous system may have recorded a few. */
const MAX_SUPPLEMENTS = 50;

export interface ImportRules {
  procedureExists(code: string): boolean;
  /** Codes of the form this service issues (`<agency>-YYMMDD-NNNN`): an imported one would take a live dossier's code. */
  isLiveCode(code: string): boolean;
}

export function parseImportLine(text: string, line: number, rules: ImportRules): { value?: ImportLine; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const fail = (field: string | null, message: string) => problems.push({ line, field, message });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail(null, 'not valid JSON');
    return { problems };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(null, 'must be a JSON object');
    return { problems };
  }
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!FIELDS.includes(key)) fail(key, 'unknown field');

  const code = o.code;
  if (typeof code !== 'string' || !/^[A-Za-z0-9.-]{3,48}$/.test(code)) fail('code', 'must be 3–48 letters, digits, dots or dashes');
  else if (rules.isLiveCode(code)) fail('code', 'has the form of the codes this service issues (<agency>-YYMMDD-NNNN); give historical dossiers their old system’s prefix');
  const procedureCode = o.procedureCode;
  if (typeof procedureCode !== 'string' || !rules.procedureExists(procedureCode)) fail('procedureCode', 'unknown procedure');
  const channel = o.channel;
  if (channel !== 'direct' && channel !== 'online' && channel !== 'postal') fail('channel', 'must be direct, online or postal');
  const instant = (field: string, optional: boolean): Date | null => {
    const v = o[field];
    if ((v === undefined || v === null) && optional) return null;
    const parsed = tryParseInstant(v);
    if (!parsed) {
      fail(field, INSTANT_RULE);
      return null;
    }
    return parsed;
  };
  const receivedAt = instant('receivedAt', false);
  const dueAt = instant('dueAt', false);
  const finishedAt = instant('finishedAt', true);
  const outcome = o.outcome;
  if (typeof outcome !== 'string' || !OUTCOMES.includes(outcome)) fail('outcome', `must be one of ${OUTCOMES.join(', ')}`);
  if (outcome !== 'processing' && typeof outcome === 'string' && OUTCOMES.includes(outcome) && finishedAt === null && o.finishedAt === undefined) {
    fail('finishedAt', 'is required when the outcome is not processing');
  }
  if (outcome === 'processing' && finishedAt !== null) fail('finishedAt', 'must be absent while processing');
  const withinSpan = (field: string, at: Date | null) => {
    if (!receivedAt || !at) return;
    if (at < receivedAt) fail(field, 'is before receivedAt');
    else if (at.getTime() - receivedAt.getTime() > MAX_SPAN_MS) fail(field, 'is more than ten years after receivedAt');
  };
  withinSpan('dueAt', dueAt);
  withinSpan('finishedAt', finishedAt);

  const supplements: ImportLine['supplements'] = [];
  if (!Array.isArray(o.supplements)) {
    fail('supplements', 'must be an array (possibly empty)');
  } else if (o.supplements.length > MAX_SUPPLEMENTS) {
    fail('supplements', `must list at most ${MAX_SUPPLEMENTS} supplementation requests`);
  } else {
    o.supplements.forEach((s, i) => {
      const field = `supplements[${i}]`;
      if (typeof s !== 'object' || s === null) return void fail(field, 'must be an object');
      const entry = s as Record<string, unknown>;
      const req = tryParseInstant(entry.requestedAt) ?? null;
      const done = entry.completedAt === undefined || entry.completedAt === null ? null : tryParseInstant(entry.completedAt);
      if (!req) return void fail(`${field}.requestedAt`, INSTANT_RULE);
      if (done === undefined) return void fail(`${field}.completedAt`, `${INSTANT_RULE}, or null`);
      if (done && done < req) fail(`${field}.completedAt`, 'is before requestedAt');
      withinSpan(`${field}.requestedAt`, req);
      withinSpan(`${field}.completedAt`, done);
      if (done === null && i !== (o.supplements as unknown[]).length - 1) fail(`${field}.completedAt`, 'only the last supplementation may still be open');
      supplements.push({ requestedAt: req, completedAt: done });
    });
  }
  for (const field of ['digitised', 'eResult']) if (typeof o[field] !== 'boolean') fail(field, 'must be true or false');
  if (o.paidOnline !== null && o.paidOnline !== undefined && typeof o.paidOnline !== 'boolean' && o.paidOnline !== 'national' && o.paidOnline !== 'provincial') {
    fail('paidOnline', "must be true, false, 'national', 'provincial' or null");
  }
  const resultCode = o.resultCode ?? null;
  if (resultCode !== null && (typeof resultCode !== 'string' || !/^[^\u0000-\u001f]{1,64}$/.test(resultCode))) fail('resultCode', 'must be 1–64 characters');
  const resultLink = o.resultLink ?? null;
  if (resultLink !== null && (typeof resultLink !== 'string' || resultLink.length > 1000 || !/^https?:\/\/[^\s]+$/.test(resultLink))) fail('resultLink', 'must be an http(s) URL of at most 1000 characters');
  if ((resultCode === null) !== (resultLink === null)) fail(resultCode === null ? 'resultCode' : 'resultLink', 'resultCode and resultLink go together');
  if (o.rating !== null && o.rating !== undefined && (typeof o.rating !== 'string' || !RATINGS.includes(o.rating))) fail('rating', `must be null or one of ${RATINGS.join(', ')}`);

  if (problems.length > 0) return { problems };
  return {
    problems,
    value: {
      code: code as string,
      procedureCode: procedureCode as string,
      channel: channel as ImportLine['channel'],
      receivedAt: receivedAt!,
      dueAt: dueAt!,
      finishedAt,
      outcome: outcome as ImportOutcome,
      supplements,
      digitised: o.digitised as boolean,
      eResult: o.eResult as boolean,
      resultCode: resultCode as string | null,
      resultLink: resultLink as string | null,
      paidOnline: (o.paidOnline as ImportLine['paidOnline'] | undefined) ?? null,
      rating: (o.rating as ImportRating | null | undefined) ?? null,
    },
  };
}
