import { z } from 'zod';

/*
 * The parts of an interaction payload briefbot reads, the same from the gateway (INTERACTION_CREATE)
 * and from the HTTP endpoint. Parsed rather than cast: the HTTP body is only trusted once its
 * signature checks out, and even then a field Discord leaves out must not become a crash.
 */

interface OptionShape {
  name: string;
  type: number;
  value?: string | number | boolean | undefined;
  focused?: boolean | undefined;
  options?: OptionShape[] | undefined;
}

const option: z.ZodType<OptionShape> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(option).optional(),
  }),
);

const interactionSchema = z.object({
  id: z.string(),
  application_id: z.string(),
  type: z.number(),
  token: z.string(),
  data: z
    .object({
      name: z.string().optional(),
      options: z.array(option).optional(),
      custom_id: z.string().optional(),
    })
    .optional(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  channel: z.object({ id: z.string(), type: z.number() }).optional(),
  member: z
    .object({
      permissions: z.string().optional(),
      roles: z.array(z.string()).optional(),
      user: z.object({ id: z.string() }).optional(),
    })
    .optional(),
  user: z.object({ id: z.string() }).optional(),
  message: z.object({ id: z.string() }).optional(),
});

export type DiscordInteraction = z.infer<typeof interactionSchema>;
export type InteractionOption = OptionShape;

/** The interaction, or undefined when the payload lacks what every interaction carries. */
export function parseInteraction(value: unknown): DiscordInteraction | undefined {
  const result = interactionSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Option type of a subcommand in an interaction's `data.options`. */
export const SUBCOMMAND_OPTION_TYPE = 1;
