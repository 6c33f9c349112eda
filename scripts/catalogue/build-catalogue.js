#!/usr/bin/env node
/**
 * Builds config/catalogue/procedures.json from the research file
 * ../shared/docs/procedures-dost.yaml and the hand-written scripts/catalogue/overrides.json.
 *
 *   node scripts/catalogue/build-catalogue.js            # write procedures.json
 *   node scripts/catalogue/build-catalogue.js --check    # exit 1 if procedures.json is stale
 *   node scripts/catalogue/build-catalogue.js --yaml <path> --out <path>
 *
 * The committed JSON is what the service loads; this script records how it was made. The
 * output is deterministic (no timestamps), so re-running it on the same inputs gives the same
 * bytes. libs/catalogue/src/shipped-catalogue.spec.ts checks that the committed file matches.
 *
 * Selection: every `verified: true` entry, plus unverified entries marked `"include": true`
 * in the overrides, plus the overrides' `extraEntries` (yaml-shaped entries read in public
 * sources after the research file was written). An included entry without a time limit needs an
 * override `time` (then `processingTime` is listed in `inferred`). Unverified entries keep
 * `verified: false`, and libs/catalogue `unverifiedFields()` names what an admin must check.
 *
 * Citizen-facing texts are Vietnamese only: an override `feeText` / `onlineText` replaces the
 * research wording (which carries English source remarks); the research wording is kept in
 * `uncertain` for the admins.
 *
 * Mappings from the yaml:
 *   time.unit   working_days → working_days, days → calendar_days, hours → working_hours,
 *               months → calendar_months (Civil Code Art 147–148: to the corresponding day of
 *               the last month; libs/calendar addCalendarMonths)
 *   fee         "Không…" → 0; exactly one distinct "N.NNN đ" amount and no "%" → that amount;
 *               anything else → null, text kept
 *   online      text starting "toàn trình" → toan_trinh, "một phần" → mot_phan, else null
 *               (the old "mức độ 3/4" scale is not mapped)
 *   dossier     components with keys slugged from their names; an item is optional when a
 *               parenthesis starting with "nếu", "trường hợp", "tùy" or "khi" qualifies it
 *   workflows   a published per-step split is used as the steps (departments from overrides)
 * Steps otherwise follow the default allocation described in allocateSteps().
 */
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_YAML = path.resolve(REPO_ROOT, '..', 'shared', 'docs', 'procedures-dost.yaml');
const DEFAULT_OVERRIDES = path.join(__dirname, 'overrides.json');
const DEFAULT_OUT = path.join(REPO_ROOT, 'config', 'catalogue', 'procedures.json');

const WORKING_DAYS_PER_WEEK = 5;
const HOURS_PER_WORKING_DAY = 8;

function fail(message) {
  throw new Error(`build-catalogue: ${message}`);
}

/** Fewest Monday-to-Friday days in any run of n consecutive days (same rule as libs/catalogue). */
function minWorkingDays(n) {
  return Math.floor(n / 7) * WORKING_DAYS_PER_WEEK + Math.max(0, (n % 7) - 2);
}

/** Fewest days in n calendar months: 28 for the first, 30 for each further one (same rule as libs/catalogue). */
function minCalendarDaysInMonths(n) {
  return n === 0 ? 0 : 28 + 30 * (n - 1);
}

/** Lower-case ASCII slug of the first words of a Vietnamese text. */
function slug(text, maxLength = 48) {
  const words = text
    .replace(/\(.*?\)/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/);
  let key = words[0];
  for (const word of words.slice(1)) {
    if (key.length + 1 + word.length > maxLength) break;
    key += `-${word}`;
  }
  return key;
}

function uniqueKeys(items) {
  const seen = new Map();
  return items.map((item) => {
    const base = item.key || slug(item.name);
    const n = (seen.get(base) || 0) + 1;
    seen.set(base, n);
    return { ...item, key: n === 1 ? base : `${base}-${n}` };
  });
}

function mapProcessingTime(time, settings) {
  const from = time && time.counted_from ? `Source note on the time: ${time.counted_from}.` : null;
  if (!time || time.days === null || time.days === undefined) {
    return {
      processingTime: null,
      note: ['No overall time limit is published; dossiers get no appointment date.', from].filter(Boolean).join(' '),
      converted: false,
    };
  }
  switch (time.unit) {
    case 'working_days':
      return { processingTime: { amount: time.days, unit: 'working_days' }, note: from, converted: false };
    case 'hours':
      return { processingTime: { amount: time.days, unit: 'working_hours' }, note: from, converted: false };
    case 'days':
      return {
        processingTime: { amount: time.days, unit: 'calendar_days' },
        note: [`Published as "${time.days} ngày" without "làm việc": calendar days.`, from].join(' '),
        converted: false,
      };
    case 'months':
      return {
        processingTime: { amount: time.days, unit: 'calendar_months' },
        note: [`Published as ${time.days} tháng: calendar months (Civil Code 2015 Art 147–148).`, from].filter(Boolean).join(' '),
        converted: false,
      };
    default:
      return fail(`unknown time unit ${JSON.stringify(time.unit)}`);
  }
}

function mapFee(fee) {
  if (fee === null || fee === undefined) return { amountVnd: null, text: null };
  const text = String(fee).replace(/\s+/g, ' ').trim();
  if (/^không\b/i.test(text)) return { amountVnd: 0, text };
  if (text.includes('%')) return { amountVnd: null, text };
  const amounts = new Set([...text.matchAll(/(\d{1,3}(?:\.\d{3})+)\s*đ/g)].map((m) => Number(m[1].replace(/\./g, ''))));
  return { amountVnd: amounts.size === 1 ? [...amounts][0] : null, text };
}

function mapOnline(online) {
  if (!online) return null;
  const text = String(online).trim().toLowerCase();
  if (text.startsWith('toàn trình')) return 'toan_trinh';
  if (text.startsWith('một phần')) return 'mot_phan';
  return null;
}

const OPTIONAL_QUALIFIER = /\((?:nếu|trường hợp|tùy|khi)\b/i;

function mapDossier(dossier) {
  return dossier.map((item) => {
    const component = { name: item.name, required: !OPTIONAL_QUALIFIER.test(item.name) };
    if (typeof item.original === 'number') component.original = item.original;
    if (typeof item.copy === 'number') component.copies = item.copy;
    return component;
  });
}

const half = (n) => Math.floor(n * 2) / 2;

/**
 * Default allocation of a working-day budget, rounded to half days:
 *   usable    = budget − reserve (1 day for the one-stop desk and dispatch)
 *   leader    = 2 days if usable ≥ 15, else 1 (BGD, "Phê duyệt, ký kết quả")
 *   review    = about a quarter of usable, at least 1 (second department, if any),
 *               followed by 1 day for the lead department to consolidate
 *   appraisal = the rest (lead department's specialist)
 */
function allocateSteps(budget, override, settings) {
  const usable = budget - settings.reserveWorkingDays;
  const leader = usable >= 15 ? 2 : 1;
  const review = override.review ? Math.max(1, half(usable / 4)) : 0;
  const consolidation = override.review ? settings.consolidation.workingDays : 0;
  const appraisal = usable - leader - review - consolidation;
  if (appraisal < 1) fail(`budget ${budget} is too small for the default allocation`);
  const steps = [
    { key: settings.appraisal.key, name: settings.appraisal.name, departmentCode: override.departmentCode, role: 'specialist', workingDays: appraisal },
  ];
  if (override.review) {
    steps.push({
      key: settings.reviewKey,
      name: override.review.name,
      departmentCode: override.review.departmentCode,
      role: 'specialist',
      workingDays: review,
    });
    steps.push({
      key: settings.consolidation.key,
      name: settings.consolidation.name,
      departmentCode: override.departmentCode,
      role: 'specialist',
      workingDays: consolidation,
    });
  }
  steps.push({ ...settings.approval, workingDays: leader });
  return steps;
}

function budgetText(processingTime, budget) {
  switch (processingTime.unit) {
    case 'working_days':
      return `${processingTime.amount} working days`;
    case 'working_hours':
      return `${processingTime.amount} working hours = ${budget} working days of ${HOURS_PER_WORKING_DAY} h`;
    case 'calendar_days':
      return `${processingTime.amount} calendar days, which always contain at least ${budget} working days (public holidays not subtracted)`;
    case 'calendar_months':
      return `${processingTime.amount} calendar month(s), at least ${minCalendarDaysInMonths(processingTime.amount)} days, which always contain at least ${budget} working days (public holidays not subtracted)`;
    default:
      return fail(`unknown unit ${processingTime.unit}`);
  }
}

function budgetOf(processingTime) {
  if (processingTime.unit === 'working_days') return processingTime.amount;
  if (processingTime.unit === 'working_hours') return processingTime.amount / HOURS_PER_WORKING_DAY;
  if (processingTime.unit === 'calendar_months') return minWorkingDays(minCalendarDaysInMonths(processingTime.amount));
  return minWorkingDays(processingTime.amount);
}

function buildSteps(entry, override, workflow, processingTime, settings) {
  if (workflow && workflow.steps && workflow.steps.length > 0) {
    const mapping = override.publishedSteps;
    if (!mapping || mapping.length !== workflow.steps.length) {
      fail(`${entry.id}: publishedSteps must give one {key, departmentCode, role} per published step`);
    }
    const steps = workflow.steps.map((s, i) => {
      if (s.unit !== 'working_days') fail(`${entry.id}: published step in ${s.unit}`);
      return { key: mapping[i].key, name: s.step, departmentCode: mapping[i].departmentCode, role: mapping[i].role, workingDays: s.days };
    });
    const total = steps.reduce((sum, s) => sum + s.workingDays, 0);
    const budget = processingTime ? budgetOf(processingTime) : null;
    return {
      steps,
      stepsSource: 'published',
      stepsNote:
        `Published split from ${workflow.source} (${workflow.as_of}): ${total} working days in total. ` +
        `Not Lai Châu's own procedure; departments are our assignment. ` +
        (budget === null ? '' : `Current processing time: ${budgetText(processingTime, budget)}.`),
    };
  }
  if (override.steps) {
    if (!override.stepsNote) fail(`${entry.id}: explicit steps need a stepsNote`);
    return { steps: override.steps, stepsSource: 'default-allocation', stepsNote: override.stepsNote };
  }
  if (!processingTime) fail(`${entry.id}: no time limit, so explicit "steps" are needed in the overrides`);
  const budget = budgetOf(processingTime);
  const steps = allocateSteps(budget, override, settings);
  const allocated = steps.reduce((sum, s) => sum + s.workingDays, 0);
  const extra =
    workflow && workflow.total && workflow.total.hours
      ? ` Also published (${workflow.source}, ${workflow.as_of}): a budget of ${workflow.total.hours} working hours (${workflow.total.note}), without a per-step split.`
      : '';
  return {
    steps,
    stepsSource: 'default-allocation',
    stepsNote:
      `Default allocation; no approved internal procedure of Lai Châu was found. Budget: ${budgetText(processingTime, budget)}; ` +
      `${settings.reserveNote}; ${allocated} working days allocated to steps.${extra}`,
  };
}

function buildProcedure(entry, override, workflow, settings) {
  const researchedTime = entry.time && entry.time.days !== null && entry.time.days !== undefined ? entry.time : null;
  if (!researchedTime && override.time && !override.time.note) fail(`${entry.id}: an override time needs a note`);
  const time = mapProcessingTime(researchedTime ?? override.time ?? entry.time, settings);
  if (!researchedTime && override.time) time.note = `Our assumption, not read in a source: ${override.time.note}`;
  const inferred = [];
  if (time.converted || (!researchedTime && override.time)) inferred.push('processingTime');
  const uncertain = [...(entry.uncertain ?? [])];
  if (override.feeText !== undefined) uncertain.push(`fee as researched: ${entry.fee ?? 'not stated'}`);
  if (override.onlineText !== undefined) uncertain.push(`online service as researched: ${entry.online ?? 'not stated'}`);

  let resultName = entry.result;
  if (!resultName) {
    resultName = override.resultName;
    if (!resultName) fail(`${entry.id}: no result in the yaml and no resultName override`);
    inferred.push('resultName', 'paperResult');
  }

  let components;
  let componentsVerified;
  if (override.components) {
    components = override.components;
    componentsVerified = false;
  } else if (entry.dossier && entry.dossier.length > 0) {
    components = mapDossier(entry.dossier);
    componentsVerified = true;
  } else {
    fail(`${entry.id}: no dossier in the yaml and no components override`);
  }

  const steps = buildSteps(entry, override, workflow, time.processingTime, settings);
  return {
    id: entry.id,
    code: entry.code ?? null,
    name: entry.name,
    field: entry.field,
    processingTime: time.processingTime,
    processingTimeNote: time.note,
    fee: mapFee(override.feeText !== undefined ? override.feeText : entry.fee),
    onlineLevel: mapOnline(entry.online),
    onlineText: override.onlineText !== undefined ? override.onlineText : (entry.online ?? null),
    paperResult: override.paperResult ?? true,
    resultName,
    components: uniqueKeys(components).map(({ key, name, required, original, copies }) => {
      const c = { key, name, required };
      if (original !== undefined) c.original = original;
      if (copies !== undefined) c.copies = copies;
      return c;
    }),
    componentsVerified,
    steps: steps.steps,
    stepsSource: steps.stepsSource,
    stepsNote: steps.stepsNote,
    verified: entry.verified === true,
    uncertain,
    inferred,
    sources: (entry.sources ?? []).map((s) => s.url),
    asOf: String(entry.as_of),
  };
}

/**
 * Pure core: yaml text + overrides object → the procedures.json object.
 * Exported for the reproducibility test.
 */
function buildCatalogue(yamlText, overrides) {
  const research = YAML.parse(yamlText);
  const settings = overrides.settings;
  const workflows = new Map((research.workflows ?? []).map((w) => [w.procedure_id, w]));
  const entries = [...research.procedures, ...(overrides.extraEntries ?? [])];
  const ids = new Set(entries.map((p) => p.id));
  if (ids.size !== entries.length) fail('duplicate procedure id in the yaml and extraEntries');
  for (const id of Object.keys(overrides.procedures)) {
    if (!ids.has(id)) fail(`override for unknown procedure id "${id}"`);
  }

  const procedures = [];
  for (const entry of entries) {
    const override = overrides.procedures[entry.id];
    if (entry.verified !== true) {
      if (!override || override.include !== true) continue;
    } else if (!override) {
      fail(`${entry.id}: verified entry has no override (department assignment)`);
    }
    procedures.push(buildProcedure(entry, override, workflows.get(entry.id), settings));
  }

  return {
    schemaVersion: 1,
    $comment:
      'GENERATED by scripts/catalogue/build-catalogue.js from ../shared/docs/procedures-dost.yaml and scripts/catalogue/overrides.json. Edit those and re-run; do not edit by hand.',
    generatedBy: 'scripts/catalogue/build-catalogue.js',
    source: '../shared/docs/procedures-dost.yaml',
    procedures,
  };
}

function serialise(catalogue) {
  return `${JSON.stringify(catalogue, null, 2)}\n`;
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : fallback;
  };
  const yamlPath = arg('--yaml', DEFAULT_YAML);
  const outPath = arg('--out', DEFAULT_OUT);
  const overrides = JSON.parse(fs.readFileSync(arg('--overrides', DEFAULT_OVERRIDES), 'utf8'));
  const text = serialise(buildCatalogue(fs.readFileSync(yamlPath, 'utf8'), overrides));
  if (argv.includes('--check')) {
    const current = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : '';
    if (current !== text) {
      process.stderr.write(`${path.relative(process.cwd(), outPath)} is stale: re-run node scripts/catalogue/build-catalogue.js\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write('procedures.json is up to date\n');
    return;
  }
  fs.writeFileSync(outPath, text);
  const count = JSON.parse(text).procedures.length;
  process.stdout.write(`wrote ${path.relative(process.cwd(), outPath)} (${count} procedures)\n`);
}

module.exports = { buildCatalogue, serialise, slug, mapFee, mapOnline, mapProcessingTime, minWorkingDays };

if (require.main === module) main(process.argv.slice(2));
