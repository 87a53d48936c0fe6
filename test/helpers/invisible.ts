// The characters doc text must never bring raw into the output, enumerated from
// Unicode's own properties as this Node knows them (not copied from the emitter's
// list): every format character (general category Cf), every Bidi_Control, and
// every control (Cc) but tab and the line breaks. Tests generate docs from this
// set and check the output against it.
function codePointsWhere(test: (char: string) => boolean): string[] {
  const chars: string[] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    if (test(char)) chars.push(char);
  }
  return chars;
}

export const INVISIBLE_CHARACTERS: readonly string[] = codePointsWhere(
  (char) => /\p{Cf}/u.test(char) || /\p{Bidi_Control}/u.test(char) || (/\p{Cc}/u.test(char) && !'\t\n\r'.includes(char)),
);

/** Any character of the set, or a raw line or paragraph separator (a raw U+2028 ends a `//` comment). */
export const RAW_FORBIDDEN = new RegExp(`[${INVISIBLE_CHARACTERS.map((char) => escapeForClass(char)).join('')}\\u2028\\u2029]`, 'u');

function escapeForClass(char: string): string {
  return `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

/** `U+061C`: how a character is named in a failure message. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
