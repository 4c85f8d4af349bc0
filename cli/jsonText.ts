/** JSON.parse's own messages are English: where it stopped, told in Danish. */

/** " ved linje 3, tegn 14" for a JSON.parse error that gives a position, else "". */
export function jsonErrorPlace(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  return ` ved linje ${before.split('\n').length}, tegn ${before.length - before.lastIndexOf('\n')}`;
}

export const JSON_HINT = 'Tjek kommaer, anførselstegn og klammer; kommentarer og enkelte anførselstegn er ikke tilladt i JSON.';
