// Which reader a letter to convert needs, from its file name and its first bytes: a Word document,
// a web page, or plain text. The content decides when the name does not say (a download without an
// extension, a .txt that is really HTML).

export type InputKind = 'docx' | 'html' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const HTML_START = /^\s*(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i;

export function inputKind(name: string, bytes: Uint8Array): InputKind {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const zip = ZIP.every((byte, i) => bytes[i] === byte);
  if (extension === 'docx' || zip) return 'docx';
  if (extension === 'html' || extension === 'htm') return 'html';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
  return HTML_START.test(head) ? 'html' : 'text';
}
