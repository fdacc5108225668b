
// ---- Inputs ---------------------------------------------------------------------------------

/** An ISO/IEC 42001 item id that can be assessed: clauses "4.1" … "10.2", controls "A.2.2" … "A.10.4". */
export type IsoId = string;
/** A NIST AI RMF subcategory id, e.g. "GOVERN 1.1" (also read: "govern 1.1", "GV-1.1"). */
export type SubcategoryId = string;
/** Maturity 0 Incomplete, 1 Initial, 2 Managed, 3 Defined, 4 Quantitatively managed, 5 Optimizing. */
export type Maturity = 0 | 1 | 2 | 3 | 4 | 5;
export type Framework = "iso42001" | "nist-ai-rmf";

/** One answer (docs/assessment-format.md). A bare number is read as `{ maturity: n }`. */
export interface Answer {
  /** Missing or null: not assessed. */
  maturity?: Maturity | null;
  /** 1-5, default 3 (what a certification audit expects). */
  target?: 1 | 2 | 3 | 4 | 5;
  /** false excludes an Annex A control (Statement of Applicability). */
  applicable?: boolean;
  /** Why a control is excluded: required for an exclusion to count. */
  justification?: string;
  /** Why an included Annex A control is included (Statement of Applicability). */
  reason?: string;
  note?: string;
  owner?: string;
  /** YYYY-MM-DD (or YYYY-MM: the month's last day); other text is kept but gives the plan no date. */
  due?: string;
  /** Where the action on the item stands (the action plan); default "open". */
  status?: "open" | "in_progress" | "done";
  /** Links or references to records (a single text is read as a one-item list). */
  evidence?: string[] | string;
  /** true when the maturity was inferred by the crosswalk rather than rated. */
  inferred?: boolean;
  /** The quick-scan question whose one answer set this maturity (counted once towards a systemic finding). */
  quick_scan?: string;
  /**
   * Answers per AI system of `profile.systems`, keyed by system id; only for A.5.2-A.5.5,
   * A.6.2.x, A.7.x and A.9.x. The item's maturity is the lowest of them and its own.
   */
  systems?: Record<string, SystemAnswer | Maturity | null>;
  /** Unknown fields are kept (with a warning). */
  [field: string]: unknown;
}

/** One AI system's answer to a control about a system. */
export interface SystemAnswer {
  maturity?: Maturity | null;
  note?: string;
  evidence?: string[] | string;
  [field: string]: unknown;
}

/** An AI system in scope (an entry of `profile.systems`). */
export interface AiSystem {
  /** Unique; per-system answers are keyed by it. */
  id: string;
  name?: string;
  purpose?: string;
  origin?: "in_house" | "supplied";
  stage?: "development" | "deployed";
  affects_individuals?: boolean;
  intended_users?: string;
  [field: string]: unknown;
}

/** The assessment file `"format": "aims-assessment", "version": 2` (version 1 is read too; docs/assessment-format.md). */
export interface Assessment {
  format: "aims-assessment";
  version: 1 | 2;
  /** Default "iso42001". */
  framework?: Framework;
  organisation?: {
    name?: string;
    sector?: string;
    employees?: number;
    /** AI systems the management system covers (1 or more) while `profile.systems` lists none; scales the roadmap's effort. */
    ai_systems_in_scope?: number;
    /** e.g. ["ISO/IEC 27001"]: a 27001, 27701 or 9001 certificate gives the roadmap its credit; [] says none. */
    certifications?: string[];
    [field: string]: unknown;
  };
  /** The organisation's roles for AI (ISO/IEC 22989) and its AI systems in scope; they drive the proposed exclusions. */
  profile?: {
    roles?: ("ai_provider" | "ai_producer" | "ai_customer" | "ai_partner")[];
    /** The inventory of AI systems in scope; its count sizes the roadmap. */
    systems?: AiSystem[];
    [field: string]: unknown;
  };
  /** The team's capacity for the roadmap. */
  planning?: {
    /** Above 0, default 2. */
    people?: number;
    /** Above 0 and at most 1, default 0.5. */
    share_of_time?: number;
  };
  /** Keyed by item id (ISO/IEC 42001) or subcategory id (NIST AI RMF); a missing item is not assessed. */
  answers?: Record<IsoId | SubcategoryId, Answer | Maturity | null>;
  [field: string]: unknown;
}

/** An assessment object, or its JSON text. */
export type AssessmentInput = Assessment | string;

/** A low / likely / high estimate and its source. */
export interface Range {
  low: number;
  likely: number;
  high: number;
  /** Default "entered by the user" when the numbers change without a source. */
  source?: string;
}

export interface NamedAmount {
  name: string;
  per_year: Range;
}

/** Everything the ROI model takes (docs/roi.md); `RoiInputsInput` accepts any part of it. */
export interface RoiInputs {
  currency: string;
  organisation: { employees: number; ai_systems_in_scope: number };
  /** 12 to 120; null: the likely certification month + 36 (the whole certificate cycle). */
  horizon_months: number | null;
  discount_rate_percent: number;
  schedule: {
    implementation_months: Range;
    audit_lag_months: number;
    months_basis: "from_scratch" | "roadmap";
  };
  existing_certificate: {
    standard: "none" | "iso27001" | "iso9001";
    effort_reuse_share: Range;
    months_saved: Range;
  };
  costs: {
    standard_purchase: Range;
    internal_people: Range;
    internal_share_of_time: Range;
    internal_cost_per_person_month: Range;
    consulting: Range;
    certification_audit: Range;
    surveillance_audit: Range;
    recertification_audit: Range;
    training: Range;
    tooling_per_year: Range;
    maintenance_per_year: Range;
    other_per_year: NamedAmount[];
  };
  benefits: {
    contracts_per_year: Range;
    average_contract_value: Range;
    contract_margin: Range;
    share_attributable_to_certification: Range;
    incident_probability_per_year: Range;
    incident_impact: Range;
    incident_reduction: Range;
    hours_saved_per_year: Range;
    hourly_rate: Range;
    other_per_year: NamedAmount[];
  };
  monte_carlo: { trials: number; seed: number; histogram_bins: number };
}

/** Any part of the ROI inputs, nested; missing fields take the sourced defaults (scaled to the organisation). */
export type DeepPartial<T> = T extends (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | null } : T;
export type RoiInputsInput = DeepPartial<RoiInputs> | string | null;

export interface RoiOptions {
  /** Monte Carlo seed, a whole number 0 to 2^53 − 1 (default 42). The same seed gives the same report. */
  seed?: number;
  /** Monte Carlo trials, 1 to 1,000,000 (default 10,000). */
  trials?: number;
  /** Takes the schedule, capacity, headcount and certificate from this assessment's roadmap. */
  assessment?: AssessmentInput;
}

// ---- Results --------------------------------------------------------------------------------

export interface Diagnostic {
  severity: "error" | "warning";
  /** The answer's id as written; null for fields outside `answers`. */
  item: string | null;
  /** e.g. "maturity", "organisation.employees", "id" (an answer's key), "$" (the document). */
  field: string;
  message: string;
}

export interface Validation {
  /** No error: score() and crosswalk() accept the assessment. */
  valid: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** The Error thrown for an assessment with errors carries them. */
export interface AimsError extends Error {
  diagnostics?: Diagnostic[];
}

/** Worst first: `incomplete` means no major so far but too few answers for a verdict. */
export type Verdict = "not_ready" | "incomplete" | "ready_with_corrective_actions" | "ready";
export type Criticality = "low" | "medium" | "high" | "critical";

export interface SectionScore {
  id: IsoId;
  title: string;
  score: number | null;
  answered: number;
  total: number;
}

export interface Finding {
  item: IsoId;
  title: string;
  severity: "major" | "minor" | "observation";
  rule: "unjustified_exclusion" | "absent" | "critical_ad_hoc" | "systemic" | "root_cause" | "below_audit_level" | "no_evidence";
  reason: string;
  /** The other items the finding covers (one root cause, or the controls an incomplete Statement of Applicability leaves unjustified). */
  related: IsoId[];
  /** The root-cause group the finding was merged by. */
  root_cause?: "policy" | "impact_assessment" | "risk" | "roles" | "documented_information" | "internal_audit" | "management_review";
  /** Present (true) when the item's maturity was inferred. */
  inferred?: true;
  /** The AI systems (names) rated lowest on the finding's items, when answered per system. */
  systems?: string[];
}

export interface SoaRow {
  id: IsoId;
  title: string;
  applicable: boolean;
  justification: string | null;
  maturity: Maturity | null;
  target: number;
  /** Judged against level 3, whatever the target. */
  status: "implemented" | "partially_implemented" | "not_implemented" | "not_assessed" | "excluded" | "exclusion_not_justified";
  /** Why an included control is included; null for an excluded one. */
  reason_for_inclusion: string | null;
  inferred?: true;
}

export interface Gap {
  item: IsoId;
  title: string;
  current: Maturity;
  target: number;
  criticality: Criticality;
  /** The finding that covers the item; null for an ambition gap. */
  finding: "major" | "minor" | null;
  priority: Criticality;
  /** Criticality weight (1-4) × levels to target. */
  priority_score: number;
  action: string;
  inferred?: true;
}

export interface Phase {
  id: "gap_assessment" | "implementation" | "internal_audit" | "stage1_audit" | "stage2_audit" | "certification_decision" | "surveillance";
  title: string;
  start_month: number;
  end_month: number;
  months: number;
  description: string;
  /** The gaps the phase closes, in gap-list order (the gap assessment: the items to rate). */
  gaps: { item: string; title: string; current: number | null; owner?: string; due?: string }[];
}

/** The one effort model's figures (docs/scoring.md, Roadmap). */
export interface Effort {
  weighted_levels: number;
  harmonized_levels: number;
  size: { employees: number; employees_given: boolean; ai_systems: number; ai_systems_given: boolean };
  size_factor: number;
  person_days_before_credit: number;
  certificate: "ISO/IEC 27001" | "ISO 9001" | null;
  person_days_saved: number;
  person_days: number;
}

export interface Roadmap {
  total_months: number;
  implementation_months: number;
  effort_person_days: number;
  effort: Effort;
  capacity: { people: number; share_of_time: number; full_time_equivalents: number; from_planning: boolean };
  certificate_credit: { certificate: "ISO/IEC 27001" | "ISO 9001"; reused_share: number; person_days_saved: number; months_saved: number } | null;
  phases: Phase[];
  assumptions: string[];
}

/** The readiness report (the JSON of `aims score --format json`; rules in docs/scoring.md). */
export interface Report {
  /** 0-100 over every applicable, assessed item; null when none is assessed. */
  readiness: number | null;
  /** Clauses 4-10. */
  management_system: number | null;
  /** Annex A controls. */
  controls: number | null;
  /** Maturity against the organisation's own targets (its ambition). */
  against_target: number | null;
  answered: number;
  total: number;
  excluded: number;
  inferred: number;
  verdict: Verdict;
  /** True while items remain unassessed. */
  provisional: boolean;
  completeness: { assessed: number; applicable: number; required: number; missing_critical: IsoId[] };
  verdict_reason: string;
  sections: SectionScore[];
  findings: Finding[];
  statement_of_applicability: SoaRow[];
  /** Below level 3, what blocks certification first. */
  gaps: Gap[];
  /** At or above level 3, below a higher target. */
  ambition_gaps: Gap[];
  not_assessed: IsoId[];
  /** Exclusions the organisation's roles for AI suggest; never applied until accepted. */
  proposed_exclusions: { item: IsoId; title: string; justification: string; basis: "roles" | "supplied_systems" }[];
  /**
   * The documents a Stage 1 audit looks for, with the clauses each comes from, ticked from the
   * answers and evidence: missing first, then partial, then present (docs/scoring.md).
   */
  stage1_checklist: Stage1Document[];
  /** Remarks on the assessment, e.g. targets below level 3. */
  notes: string[];
  roadmap: Roadmap;
}

/** Whether a document a Stage 1 audit looks for is in place, judged from the answers. */
export type DocumentStatus = "present" | "partial" | "missing";

export interface Stage1Document {
  /** What the auditor asks to see. */
  document: string;
  /** The clauses (and controls) it comes from. */
  clauses: IsoId[];
  status: DocumentStatus;
}

export type CoverageStatus = "unknown" | "not_covered" | "partial" | "covered";

/**
 * How the ISO/IEC 42001 item of a pair relates to its NIST AI RMF subcategory (NIST OLIR terms,
 * read "the ISO item is ... the subcategory"); docs/crosswalk.md.
 */
export type Relationship = "equal" | "subset_of" | "superset_of" | "intersects_with" | "not_related";

export interface Source<K extends string> {
  item: K;
  maturity: Maturity | null;
  target: number;
  relationship: Relationship;
  /** What the source can support in this direction: `none` for a `not_related` pair (shown, never counted). */
  support: "full" | "partial" | "none";
  /** Why the pair has its relationship: what the two share and what one has that the other lacks. */
  rationale: string;
  /** A justly excluded Annex A control: left out, the other sources still count. */
  excluded?: true;
}

export interface SubcategoryCoverage {
  id: SubcategoryId;
  function: "GOVERN" | "MAP" | "MEASURE" | "MANAGE";
  category: string;
  coverage: number;
  status: CoverageStatus;
  maturity: Maturity | null;
  /** The maturity rests on items that cover only part of the subcategory (then at most 2). */
  indicative: boolean;
  /** Covered by a declared set of `subset_of` items that together contain it. */
  jointly_complete: boolean;
  sources: Source<IsoId>[];
  explanation: string;
}

export interface Rollup {
  id: string;
  coverage: number;
  status: CoverageStatus;
  covered: number;
  partial: number;
  not_covered: number;
  unknown: number;
  total: number;
}

export interface InferredItem {
  item: IsoId;
  title: string;
  /** `not_addressed`: the NIST AI RMF does not address the item; `no_counterpart`: no pair, or none related. Both: assess directly. */
  inference: "inferred" | "not_inferred" | "no_counterpart" | "not_addressed";
  maturity: Maturity | null;
  inferred: boolean;
  /** The maturity rests on subcategories that cover only part of the item (then at most 2). */
  indicative: boolean;
  coverage: number;
  status: CoverageStatus;
  sources: Source<SubcategoryId>[];
  /** Why the item is assessed directly, when it is. */
  assess_directly?: string;
  explanation: string;
}

/** An ISO/IEC 42001 item never inferred from NIST AI RMF answers, and why. */
export interface AssessDirectly {
  item: IsoId;
  reason: string;
}

/** The heat-map matrix: NIST AI RMF functions and categories × ISO/IEC 42001 sections. */
export interface Matrix {
  sections: IsoId[];
  functions: { id: string; cells: { pairs: number; assessed: number; coverage: number | null }[] }[];
  categories: { id: string; cells: { pairs: number; assessed: number; coverage: number | null }[] }[];
}

/** ISO/IEC 42001 answers as coverage of the NIST AI RMF (`crosswalk(a, "nist-ai-rmf")`). */
export interface ForwardCrosswalk {
  subcategories: SubcategoryCoverage[];
  categories: Rollup[];
  functions: Rollup[];
  matrix: Matrix;
  attribution: string;
}

/** NIST AI RMF answers as inferred ISO/IEC 42001 answers (`crosswalk(a, "iso42001")`). */
export interface ReverseCrosswalk {
  items: InferredItem[];
  /** Items never inferred (not addressed by the NIST AI RMF, no pair, or no related pair): assess directly. */
  assess_directly: AssessDirectly[];
  /** The readiness report of the inferred assessment. */
  report: Report;
  /** The inferred answers as an ISO/IEC 42001 assessment, to save and complete. */
  assessment: Assessment;
  matrix: Matrix;
  attribution: string;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

/** The ROI report (the JSON of `aims roi --format json`; model in docs/roi.md). An estimate, not a quote. */
export interface RoiReport {
  label: string;
  currency: string;
  /** The organisation the defaults were scaled for. */
  organisation: { employees: number; ai_systems_in_scope: number };
  horizon_months: number;
  discount_rate_percent: number;
  implementation_months: number;
  certification_month: number | null;
  /** Where the implementation months come from: the assessment's roadmap (once something is answered) or the from-scratch estimate. */
  months_basis: "from_scratch" | "roadmap";
  total_cost: number;
  total_benefit: number;
  net: number;
  npv: number;
  roi_percent: number;
  payback_months: number | null;
  cost_per_year: number[];
  benefit_per_year: number[];
  line_items: { item: string; kind: "cost" | "benefit"; total: number }[];
  cash_flows: { month: number; cost: number; benefit: number; cumulative_net: number }[];
  monte_carlo: {
    label: string;
    trials: number;
    seed: number;
    distribution: string;
    generator: string;
    uncertain_inputs: string[];
    npv: Percentiles;
    roi_percent: Percentiles;
    probability_positive: number;
    probability_npv_positive: number;
    histogram: { from: number; to: number; count: number }[];
  };
  tornado: { input: string; label: string; low: number; high: number; low_npv: number; high_npv: number; swing: number }[];
  assumptions: { input: string; label: string; unit: string; low: number; likely: number; high: number; source: string }[];
  notes: string[];
}

export interface IsoCatalog {
  catalog: "iso42001";
  attribution: string;
  maturity_levels: { level: Maturity; name: string; meaning: string }[];
  items: {
    id: string;
    title: string;
    kind: "clause" | "subclause" | "objective" | "control";
    parent: string | null;
    assessable: boolean;
    harmonized_structure: boolean;
    /** The guidance fields are present on assessable items. */
    criticality?: Criticality;
    asks?: string;
    evidence?: string[];
    action?: string;
    /** Item-specific descriptions of levels 0-5, where the generic scale would mislead. */
    levels?: string[];
  }[];
}

export interface NistCatalog {
  catalog: "nist-ai-rmf";
  attribution: string;
  functions: {
    id: "GOVERN" | "MAP" | "MEASURE" | "MANAGE";
    text: string;
    categories: { id: string; text: string; subcategories: { id: SubcategoryId; text: string }[] }[];
  }[];
}

export interface CrosswalkCatalog {
  catalog: "crosswalk";
  attribution: string;
  /** The 280 pairs (NIST AI Resource Center); relationship and rationale are AIMS Readiness's own reading. */
  pairs: { nist_id: SubcategoryId; iso_id: IsoId; relationship: Relationship; rationale: string; iso_ref_as_printed: string; note?: string }[];
  iso_items_without_pair: IsoId[];
  /** How many pairs have each relationship. */
  relationships: { relationship: Relationship; pairs: number }[];
  /** The ISO/IEC 42001 items the NIST AI RMF does not address, with the reason. */
  assess_directly: AssessDirectly[];
  /** Declared sets of `subset_of` items that together cover a subcategory. */
  jointly_complete: { nist_id: SubcategoryId; iso_ids: IsoId[]; reason: string }[];
}

export interface QuickScanCatalog {
  catalog: "quick-scan";
  /** The options of every maturity question. */
  options: { maturity: Maturity; label: string }[];
  /** The first asks the role for AI (writes `profile.roles`); one asks for certificates. */
  questions: (
    | { id: string; kind: "maturity"; question: string; help: string; items: IsoId[] }
    | { id: string; kind: "roles"; question: string; help: string; options: { label: string; roles: ("ai_provider" | "ai_producer" | "ai_customer" | "ai_partner")[] }[] }
    | { id: string; kind: "certificates"; question: string; help: string; options: { label: string; certifications: string[] }[] }
  )[];
}

export type CatalogName = "iso42001" | "nist-ai-rmf" | "crosswalk" | "quick-scan";

/**
 * ISO/IEC 42001 ⇄ NIST AI RMF crosswalk (the JSON of `aims crosswalk`). `to` defaults to the
 * other framework than the assessment's. Throws an Error naming the field ("to: …") when the
 * assessment holds the other framework's answers.
 */
export function crosswalk(assessment: AssessmentInput, to: "nist-ai-rmf"): ForwardCrosswalk;
export function crosswalk(assessment: AssessmentInput, to: "iso42001"): ReverseCrosswalk;
export function crosswalk(assessment: AssessmentInput, to?: Framework): ForwardCrosswalk | ReverseCrosswalk;

/** A catalog (the JSON of `aims catalog NAME --format json`). */
export function catalog(name: "iso42001"): IsoCatalog;
export function catalog(name: "nist-ai-rmf"): NistCatalog;
export function catalog(name: "crosswalk"): CrosswalkCatalog;
export function catalog(name: "quick-scan"): QuickScanCatalog;
export function catalog(name: CatalogName): IsoCatalog | NistCatalog | CrosswalkCatalog | QuickScanCatalog;

/** Options of `plan`. */
export interface PlanOptions {
  /** "YYYY-MM-DD": the day overdue actions are judged against; default today (UTC). */
  today?: string;
  /** "json" (default): the plan object; "csv", "oscal" (plan of action and milestones), "ics": the export's text. */
  format?: "json" | "csv" | "oscal" | "ics";
  /** "priority" (default), "due" (undated last) or "owner" (unassigned last). */
  order?: "priority" | "due" | "owner";
}

/** One action of the plan: closing the gap on one item. */
export interface PlanAction {
  item: IsoId;
  title: string;
  priority: "critical" | "high" | "medium" | "low";
  /** The finding that covers the item; null for an ambition gap. */
  finding: "major" | "minor" | "observation" | null;
  current: Maturity;
  target: 1 | 2 | 3 | 4 | 5;
  action: string;
  /** The AI systems rated lowest, when the item is answered per system. */
  systems?: string[];
  owner?: string;
  /** YYYY-MM-DD. */
  due?: string;
  /** `due` as written when it is not a date. */
  due_as_written?: string;
  status: "open" | "in_progress" | "done";
  evidence: string[];
  overdue: boolean;
  days_overdue: number;
}

/** The action plan (docs/exports.md, "The action plan"). */
export interface Plan {
  today: string;
  organisation?: string;
  actions: PlanAction[];
  summary: { open: number; in_progress: number; done: number; overdue: number; unassigned: number; undated: number };
}

/** The action plan of an assessment: the plan object, or with `format` the CSV, OSCAL or iCalendar text. */
export function plan(assessment: AssessmentInput, options?: PlanOptions & { format?: "json" }): Plan;
export function plan(assessment: AssessmentInput, options: PlanOptions & { format: "csv" | "oscal" | "ics" }): string;
