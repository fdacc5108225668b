// A TypeScript consumer of the npm package: type-checked (strict, Node ESM resolution) by
// types.test.mjs against the packed package. It fails to compile if a declaration is missing,
// too loose (a wrong literal is accepted) or wrong (a result has another shape).
import init, {
  catalog, crosswalk, roi, roiText, score, scoreText, validate, version,
  type AimsError, type Assessment, type ForwardCrosswalk, type Gap, type IsoCatalog,
  type QuickScanCatalog, type Relationship, type Report, type ReverseCrosswalk, type RoiReport, type Validation,
} from 'aims-engine';

await init();
const assessment: Assessment = {
  format: 'aims-assessment',
  version: 1,
  organisation: { name: 'TechServe Solutions', employees: 120, certifications: ['ISO/IEC 27001'] },
  answers: { '5.2': { maturity: 0, note: 'No formal AI policy' }, '6.1.2': 1, 'A.10.4': { applicable: false, justification: 'n/a' } },
};
const report: Report = score(assessment);
const readiness: number | null = report.readiness;
const verdict: 'not_ready' | 'incomplete' | 'ready_with_corrective_actions' | 'ready' = report.verdict;
const top: Gap | undefined = report.gaps[0];
const blocking: 'major' | 'minor' | null | undefined = top?.finding;
const enough: boolean = report.completeness.assessed >= report.completeness.required;
const missingCritical: string[] = report.completeness.missing_critical;
const related: string[] | undefined = report.findings[0]?.related;
const proposed: string | undefined = report.proposed_exclusions[0]?.justification;
const firstDocument = report.stage1_checklist[0];
const documentStatus: 'present' | 'partial' | 'missing' | undefined = firstDocument?.status;
const documentClauses: string[] | undefined = firstDocument?.clauses;
const ambition: number = report.ambition_gaps.length;
const inclusion: string | null = report.statement_of_applicability[0].reason_for_inclusion;
const forward: ForwardCrosswalk = crosswalk(assessment, 'nist-ai-rmf');
const reverse: ReverseCrosswalk = crosswalk(JSON.stringify(assessment), 'iso42001');
const either: ForwardCrosswalk | ReverseCrosswalk = crosswalk(assessment);
const firstSource = forward.subcategories[0].sources[0];
const relationship: Relationship = firstSource.relationship;
const rationale: string = firstSource.rationale;
const joint: boolean = forward.subcategories[0].jointly_complete;
const direct: { item: string; reason: string } | undefined = reverse.assess_directly[0];
const questions: QuickScanCatalog = catalog('quick-scan');
const iso: IsoCatalog = catalog('iso42001');
const estimate: RoiReport = roi({ organisation: { employees: 40 }, costs: { consulting: { low: 0, likely: 1, high: 2 } } }, { seed: 1, trials: 10 });
const defaults: RoiReport = roi();
const roiWords: string = roiText(null, { seed: 1, trials: 10, assessment });
const scoreWords: string = scoreText(assessment);
const untrusted: unknown = JSON.parse('{"format": "aims-assessment"}');
const checked: Validation = validate(untrusted);
const v: string = version();
try {
  score(assessment);
} catch (e) {
  const diagnostics = (e as AimsError).diagnostics ?? [];
  console.log(diagnostics.map((d) => `${d.item ?? ''} ${d.field}: ${d.message}`));
}
const q = questions.questions[0];
// The first question is the role for AI: its options, not items.
const firstItems: string[] = q.kind === 'maturity' ? q.items : [];
const firstRoles: string[] = q.kind === 'roles' ? q.options.flatMap((o) => o.roles) : [];
console.log(readiness, verdict, top?.action, forward.functions[0].coverage, reverse.items[0].inference, either.matrix,
  firstItems, firstRoles, iso.items[0].kind, estimate.monte_carlo.npv.p50, defaults.npv, checked.errors, v);

// @ts-expect-error: not a crosswalk direction
crosswalk(assessment, 'nist');
// @ts-expect-error: not a catalog
catalog('iso');
// @ts-expect-error: 7 is not a maturity
const badMaturity: Assessment = { format: 'aims-assessment', version: 1, answers: { '5.2': { maturity: 7 } } };
// @ts-expect-error: the readiness may be null
const notNull: number = report.readiness;
// @ts-expect-error: seed is a number
roi(null, { seed: '42' });
// @ts-expect-error: the untyped `related` is no relationship
const untyped: Relationship = 'related';
console.log(badMaturity, notNull, relationship, rationale, joint, direct, untyped);
console.log(blocking, enough, missingCritical, related, proposed, ambition, inclusion);
console.log(firstDocument?.document, documentStatus, documentClauses);
console.log(roiWords, scoreWords);
