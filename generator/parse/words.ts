// English as Graph's path segments spell it, for names made from them.

/** Plurals as Graph's collection segments spell them: policies, classes, statuses, mailboxes, licenses, members. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(sses|uses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.replace(/s$/, '');
}
