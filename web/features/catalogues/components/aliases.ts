/** `M3, m³ ; M3` → `['M3', 'm³']`: split on commas, semicolons or lines; trimmed; no repeats. */
export function parseAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
