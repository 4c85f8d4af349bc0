/**
 * The part of PDFKit 0.20 (and of fontkit 2, which it embeds fonts with) the letter writer uses. @types/pdfkit describes 0.17, whose options
 * take a font only by name: 0.20 takes font bytes (and `null` for no default font, which the
 * browser build needs, since it carries no Helvetica metrics unless they are registered).
 */
declare module 'fontkit' {
  /** A parsed font: PDFKit lays out and subsets it; Saldo only hands it on. */
  export interface Font {
    readonly postscriptName: string;
    layout(text: string): unknown;
    /** The glyph of this id, cached by the font; `codePoints` the characters it stands for. */
    getGlyph(id: number, codePoints?: number[]): Glyph | null;
  }
  export interface Glyph {
    readonly id: number;
    codePoints: number[];
  }
  /** A .ttc/.dfont holds several fonts. */
  export interface FontCollection {
    readonly fonts: Font[];
  }
  export function create(data: Uint8Array): Font | FontCollection;
}

declare module 'pdfkit' {
  import type { Font } from 'fontkit';
  type FontSource = Uint8Array | ArrayBuffer | Font;

  interface DocumentInfo {
    Title?: string;
    Author?: string;
    Subject?: string;
    Creator?: string;
    Producer?: string;
    CreationDate?: Date;
  }

  interface Margins {
    top: number;
    bottom: number;
    left: number;
    right: number;
  }

  interface DocumentOptions {
    size?: 'A4' | [number, number];
    margins?: Margins;
    /** The font set when the document is made; `null` sets none. */
    font?: FontSource | null;
    info?: DocumentInfo;
    bufferPages?: boolean;
    autoFirstPage?: boolean;
    displayTitle?: boolean;
    lang?: string;
    compress?: boolean;
  }

  interface TextOptions {
    width?: number;
    height?: number;
    align?: 'left' | 'right' | 'center' | 'justify';
    continued?: boolean;
    lineGap?: number;
    lineBreak?: boolean;
  }

  interface Page {
    width: number;
    height: number;
    margins: Margins;
    maxY(): number;
  }

  /**
   * A picture opened by `openImage`: PNG or JPEG bytes (a Uint8Array or an ArrayBuffer; the
   * browser build reads no files). Drawn any number of times, it is embedded in the PDF once.
   */
  interface PDFKitImage {
    readonly width: number;
    readonly height: number;
  }

  interface ImageOptions {
    width?: number;
    height?: number;
  }

  class PDFDocument {
    constructor(options?: DocumentOptions);
    x: number;
    y: number;
    page: Page;
    info: DocumentInfo;
    registerFont(name: string, src: FontSource): this;
    font(name: string): this;
    fontSize(size: number): this;
    currentLineHeight(includeGap?: boolean): number;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    text(text: string, options?: TextOptions): this;
    widthOfString(text: string, options?: TextOptions): number;
    heightOfString(text: string, options?: TextOptions): number;
    addPage(): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(n: number): Page;
    flushPages(): void;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    lineWidth(width: number): this;
    strokeColor(color: string): this;
    fillColor(color: string): this;
    stroke(): this;
    openImage(src: Uint8Array | ArrayBuffer): PDFKitImage;
    image(src: PDFKitImage, x: number, y: number, options?: ImageOptions): this;
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    /** After a page is added (by addPage, or when text runs over), before anything is drawn on it. */
    on(event: 'pageAdded', listener: () => void): this;
    end(): void;
  }

  export type { PDFKitImage };
  export default PDFDocument;
}
