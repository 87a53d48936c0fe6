// Front matter as `key: value` lines. Strict YAML fails on real pages
// (`title: driveItem: createUploadSession`), so read it line by line.
export function readFrontMatter(yaml: string): Record<string, string> {
  // No prototype: a key such as `__proto__` or `constructor` is just a key.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const line of yaml.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w.-]*):\s*(.*)$/.exec(line);
    if (match) fields[match[1]!] = unquote(match[2]!.trim());
  }
  return fields;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return (quoted ? quoted[2]! : value).trim();
}
