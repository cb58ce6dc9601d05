/**
 * Formats a date as the server sends ApiDateTime: local time in the portal's offset with seven fraction digits,
 * e.g. `2025-01-01T10:00:00.0000000+03:00`.
 */
export function formatApiDate(date: Date, offsetMinutes: number): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const iso = shifted.toISOString(); // 2025-01-01T07:00:00.000Z in shifted wall-clock time
  const fraction = `${iso.slice(20, 23)}0000`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${iso.slice(0, 19)}.${fraction}${sign}${hh}:${mm}`;
}
