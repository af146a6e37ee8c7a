/**
 * Small text helpers shared by the parsers: cleaning PDF-extracted text, splitting at top-level
 * separators (outside parentheses), slugs. They never change wording: typos stay as they are.
 */

/** Removes inline HTML and Markdown emphasis, decodes the few entities, collapses whitespace. */
export function clean(value: string): string {
  return value
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/<\/?(?:i|b|em|strong)>/gi, '')
    .replace(/<\/?(?:p|ul|li)\b[^>]*>/gi, ' ')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[\s('‘"])\*(\S(?:.*?\S)?)\*(?=$|[\s),.;:'’"])/g, '$1$2')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits at `separator` where it is not inside parentheses or brackets.
 * @example splitTopLevel('a (b; c); d', ';') // ['a (b; c)', ' d']
 */
export function splitTopLevel(value: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(' || char === '[') depth += 1;
    if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** True when the parentheses in `value` open and close in order. */
export function balancedParentheses(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** "Equality Act 2010" → "equality-act-2010". */
export function slugify(value: string): string {
  return value
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A paragraph that ends mid-sentence (a PDF page break) when the next one starts in lower case. */
export function continuesOnNextParagraph(previous: string, next: string): boolean {
  return !/[.:!?)]["'’]?$/.test(previous.trim()) && /^[a-z]/.test(next.trim()) && !/^(?:www\.|https?:)/.test(next.trim());
}
