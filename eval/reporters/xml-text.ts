// Text inside XML and HTML: the five special characters escaped, and characters XML 1.0 forbids
// (control characters other than tab, newline and carriage return; lone surrogates; U+FFFE and
// U+FFFF) written visibly as \uXXXX, so any model output yields a well-formed document.

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function allowedInXml(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

/** Escaped for element content and attribute values (XML and HTML alike). */
export function escapeXml(text: string): string {
  let escaped = '';
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const char = text[index]!;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        escaped += char + text[index + 1]!;
        index += 1;
        continue;
      }
    }
    const lone = code >= 0xd800 && code <= 0xdfff;
    if (lone || !allowedInXml(code)) escaped += `\\u${code.toString(16).padStart(4, '0')}`;
    else escaped += entities[char] ?? char;
  }
  return escaped;
}
