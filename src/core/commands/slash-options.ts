/**
 * Slash-command options derived from a command's zod schema, so platform menus and validation
 * can never disagree. Adapters map these neutral options to Slack usage hints and Discord options.
 */
import { z } from 'zod';
import type { CommandDefinition } from './types.js';

/** A platform-neutral description of one option. */
export interface SlashOption {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'boolean';
  required: boolean;
  minValue?: number;
  maxValue?: number;
  maxLength?: number;
  choices?: string[];
}

interface JsonSchemaProperty {
  type?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  enum?: unknown[];
}

/**
 * Lists a command's options, required ones first (Discord requires that order).
 * @example slashOptions(quizCommand) // [{ name: 'unit', type: 'integer', minValue: 1, maxValue: 11, … }]
 */
export function slashOptions(command: CommandDefinition): SlashOption[] {
  const schema = z.toJSONSchema(command.options, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  const options = Object.entries(schema.properties ?? {}).map(([name, property]): SlashOption => {
    const type = property.type === 'integer' || property.type === 'number' ? 'integer' : property.type === 'boolean' ? 'boolean' : 'string';
    return {
      name,
      description: (property.description ?? name).slice(0, 100),
      type,
      required: required.has(name),
      ...(property.minimum !== undefined && { minValue: property.minimum }),
      ...(property.maximum !== undefined && { maxValue: property.maximum }),
      ...(property.maxLength !== undefined && { maxLength: property.maxLength }),
      ...(property.enum && { choices: property.enum.map(String) }),
    };
  });
  return options.sort((a, b) => Number(b.required) - Number(a.required));
}
