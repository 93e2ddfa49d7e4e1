/**
 * A chart's SVG made fit to sit inside an HTML report that runs no script and loads nothing: the
 * XML prolog, the namespace attributes (inline SVG in HTML needs none) and any script, foreign
 * content, event handler or link out are removed. Vega's SVG has none of the latter; they are
 * removed all the same, since a label can come from the data.
 */

/** Tags whose whole element is removed. */
const DROPPED = /<(script|foreignObject|iframe|object|embed)\b[\s\S]*?<\/\1\s*>/gi;
/** The same tags when self-closing or left open. */
const DROPPED_OPEN = /<(script|foreignObject|iframe|object|embed)\b[^>]*>/gi;

/** `svg` cleaned as the module comment says; throws when it is not an SVG element. */
export function inlineSvg(svg: string): string {
  let s = svg.trim().replace(/^<\?xml[^>]*\?>\s*/i, '');
  if (!/^<svg[\s>]/i.test(s)) throw new Error('not an SVG element');
  s = s.replace(DROPPED, '').replace(DROPPED_OPEN, '');
  // Attributes are rewritten inside tags only: text between tags is left as it is.
  s = s.replace(
    /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g,
    (_m, tag: string, attrs: string, close: string) => {
      const kept: string[] = [];
      for (const a of attrs.matchAll(/\s+([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
        const name = a[1]!;
        const raw = a[2] ?? '';
        const value = raw.replace(/^["']|["']$/g, '');
        const lower = name.toLowerCase();
        if (lower === 'xmlns' || lower.startsWith('xmlns:') || lower.startsWith('on')) continue;
        if (
          (lower === 'href' || lower.endsWith(':href') || lower === 'src') &&
          !value.startsWith('#')
        ) {
          continue;
        }
        if (/url\(\s*['"]?\s*(?!#)/i.test(value)) continue;
        kept.push(` ${name}${raw ? `=${raw}` : ''}`);
      }
      return `<${tag}${kept.join('')}${close ? ' /' : ''}>`;
    },
  );
  return s;
}
