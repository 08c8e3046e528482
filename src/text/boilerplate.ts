/**
 * Whole lines that publisher pages, feed readers and scrapers add around an article. Each
 * pattern must match the entire trimmed line, so a sentence that merely mentions cookies or
 * subscriptions is never dropped.
 */
const BOILERPLATE_LINES: readonly RegExp[] = [
  /^read (more|less|the full (text|article))$/,
  /^(show|view|see) (more|less|all|full text|article|pdf)$/,
  /^talk to us$/,
  /^schedule a (call|demo|meeting)$/,
  /^join us for an? \d+[- ]?min(ute)?s? session\b.*$/,
  /^(full text|full-text|pdf|abstract only|html|epub)$/,
  /^(download|get|view) (the )?(pdf|full text|article|citation)s?$/,
  /^published version( \(free\))?$/,
  /^(open access|free access|free full text)$/,
  /^(cite this|cite|citation|share|share this|share this article|print|email|bookmark|save)( article)?$/,
  /^(google scholar|pubmed|crossref|scopus|web of science|europe pmc|pmc free article)$/,
  /^(back to top|skip to (main )?content|jump to|go to)\b.{0,30}$/,
  /^(previous|next) (article|section|page)$/,
  /^advertisement$/,
  /^open in (a )?new (tab|window)$/,
  /^(article|research article|original article|original research)$/,
  /^loading\W*$/,
  /^(sign in|log in|login|register|sign up)( to .{0,40})?$/,
  /^subscribe( (now|today|to .{0,60}))?$/,
  /^sign up for .{0,80}(newsletter|alerts?|updates)\.?$/,
  /^.{0,120}\b(we|this (web)?site) uses? cookies\b.{0,200}$/,
  /^(accept|reject|allow|decline|manage)( all)? cookies$/,
  /^(cookie (settings|preferences|policy)|privacy policy|terms( of use| and conditions)?)$/,
  /^(related articles|similar articles|cited by.{0,20}|recommended articles|metrics|article metrics)$/,
];

/** True for a line that is page furniture, not article content. */
export function isBoilerplateLine(line: string): boolean {
  const bare = line
    .trim()
    .replace(/^[•·▪◦*>\-–]+\s*/, '')
    .replace(/[.!:…]+$/, '')
    .trim()
    .toLowerCase();
  if (bare.length === 0) return false;
  return BOILERPLATE_LINES.some((re) => re.test(bare));
}

/**
 * Sentences publishers append inside an abstract's last paragraph: copyright and database
 * notices. They are never a finding, and a summarizer must not pick one.
 */
const BOILERPLATE_SENTENCES: readonly RegExp[] = [
  /^\(?psycinfo database record\b/,
  /^\(?(copyright|©|\(c\))\s*(©\s*)?\d{4}\b/,
  /^\(?(copyright|©)\b.{0,200}\b(all rights reserved|published by|licen[cs]ee|the authors?)\b/,
  /\ball rights reserved\.?\)?\.?$/,
  /^this article is protected by copyright\b/,
  /^published by (elsevier|wiley|springer|oxford|john wiley)\b/,
];

/** True for a copyright or database notice sentence. */
export function isBoilerplateSentence(sentence: string): boolean {
  const bare = sentence.trim().toLowerCase();
  return bare.length < 300 && BOILERPLATE_SENTENCES.some((re) => re.test(bare));
}
