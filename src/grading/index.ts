export { grade, type Finding, type Score } from './grade';
export { loadRubric, RubricSchema, CATEGORIES, CATEGORY_LABELS, CHECKS, type Category, type Rubric } from '../engine/policy/rubric';
export { MISTAKE_LABELS, type CommonMistake } from './check';
export { reviewUpdate, blameFlags, missingAlertParts, UPDATE_FIELD_LABELS, type UpdateReview, type BlameFlag } from './text-checks';
export { Facts, formatMinute, type Evidence } from './facts';
export { POSTMORTEM_SECTIONS } from './learning';
