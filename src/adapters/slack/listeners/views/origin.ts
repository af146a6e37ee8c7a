/**
 * Where a form was opened, carried through the modal's private_metadata so the submission can
 * be answered in context. Slack signs the submission, but the value is still parsed defensively.
 */
import type { SlackOrigin } from '../../ids.js';

/** Serialises the channel and thread of the request that opened a form. */
export function encodeOrigin(origin: SlackOrigin): string {
  return JSON.stringify({ channel: origin.channel, ...(origin.threadTs && { threadTs: origin.threadTs }) });
}

/** Reads {@link encodeOrigin}'s output; anything unexpected gives an empty origin. */
export function decodeOrigin(value: string | undefined): { channel?: string; threadTs?: string } {
  try {
    const parsed = JSON.parse(value ?? '') as { channel?: unknown; threadTs?: unknown };
    return {
      ...(typeof parsed.channel === 'string' && /^[A-Z0-9]+$/.test(parsed.channel) && { channel: parsed.channel }),
      ...(typeof parsed.threadTs === 'string' && /^\d+\.\d+$/.test(parsed.threadTs) && { threadTs: parsed.threadTs }),
    };
  } catch {
    return {};
  }
}
