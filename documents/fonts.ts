// The typefaces of a written notice. GB/T 9704 asks for 仿宋 (body) and 小标宋 (title); DESIGN.md §7
// lets a freely licensed CJK font stand in: Noto Serif SC (SIL Open Font License), which ships as
// TTF files inside an npm package, so it installs offline with everything else.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const FILES = {
  body: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  title: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

export type Face = keyof typeof FILES;

const loaded = new Map<Face, Buffer>();

/** The font file's bytes, read once per process (each is about 15 MB; PDFs embed only the glyphs used). */
export function fontBytes(face: Face): Buffer {
  let bytes = loaded.get(face);
  if (!bytes) {
    bytes = fs.readFileSync(require.resolve(FILES[face]));
    loaded.set(face, bytes);
  }
  return bytes;
}
