/**
 * Reads a unit's "Suggested resources": groups (Books, Websites, Magazine, …) with their entries.
 * Websites come either as a two-column table or as a line with the address followed by a line
 * describing it; both become "www.example.com — what it is".
 */
import type { Topic } from '../types.js';
import { tableCells, type Block } from './blocks.js';

const isAddress = (text: string) => /^(?:www\.|https?:)\S+$/.test(text);
const isGroupHeading = (text: string) =>
  text.length <= 40 && /^[A-Z]/.test(text) && !/[.:;,!?]$/.test(text) && !/–|ISBN|www\.|https?:/.test(text);

/** Groups the resource blocks; an entry before any heading goes under "Resources". */
export function parseResources(blocks: Block[]): Topic[] {
  const groups: Topic[] = [];
  let pendingAddress: { group: Topic; index: number } | null = null;
  const current = () => {
    if (groups.length === 0) groups.push({ topic: 'Resources', items: [] });
    return groups.at(-1)!;
  };
  const add = (item: string) => current().items.push(item);
  for (const block of blocks) {
    if (block.kind === 'table') {
      for (const { cells } of tableCells(block)) {
        const filled = cells.filter(Boolean);
        if (filled.length > 0) add(filled.join(' — '));
      }
      pendingAddress = null;
    } else if (block.kind === 'list') {
      block.items.forEach(add);
      pendingAddress = null;
    } else if (isAddress(block.text)) {
      add(block.text);
      pendingAddress = { group: current(), index: current().items.length - 1 };
    } else if (pendingAddress) {
      pendingAddress.group.items[pendingAddress.index] += ` — ${block.text}`;
      pendingAddress = null;
    } else if (isGroupHeading(block.text)) {
      groups.push({ topic: block.text, items: [] });
    } else {
      add(block.text);
    }
  }
  return groups.filter((group) => group.items.length > 0);
}
