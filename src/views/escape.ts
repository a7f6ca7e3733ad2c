/**
 * Makes user-typed text safe to bind into an Adaptive Card TextBlock, shown exactly as typed:
 * - control characters (except newline and tab) are removed — they break renderers and logs;
 * - Markdown that TextBlocks interpret (emphasis, links, headings, lists, code) is
 *   backslash-escaped, so `[klikk her](https://…)` is shown as text, not a link;
 * - `${…}` needs no change: adaptivecards-templating does not evaluate expressions found in
 *   data values (only in the template), and user text only ever travels as data.
 */
export function escapeUserText(input: string): string {
  const cleaned = input.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return (
    cleaned
      .replace(/([\\`*_[\]])/g, '\\$1')
      // Only what starts markup: `<` before a letter (autolinks, tags), block markers at line starts.
      .replace(/<(?=[a-z/!])/gi, '\\<')
      .replace(/^(\s*)([-+#>])(\s)/gm, '$1\\$2$3')
      .replace(/^(\s*\d+)([.)])(\s)/gm, '$1\\$2$3')
  );
}

/** Escapes every string in a data object, deeply (arrays and plain objects). */
export function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeUserText(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = escapeDeep(v);
    return out as T;
  }
  return value;
}
