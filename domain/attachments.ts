/**
 * Attachments: the limits (seed: 10 MB a file, 5 files at a time) and the file types accepted, recognised by their
 * content, not only by their name: a file whose bytes say one type and whose name says another is refused.
 *
 * @module
 */

/** Largest file accepted (10 MB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Most files in one upload, and on one message. */
export const MAX_ATTACHMENT_FILES = 5;

/** A type accepted: its media type and the file-name extensions that may carry it. */
interface AcceptedType {
  mediaType: string;
  extensions: string[];
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** Text: valid UTF-8 without NUL or other control characters than tab, line feed, carriage return, form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

const ACCEPTED: AcceptedType[] = [
  { mediaType: 'application/pdf', extensions: ['pdf'], matches: (b) => startsWith(b, ascii('%PDF-')) },
  { mediaType: 'image/png', extensions: ['png'], matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mediaType: 'image/gif', extensions: ['gif'], matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { mediaType: 'image/webp', extensions: ['webp'], matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  {
    // Office documents are ZIP containers.
    mediaType: 'application/zip',
    extensions: ['zip', 'docx', 'xlsx', 'pptx', 'hwpx'],
    matches: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]),
  },
  { mediaType: 'text/plain', extensions: ['txt', 'csv', 'log', 'md'], matches: isPlainText },
];

/** What the content of a file is, by its bytes; null when it is no accepted type. */
export function sniffMediaType(bytes: Uint8Array): string | null {
  return ACCEPTED.find((type) => type.matches(bytes))?.mediaType ?? null;
}

/** Whether the file name's extension is one the sniffed type may carry. */
export function extensionFits(filename: string, mediaType: string): boolean {
  const extension = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  return ACCEPTED.some((type) => type.mediaType === mediaType && type.extensions.includes(extension));
}

/** The extensions accepted, for messages. */
export const ACCEPTED_EXTENSIONS = ACCEPTED.flatMap((type) => type.extensions);
