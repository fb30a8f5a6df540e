/** Discord message and embed limits (discord.com developer docs, "Embed Limits"). */
export const DISCORD_LIMITS = {
  embedsPerMessage: 10,
  titleChars: 256,
  descriptionChars: 4_096,
  fieldsPerEmbed: 25,
  fieldNameChars: 256,
  fieldValueChars: 1_024,
  footerTextChars: 2_048,
  authorNameChars: 256,
  /** Title, description, field names and values, footer text and author name of every embed in a message. */
  embedCharsPerMessage: 6_000,
  contentChars: 2_000,
} as const;
