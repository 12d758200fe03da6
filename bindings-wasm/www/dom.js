// The one way this site builds DOM. Strings always become text nodes, never markup: a report's
// text (its organ, a file's name) can hold `<script>` or `<img onerror>`, and must show as the
// characters it is. Attribute names come from this site's code only.

/** `<tag attrs>children</tag>`; null, undefined and false children and attributes are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) el.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
