// Files attached to a case (investigation records, photos, scanned letters): which types are taken.
// Pure data, shared by the API, which enforces it, and the web console, which offers it.

export interface AttachmentType {
  extensions: readonly string[];
  /** The first bytes every such file starts with; none for plain text. */
  magic?: readonly number[];
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const ATTACHMENT_TYPES: Record<string, AttachmentType> = {
  'application/pdf': { extensions: ['.pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  'image/jpeg': { extensions: ['.jpg', '.jpeg'], magic: [0xff, 0xd8, 0xff] },
  'image/png': { extensions: ['.png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  'application/msword': { extensions: ['.doc'], magic: OLE },
  'application/vnd.ms-excel': { extensions: ['.xls'], magic: OLE },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['.docx'], magic: ZIP },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['.xlsx'], magic: ZIP },
  'text/plain': { extensions: ['.txt'] },
};

export const ATTACHMENT_CONTENT_TYPES = Object.keys(ATTACHMENT_TYPES);

/** The content type a file name implies, when its extension is one we take. */
export function contentTypeFor(fileName: string): string | undefined {
  const lower = fileName.toLowerCase();
  return ATTACHMENT_CONTENT_TYPES.find((t) => ATTACHMENT_TYPES[t]!.extensions.some((e) => lower.endsWith(e)));
}
