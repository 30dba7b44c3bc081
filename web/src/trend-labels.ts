/** Bilingual words for the hotspot engine's trend classes (field notes: crime-analysis practice). */
const TREND_LABELS: Record<string, string> = {
  new: 'new · ใหม่',
  intensifying: 'intensifying · รุนแรงขึ้น',
  persistent: 'persistent · ต่อเนื่อง',
  diminishing: 'diminishing · ลดลง',
};

/** The label for a trend, or the raw value for a class this app does not know yet. */
export function trendLabel(trend: string): string {
  return TREND_LABELS[trend] ?? trend;
}
