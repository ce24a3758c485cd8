/** ISO 8601 in UTC with milliseconds, formatted by the database so that both drivers give the same text. */
export const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
