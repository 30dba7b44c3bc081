/** Bilingual labels for the contract's tip taxonomy (shared/types.ts TIP_CATEGORIES). */
import { TIP_CATEGORIES, type TipCategory } from '../../shared/types.js';

export const CATEGORY_LABELS: Record<TipCategory, string> = {
  labour_exploitation: 'Labour exploitation · แรงงานถูกเอาเปรียบ',
  sexual_exploitation: 'Sexual exploitation · แสวงประโยชน์ทางเพศ',
  child_labour: 'Child labour · แรงงานเด็ก',
  forced_begging: 'Forced begging · บังคับขอทาน',
  forced_fishing: 'Forced work on fishing boats · บังคับทำงานประมง',
  debt_bondage: 'Debt bondage · ขัดหนี้/หนี้พันธนาการ',
  document_confiscation: 'Documents taken away · ถูกยึดเอกสาร',
  cross_border_movement: 'Moving people across the border · การพาคนข้ามแดน',
  other: 'Other / not sure · อื่น ๆ / ไม่แน่ใจ',
};

/** The categories in contract order with their labels, for a `<select>`. */
export const CATEGORY_OPTIONS = TIP_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }));
