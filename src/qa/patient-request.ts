/**
 * The app answers what the literature says; it never recommends treatment for a named or
 * identified patient. This recognizes such a request so the answer can say so up front.
 */

/** Shown before the literature when a question asks what to do for one identified patient. */
export const PATIENT_NOTE =
  "I can't recommend treatment for an individual patient. Here is what the literature says; the decision belongs to the treating team.";

const IDENTIFYING_KINDS = new Set([
  'name',
  'MRN',
  'date of birth',
  'SSN',
  'account number',
  'phone',
  'email',
  'address',
  'ZIP code',
  'card number',
  'licence number',
]);

const PATIENT_REFERENCE =
  /\b(?:my|our|this|the) (?:patient|pt|kid|child|baby|infant)\b|\bpt\b|\[name\]|\b(?:him|her)\b/i;

const ASKS_FOR_DECISION =
  /\b(?:should (?:we|i|he|she|they)|do you recommend|would you (?:give|start|use|recommend|choose|stop)|what (?:treatment|therapy|drug|dose|regimen) should|(?:best|right) (?:treatment|therapy|option|regimen|dose) for|recommend(?:ation)? for|what (?:do|would) you (?:suggest|recommend)|can (?:we|i) (?:give|start|stop|use))\b/i;

/** True for "should we start rapamycin for pt [name]?", false for "does rapamycin help in JMML?". */
export function asksTreatmentForPatient(redactedQuestion: string, redactions: string[]): boolean {
  if (!ASKS_FOR_DECISION.test(redactedQuestion)) return false;
  return redactions.some((kind) => IDENTIFYING_KINDS.has(kind)) || PATIENT_REFERENCE.test(redactedQuestion);
}
