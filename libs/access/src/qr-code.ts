import QRCode from 'qrcode';

/** Error correction M (15 %) with the standard quiet zone of 4 modules: readable from print and screens alike. */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/**
 * The PNG sizes offered, in pixels. Drawing takes the event loop (about 0.13 s at 1024, 0.7 s at 2048), so the sizes
 * are few and each image is drawn once and cached (see QrImages).
 */
export const PNG_SIZES = [128, 256, 512, 1024] as const;
export const DEFAULT_PNG_SIZE = 512;

/** The QR code of `text` as an SVG document. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}

/** The QR code of `text` as a PNG of `size` x `size` pixels. */
export function qrPng(text: string, size: number = DEFAULT_PNG_SIZE): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width: size });
}
