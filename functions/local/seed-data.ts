import type { TipCategory } from '../../shared/types.js';

/**
 * Deterministic demo data: clusters of tips around real places in Narathiwat, a few
 * scattered tips, and volunteers near them. Coordinates are public town centres
 * (approximate); the stories are invented.
 */
export interface DemoCluster {
  place: string;
  centre: { lat: number; lon: number };
  count: number;
  categories: TipCategory[];
  text: string;
}

export const DEMO_CLUSTERS: DemoCluster[] = [
  {
    place: 'Sungai Kolok town',
    centre: { lat: 6.0297, lon: 101.9668 },
    count: 9,
    categories: ['sexual_exploitation', 'cross_border_movement', 'document_confiscation'],
    text: 'มีผู้หญิงต่างชาติถูกยึดพาสปอร์ตทำงานในร้านคาราโอเกะ',
  },
  {
    place: 'Che He, Tak Bai',
    centre: { lat: 6.2561, lon: 102.0503 },
    count: 7,
    categories: ['forced_fishing', 'labour_exploitation', 'debt_bondage'],
    text: 'ลูกเรือประมงถูกบังคับทำงานไม่ได้รับค่าจ้าง',
  },
  {
    place: 'Bang Nak, Mueang Narathiwat',
    centre: { lat: 6.4255, lon: 101.8231 },
    count: 6,
    categories: ['child_labour', 'forced_begging', 'labour_exploitation'],
    text: 'เด็กถูกพามาขอทานที่ตลาดทุกเช้า',
  },
  {
    place: 'Tanyong Mat, Rangae',
    centre: { lat: 6.2961, lon: 101.7283 },
    count: 5,
    categories: ['labour_exploitation', 'debt_bondage'],
    text: 'แรงงานในสวนยางถูกหักค่าจ้างชำระหนี้ไม่สิ้นสุด',
  },
];

/** Tips away from any cluster: they stay noise on the map. */
export const DEMO_SCATTERED: Array<{ address: string; category: TipCategory; text: string }> = [
  { address: 'ต.ปาเสมัส อ.สุไหงโก-ลก จ.นราธิวาส', category: 'other', text: 'เห็นรถตู้รับคนข้ามแดนตอนกลางคืน' },
  { address: 'ต.บาเจาะ อ.บาเจาะ จ.นราธิวาส', category: 'labour_exploitation', text: 'คนงานก่อสร้างไม่ได้ออกจากที่พัก' },
  { address: 'ต.ศรีสาคร อ.ศรีสาคร จ.นราธิวาส', category: 'document_confiscation', text: 'นายจ้างเก็บบัตรของคนงานไว้' },
  {
    address: 'Sukhirin, Narathiwat',
    category: 'cross_border_movement',
    text: 'Vans crossing the river at night with many young people',
  },
  { address: 'Waeng, Narathiwat', category: 'other', text: 'Ada orang asing tinggal di rumah kosong' },
];

export const DEMO_VOLUNTEERS = [
  {
    name: 'อาสา สุไหงโกลก 1',
    phone: '081 000 0101',
    location: { lat: 6.035, lon: 101.975 },
    radiusKm: 5,
    language: 'th',
  },
  {
    name: 'Aminah (Golok)',
    phone: '+66 81 000 0102',
    location: { lat: 6.02, lon: 101.95 },
    radiusKm: 8,
    language: 'ms',
  },
  { name: 'อาสา ตากใบ', phone: '0810000103', location: { lat: 6.26, lon: 102.04 }, radiusKm: 6, language: 'th' },
  { name: 'อาสา บางนาค', phone: '081-000-0104', location: { lat: 6.43, lon: 101.81 }, radiusKm: 5, language: 'th' },
  {
    name: 'Coordinator desk',
    phone: '+66 81 000 0105',
    location: { lat: 6.42, lon: 101.82 },
    radiusKm: 40,
    language: 'en',
  },
  { name: 'อาสา ระแงะ', phone: '081 000 0106', location: { lat: 6.3, lon: 101.73 }, radiusKm: 4, language: 'th' },
] as const;
