// Collecting a file's imports: sorted, type-only ones apart, so output is stable.
export interface ImportLine {
  from: string;
  typeOnly: boolean;
  names: string[];
}

export class ImportSet {
  private readonly entries = new Map<string, Set<string>>();

  /** `self`: the module specifier by which other files reach this one; a type that refers to itself imports nothing. */
  constructor(private readonly self?: string) {}

  add(from: string, name: string, typeOnly = false): void {
    if (from === this.self) return;
    const key = `${typeOnly ? 'type' : 'value'}\u0000${from}`;
    if (!this.entries.has(key)) this.entries.set(key, new Set());
    this.entries.get(key)!.add(name);
  }

  lines(): ImportLine[] {
    return [...this.entries.entries()]
      .map(([key, names]) => {
        const [kind, from] = key.split('\u0000') as [string, string];
        return { from, typeOnly: kind === 'type', names: [...names].sort() };
      })
      .sort((a, b) => (a.from === b.from ? Number(a.typeOnly) - Number(b.typeOnly) : a.from < b.from ? -1 : 1));
  }
}
