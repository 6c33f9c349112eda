/**
 * Types of the procedure catalogue: the agency, its departments and the administrative
 * procedures (thủ tục hành chính, TTHC) it handles. The seed data lives in
 * `config/catalogue/departments.json` and `config/catalogue/procedures.json`. Field names are
 * part of those files' format: renaming one means editing the files and the build script.
 */
import type { ProcessingStep, Role } from '@motcua/workflow';

export type { ProcessingStep, Role };

/**
 * Units of a published processing time.
 * - `working_days`: "ngày làm việc".
 * - `working_hours`: "giờ làm việc" (one working day = {@link HOURS_PER_WORKING_DAY} hours).
 * - `calendar_days`: "ngày" without "làm việc"; weekends and holidays count.
 * - `calendar_months`: "tháng", counted as calendar months (Civil Code 2015 Art 147–148: to the
 *   same-numbered day of the last month, or its last day; libs/calendar `addCalendarMonths`).
 */
export type ProcessingTimeUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'calendar_months';
export const PROCESSING_TIME_UNITS: readonly ProcessingTimeUnit[] = ['working_days', 'working_hours', 'calendar_days', 'calendar_months'];

/** Hours in one working day: the 40-hour, Monday-to-Friday week of QĐ 188/1999/QĐ-TTg. */
export const HOURS_PER_WORKING_DAY = 8;

/**
 * The longest processing time a procedure may publish, per unit: ten years. No administrative
 * procedure comes near it; it keeps every deadline the service computes inside the working
 * calendar's years (libs/calendar SUPPORTED_YEARS) and its computation short.
 */
export const MAX_PROCESSING_TIME: Readonly<Record<ProcessingTimeUnit, number>> = Object.freeze({
  working_days: 3650,
  working_hours: 3650 * HOURS_PER_WORKING_DAY,
  calendar_days: 3650,
  calendar_months: 120,
});

/** The largest amount of money, in đồng, the service stores (fees, payments): what a 32-bit integer column holds. */
export const MAX_AMOUNT_VND = 2_147_483_647;

/** Lengths of the texts of a procedure that are stored in columns of their own (the rest is kept as JSON). */
export const MAX_TEXT_LENGTH = Object.freeze({ field: 255, stepName: 255, stepKey: 64, componentKey: 64 });

/** A published processing time ("Thời hạn giải quyết"). */
export interface ProcessingTime {
  /** Positive, a whole number. */
  amount: number;
  unit: ProcessingTimeUnit;
}

/**
 * Online service level under Nghị định 42/2022/NĐ-CP: `toan_trinh` (full process) or `mot_phan`
 * (partial). `null` means not known on that scale. The old "mức độ 3/4" scale is not mapped.
 */
export type OnlineLevel = 'toan_trinh' | 'mot_phan';
export const ONLINE_LEVELS: readonly OnlineLevel[] = ['toan_trinh', 'mot_phan'];

/**
 * Where a procedure's steps come from:
 * - `published`: a per-step time split published by some agency (see `stepsNote`);
 * - `default-allocation`: our own split of the processing time (see `stepsNote`).
 */
export type StepsSource = 'published' | 'default-allocation';
export const STEPS_SOURCES: readonly StepsSource[] = ['published', 'default-allocation'];

/** Roles allowed at a processing step. Clerks work at reception and return, which are not steps. */
export type StepRole = Extract<Role, 'specialist' | 'leader'>;
export const STEP_ROLES: readonly StepRole[] = ['specialist', 'leader'];

/**
 * Kinds of organisational unit.
 * - `leadership`: the agency's board (Ban Giám đốc), where leaders sit.
 * - `office`: Văn phòng Sở.
 * - `division`: a specialist department (phòng chuyên môn).
 * - `sub_department`: a chi cục with its own seal (for example Chi cục TĐC).
 * - `reception`: the one-stop desk (Bộ phận Một cửa), where clerks receive dossiers and return
 *   results. It is not a processing step.
 */
export type DepartmentKind = 'leadership' | 'office' | 'division' | 'sub_department' | 'reception';
export const DEPARTMENT_KINDS: readonly DepartmentKind[] = [
  'leadership',
  'office',
  'division',
  'sub_department',
  'reception',
];

/** One department (or the reception point) that staff belong to and steps are routed to. */
export interface DepartmentDefinition {
  /** Short ASCII code, upper case, for example `PQLKH`. Steps refer to it. */
  code: string;
  /** Vietnamese name with diacritics. */
  name: string;
  kind: DepartmentKind;
  /** Roles held by staff of this department. A step's role must be one of them. */
  roles: Role[];
  /** True when the name and existence were read in a Lai Châu source. */
  verified: boolean;
  note: string | null;
}

/**
 * The unit identifier used as the first part of dossier codes
 * (`<identifier>-YYMMDD-NNNN`, DOMAIN.md §2.6).
 */
export interface AgencyIdentifier {
  /** For example `000.00.20.H35`. Letters, digits and dots only. */
  value: string;
  /** False until the value is confirmed against the province's list of unit identifiers. */
  verified: boolean;
  /** Name of the environment variable that overrides `value` at deployment. */
  overrideEnv: string;
  note: string | null;
}

/** The agency whose procedures the catalogue holds. */
export interface AgencyDefinition {
  /** Short ASCII code, for example `SKHCN`. */
  code: string;
  /** Full Vietnamese name, for example "Sở Khoa học và Công nghệ tỉnh Lai Châu". */
  name: string;
  shortName: string;
  province: string;
  identifier: AgencyIdentifier;
}

/** Fee or charge of a procedure. */
export interface ProcedureFee {
  /**
   * The amount in đồng when the source states exactly one amount (0 for "Không"). `null` when
   * there are several amounts, a formula, conflicting sources, or nothing stated.
   */
  amountVnd: number | null;
  /** The fee as published; `null` when the source states nothing. */
  text: string | null;
}

/** One dossier component (thành phần hồ sơ). */
export interface DossierComponent {
  /** Stable slug, unique within the procedure. Uploaded files refer to it. */
  key: string;
  name: string;
  required: boolean;
  /** Number of originals (bản chính), when the source states it. */
  original?: number;
  /** Number of copies (bản sao), when the source states it. */
  copies?: number;
}

/** One administrative procedure of the catalogue. */
export interface ProcedureDefinition {
  /** Stable slug from `procedures-dost.yaml`, for example `dn-khcn-cap-gcn`. */
  id: string;
  /** National TTHC code without the provincial suffix, for example `1.014445`; `null` if not found. */
  code: string | null;
  /** Name exactly as published. */
  name: string;
  /** Field (lĩnh vực) as in the research file. */
  field: string;
  /**
   * The legal processing time. `null` when the published procedure sets no overall time limit
   * ("Không quy định"); such dossiers get no appointment date.
   */
  processingTime: ProcessingTime | null;
  /** How the time was read or converted (month conversion, missing limit); `null` if nothing to add. */
  processingTimeNote: string | null;
  fee: ProcedureFee;
  onlineLevel: OnlineLevel | null;
  /** The online-service wording as found in the source, kept because old pages use another scale. */
  onlineText: string | null;
  /** Whether the procedure returns a paper result (licence, certificate, decision…); DOMAIN.md §1.4 3.3, 4.1. */
  paperResult: boolean;
  resultName: string;
  components: DossierComponent[];
  /** False when the components were written by us and not copied from a published source. */
  componentsVerified: boolean;
  /** Ordered processing steps. */
  steps: ProcessingStep[];
  stepsSource: StepsSource;
  /** Where the steps come from and how their days were budgeted. */
  stepsNote: string;
  /** True when name, code (if any) and time were read directly in a source. */
  verified: boolean;
  /** What is not confirmed, copied from the research file. */
  uncertain: string[];
  /** Fields of this definition that are our own inference rather than read in a source. */
  inferred: string[];
  /** Source URLs. */
  sources: string[];
  /** Date or version of the source text. */
  asOf: string;
}

/** The whole catalogue, as the service loads it. */
export interface CatalogueDefinition {
  agency: AgencyDefinition;
  departments: DepartmentDefinition[];
  procedures: ProcedureDefinition[];
}
