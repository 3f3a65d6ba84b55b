import type { CheckMemory } from '../../check-memory.ts';
import { addressParts } from '../household-layout.ts';

/** The plan's villages by folded name, and by their number alone ("3" for "Thôn 3"). */
export function villageIndex(villages: readonly string[], memory: CheckMemory): Map<string, string> {
  const index = new Map<string, string>();
  for (const v of villages) {
    index.set(memory.foldName(v), v);
    const n = /(\d+)$/.exec(memory.foldName(v));
    if (n) index.set(n[1] as string, v);
  }
  return index;
}

/** The plan's village a cell names: the whole text, else a part of an address ("Thôn 3, xã Xuân Hoà"). */
export function villageOf(villages: ReadonlyMap<string, string>, text: string, memory: CheckMemory): string | null {
  const whole = villages.get(memory.foldName(text));
  if (whole !== undefined) return whole;
  if (!/[,;]|\s[-–]\s/.test(text)) return null;
  for (const part of addressParts(text)) {
    if (!/\p{L}/u.test(part)) continue; // "5" alone is no village ("Thôn 5" is)
    const found = villages.get(memory.foldName(part));
    if (found !== undefined) return found;
  }
  return null;
}
