/** Text for a terminal: what the CLI prints on stderr may quote input files. */

/**
 * Returns the text with every character a terminal acts on shown as `\uXXXX`: an ESC sequence
 * quoted from a ledger cell or a JSON value could otherwise clear or repaint the user's screen,
 * or reorder what is shown (bidi overrides). Line feeds stay, and so does a carriage return at
 * the very start of a write (the progress bar redraws its line with it).
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/(?!^\r)[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
