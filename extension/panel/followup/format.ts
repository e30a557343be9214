/** Compact dates for the Follow-up tab (the notification texts use `shared/followup/messages`). */
import { isoWeekday } from '../../../shared/followup/time';

type Lang = 'zh-CN' | 'en';

const WD_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WD_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `YYYY-MM-DD` → "Mon 23 Nov" / "11月23日 周一"; without the weekday: "23 Nov" / "11月23日". */
export function dayLabel(day: string, lang: Lang, weekday = true): string {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  const wd = isoWeekday(day) - 1;
  if (lang === 'en') return weekday ? `${WD_EN[wd]} ${d} ${MON_EN[m - 1]}` : `${d} ${MON_EN[m - 1]}`;
  return weekday ? `${m}月${d}日 周${WD_ZH[wd]}` : `${m}月${d}日`;
}
