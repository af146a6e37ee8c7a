/**
 * Where a form was opened, carried through the modal's private_metadata so the submission can
 * be answered in context. Slack signs the submission, but the value is still parsed defensively.
 */
import type { SlackOrigin } from '../../ids.js';

/** A command option typed before the form opened ("/review sms:" carries channel: "sms"). */
type CarriedValue = string | number | boolean;

/**
 * Serialises the channel and thread of the request that opened a form, and the command's other
 * options already given, so the submission runs with them.
 */
export function encodeOrigin(origin: SlackOrigin, options: Record<string, unknown> = {}): string {
  const carried = primitives(options);
  return JSON.stringify({
    channel: origin.channel,
    ...(origin.threadTs && { threadTs: origin.threadTs }),
    ...(Object.keys(carried).length > 0 && { options: carried }),
  });
}

/**
 * Reads {@link encodeOrigin}'s output; anything unexpected gives an empty origin. Carried options
 * are only plain values: the command's own schema validates them again when it runs.
 */
export function decodeOrigin(value: string | undefined): { channel?: string; threadTs?: string; options: Record<string, CarriedValue> } {
  try {
    const parsed = JSON.parse(value ?? '') as { channel?: unknown; threadTs?: unknown; options?: unknown };
    return {
      ...(typeof parsed.channel === 'string' && /^[A-Z0-9]+$/.test(parsed.channel) && { channel: parsed.channel }),
      ...(typeof parsed.threadTs === 'string' && /^\d+\.\d+$/.test(parsed.threadTs) && { threadTs: parsed.threadTs }),
      options: typeof parsed.options === 'object' && parsed.options !== null ? primitives(parsed.options as Record<string, unknown>) : {},
    };
  } catch {
    return { options: {} };
  }
}

function primitives(options: Record<string, unknown>): Record<string, CarriedValue> {
  const kept: Record<string, CarriedValue> = {};
  for (const [name, value] of Object.entries(options)) {
    if (/^[a-z][\w-]{0,40}$/i.test(name) && (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== ''))) {
      kept[name] = value;
    }
  }
  return kept;
}
