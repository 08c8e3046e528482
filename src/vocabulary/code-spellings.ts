import { foldWord } from './word-key.js';

/**
 * How a code is spelt on either side: the glued forms a paper's text also stands for, the forms a
 * code typed in a question may take in a paper, and which codes only describe the patient (a
 * stage) rather than name what a paper must be about.
 */

/** "T1a", "pT2N0", "N2", "M1". */
const STAGE =
  /^(?:y?p|c)?T(?:[0-4x][a-c]?|is)(?:N[0-3x][a-c]?)?(?:M[01x][a-c]?)?$|^(?:y?p|c)?N[0-3][a-c]?$|^M1[a-c]?$/;

export function isStage(token: string): boolean {
  return STAGE.test(token);
}

/** "T1-2", "pT3-4", "N1-N2": a range of stages. */
const STAGE_RANGE = /^(?:y?p|c)?([TN])([0-4])-\1?([0-4])$/;

/**
 * The stage a token names, also in the plural of a chat ("the T1s", "N2s": "T1", "N2"), and a
 * range as papers write it ("T1-2": "T1-T2").
 */
export function stageOf(token: string): string | undefined {
  const range = STAGE_RANGE.exec(token);
  if (range) return `${range[1]}${range[2]}-${range[1]}${range[3]}`;
  const stage = /^(.*\d[a-c]?)s$/.exec(token)?.[1] ?? token;
  return isStage(stage) ? stage : undefined;
}

/** A Greek letter typed as a Latin one or spelt out: [the letter, its name]. */
const GREEK: Record<string, [string, string]> = {
  a: ['α', 'alpha'],
  alpha: ['α', 'alpha'],
  b: ['β', 'beta'],
  beta: ['β', 'beta'],
  g: ['γ', 'gamma'],
  gamma: ['γ', 'gamma'],
  k: ['κ', 'kappa'],
  kappa: ['κ', 'kappa'],
  d: ['δ', 'delta'],
  delta: ['δ', 'delta'],
};

/**
 * A code as papers also write it: "PD-L1" as "PDL1", "pT3a" as the stage "T3a", "T3N0" as
 * "T3 N0", "ru-106" as "106Ru", and a tracer by its compound ("18F-FDG" as "FDG").
 */
export function codeVariantsOf(token: string): string[] {
  const variants: string[] = [];
  if (token.includes('-') && /\d/.test(token)) variants.push(token.replaceAll('-', ''));
  // "5FU", "6MP" as abbreviation lists write them ("5-FU", "6-MP").
  const numbered = /^(\d{1,2})(\p{L}{2,})$/u.exec(token);
  if (numbered) variants.push(`${numbered[1]}-${numbered[2]}`);
  const stage = /^(?:yp|yc|p|c|r)([TNM]\d[a-c]?)$/u.exec(token);
  if (stage?.[1]) variants.push(stage[1]);
  // "T3N0" as papers write it apart ("T3 N0").
  const tnm = /^(?:yp|p|c)?(T(?:[0-4x][a-c]?|is))(N[0-3x][a-c]?)(M[01x])?$/i.exec(token);
  if (tnm) variants.push(tnm.slice(1).filter(Boolean).join(' '));
  // "tc99", "Tc-99m", "99mTc": a nuclide's mass before or after its element, and the metastable
  // "m" technetium's tracers carry, which a question often leaves out.
  const isotope =
    /^([A-Za-z][a-z]?)-?(\d{2,3})(m?)$/.exec(token) ?? /^(\d{2,3})(m?)([A-Za-z][a-z]?)$/.exec(token);
  if (isotope) {
    const [element, mass] = /^\d/.test(isotope[1] ?? '')
      ? [isotope[3], isotope[1]]
      : [isotope[1], isotope[2]];
    variants.push(`${mass}${element}`, `${mass}m${element}`, `${element}${mass}m`);
  }
  const tracer = /^(?:\d{2,3}[A-Z][a-z]?|[A-Z][a-z]?-?\d{2,3})-(\p{L}[\p{L}\d]+)$/u.exec(token);
  if (tracer?.[1]) variants.push(tracer[1]);
  // "TGF-b1", "IL-1b", "TNF-alpha" as papers write them: "TGF-β1", "IL-1β", "TNF-α".
  const greek = /^(.+-\d*)(a|b|g|k|d|alpha|beta|gamma|kappa|delta)(\d*)$/i.exec(token);
  const letter = greek?.[2] ? GREEK[greek[2].toLowerCase()] : undefined;
  if (greek && letter)
    variants.push(`${greek[1]}${letter[0]}${greek[3]}`, `${greek[1]}${letter[1]}${greek[3]}`);
  // "HPV6", "HSV-1" as papers also write a virus's type: "HPV type 6", "HSV type 1".
  const virusType = /^(HPV|HSV|HHV|HTLV|HIV)-?(\d{1,2})$/i.exec(token);
  if (virusType) variants.push(`${virusType[1]} type ${virusType[2]}`);
  return variants;
}

/**
 * A code written with brackets ("IC(50)", "del(17p)") or hyphens ("HER-2", "PD-L1", "5-FU") is
 * the code a question types glued ("IC50", "del17p", "HER2", "PDL1", "5FU").
 */
const BRACKETED_CODE = /(?<![\p{L}\p{N}])(\p{L}{1,8})\((\d{1,3}[a-z]?)\)/gu;
const HYPHENATED_CODE = /(?<![\p{L}\p{N}-])[\p{L}\p{N}]{1,10}(?:-[\p{L}\p{N}]{1,10})+(?![\p{L}\p{N}-])/gu;
/** "pT3a", "ypN1", "cT2": a pathological or clinical stage is the stage a question types ("T3a"). */
const PREFIXED_STAGE = /(?<![\p{L}\p{N}])(?:yp|yc|p|c|r)([TNM](?:\d[a-c]?|x|is))(?![\p{L}\p{N}])/gu;

/** "T1N0", "pT2N1M0": a glued stage also says its T, N and M ("the T1s", "node neg" as "N0"). */
const GLUED_STAGE =
  /(?<![\p{L}\p{N}])(?:yp|yc|p|c)?(T(?:[0-4x][a-c]?|is))(N[0-3x][a-c]?)(M[01x][a-c]?)?(?![\p{L}\p{N}])/gu;

export function codeSpellingsOf(text: string): string[] {
  const spellings: string[] = [];
  for (const [, letters = '', digits = ''] of text.matchAll(BRACKETED_CODE))
    spellings.push(foldWord(letters + digits));
  for (const [code] of text.matchAll(HYPHENATED_CODE))
    if (/\d/.test(code) && /\p{L}/u.test(code)) spellings.push(foldWord(code.replaceAll('-', '')));
  for (const [, stage = ''] of text.matchAll(PREFIXED_STAGE)) spellings.push(foldWord(stage));
  for (const [, ...parts] of text.matchAll(GLUED_STAGE))
    for (const part of parts) if (part) spellings.push(foldWord(part));
  return spellings;
}
