/**
 * Which lines count in the totals. A plain line always counts. An optional line counts only when
 * `chosen`. Lines sharing a `group` are alternatives: exactly one of them is the group's pick,
 * the chosen one, else the first of the group in the quote's order (so a fresh quote shows its
 * first alternative priced). Two chosen in one group is an error, not a guess. A line that is
 * both in a group and optional counts only if it is the pick and chosen, which is how "A or B or
 * neither" is written. An empty group name is no group.
 */
import { PricingError } from './errors.ts';
import type { LineInput } from '../types.ts';

/** A line's group, or null; `''` is treated as no group. */
export function groupOf(line: Pick<LineInput, 'group'>): string | null {
  return line.group ? line.group : null;
}

/**
 * One flag per line: whether it counts.
 *
 * @example
 * selectCounted([
 *   { sku: 'ZINK', quantity: 12000, group: 'rende' },
 *   { sku: 'PVC', quantity: 12000, group: 'rende', chosen: true },
 *   { sku: 'LØVFANG', quantity: 4000, optional: true },
 * ]) // [false, true, false]
 */
export function selectCounted(lines: readonly Pick<LineInput, 'group' | 'optional' | 'chosen'>[]): boolean[] {
  const pick = new Map<string, { index: number; chosen: boolean }>();
  lines.forEach((line, index) => {
    const group = groupOf(line);
    if (group === null) return;
    const chosen = line.chosen === true;
    const current = pick.get(group);
    if (!current) pick.set(group, { index, chosen });
    else if (chosen && current.chosen) throw new PricingError('several_chosen', { line: index, group });
    else if (chosen) pick.set(group, { index, chosen });
  });
  return lines.map((line, index) => {
    const group = groupOf(line);
    const picked = group === null || pick.get(group)!.index === index;
    const wanted = line.optional !== true || line.chosen === true;
    return picked && wanted;
  });
}
