// English as Graph's path segments spell it, for names made from them.

/** Plurals as Graph's collection segments spell them: policies, classes, statuses, mailboxes, licenses, members, series, children. */
export function singular(word: string): string {
  if (/children$/i.test(word)) return word.slice(0, -3);
  if (/(ss|us|is|series)$/.test(word)) return word;
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(sses|uses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.replace(/s$/, '');
}
