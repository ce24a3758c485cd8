import QRCode from 'qrcode';

/** Error correction M (15 %) with the standard quiet zone of 4 modules: readable from print and screens alike. */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export const PNG_SIZE = { min: 64, max: 2048, default: 512 } as const;

/** The QR code of `text` as an SVG document. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}

/** The QR code of `text` as a PNG of `size` x `size` pixels. */
export function qrPng(text: string, size: number = PNG_SIZE.default): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width: size });
}
