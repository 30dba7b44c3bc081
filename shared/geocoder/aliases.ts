/**
 * Exonyms, Malay (Rumi) and Jawi-derived names, and colloquial names of places, kept as data.
 * `code` is the TIS-1099 code of the place meant (2 digits province, 4 amphoe, 6 tambon).
 * Every entry notes its source; add entries only with one.
 *
 * Sources:
 * - WP-TH: the English Wikipedia article on that district or province ("Malay name", "Pattani
 *   Malay" or history sections), e.g. https://en.wikipedia.org/wiki/Tak_Bai_district
 * - FIELD: Phithak field notes / issue #3 (names people use in tips: Golok, Tabal, Menara, Patani)
 * - COLLOQ: everyday Thai shortenings seen in Thai news and signage (นราฯ, โก-ลก, กทม.)
 */

/** One alias: a name as people write it and the place it means. */
export interface PlaceAlias {
  name: string;
  code: string;
  source: string;
}

/** The alias table (Thai-script and Latin-script names alike; keys are built per script). */
export const PLACE_ALIASES: readonly PlaceAlias[] = [
  // Narathiwat (96)
  { name: 'Menara', code: '96', source: 'FIELD; WP-TH Narathiwat province: Malay "Menara"' },
  { name: 'Bangnara', code: '9601', source: 'WP-TH Narathiwat: old town name Bang Nara (Malay Bangnara)' },
  { name: 'Bang Nara', code: '9601', source: 'WP-TH Narathiwat: old town name Bang Nara' },
  { name: 'นรา', code: '96', source: 'COLLOQ: short for นราธิวาส' },
  { name: 'นราฯ', code: '96', source: 'COLLOQ: short for นราธิวาส' },
  { name: 'บางนรา', code: '9601', source: 'WP-TH Narathiwat: old town name' },
  { name: 'Tabal', code: '9602', source: 'FIELD; WP-TH Tak Bai district: Malay "Tabal"' },
  { name: 'Taba', code: '9602', source: 'WP-TH Tak Bai district: border town Taba (ตาบา) ferry' },
  { name: 'ตาบา', code: '9602', source: 'WP-TH Tak Bai district: border town and ferry pier' },
  { name: 'Bacok', code: '9603', source: 'WP-TH Bacho district: Malay "Bacok"' },
  { name: 'Rusa', code: '9606', source: 'WP-TH Rueso district: Malay "Rusa"' },
  { name: 'Legeh', code: '9605', source: 'WP-TH Ra-ngae district: seat of the former Malay state of Legeh' },
  { name: 'Tanjung Mas', code: '960501', source: 'FIELD; WP-TH Ra-ngae: Tanyong Mat (ตันหยงมัส), Malay Tanjung Mas' },
  { name: 'Weng', code: '9608', source: 'WP-TH Waeng district: Malay "Weng"' },
  { name: 'Golok', code: '9610', source: 'FIELD; WP-TH Su-ngai Kolok: Malay "Sungai Golok"' },
  { name: 'Sungai Golok', code: '9610', source: 'WP-TH Su-ngai Kolok district: Malay name' },
  { name: 'Kolok', code: '9610', source: 'COLLOQ: short for Sungai Kolok (Golok), as on bus and train boards' },
  { name: 'Sungai Kolok', code: '9610', source: 'WP-TH Su-ngai Kolok district: common spelling' },
  { name: 'Sungei Golok', code: '9610', source: 'WP-TH Su-ngai Kolok district: older spelling' },
  { name: 'โกลก', code: '9610', source: 'COLLOQ: short for สุไหงโก-ลก' },
  { name: 'Sg Golok', code: '9610', source: 'COLLOQ: "Sg." is the usual Malay abbreviation of Sungai' },
  { name: 'Sg Kolok', code: '9610', source: 'COLLOQ: "Sg." is the usual Malay abbreviation of Sungai' },
  { name: 'Sungai Padi', code: '9611', source: 'WP-TH Su-ngai Padi district: Malay name' },
  // Pattani (94)
  { name: 'Patani', code: '94', source: 'FIELD; WP-TH Pattani province: Malay "Patani"' },
  { name: 'Fatoni', code: '94', source: 'WP-TH Pattani province: Jawi-derived "Fatoni"' },
  { name: 'ปาตานี', code: '94', source: 'WP-TH Pattani province: Malay name in Thai script' },
  { name: 'Penarik', code: '9404', source: 'WP-TH Panare district: Malay "Penarik"' },
  { name: 'Selindung Bayu', code: '9407', source: 'WP-TH Sai Buri district: Malay "Selindung Bayu"' },
  { name: 'Saiburi', code: '9407', source: 'WP-TH Sai Buri district: common one-word spelling' },
  { name: 'Teluban', code: '9407', source: 'WP-TH Sai Buri district: Jawi "Teluban"' },
  { name: 'Jering', code: '9409', source: 'FIELD; WP-TH Yaring district: Malay "Jering"' },
  // Yala (95)
  { name: 'Jala', code: '95', source: 'FIELD; WP-TH Yala province: Malay "Jala"' },
  { name: 'Jalor', code: '95', source: 'WP-TH Yala province: older Malay name (Kingdom of Jalor)' },
  { name: 'Bendang Setar', code: '9503', source: 'WP-TH Bannang Sata district: Malay "Bendang Setar"' },
  { name: 'Reman', code: '9506', source: 'FIELD; WP-TH Raman district: former Malay state of Reman' },
  { name: 'Jaha', code: '9505', source: 'WP-TH Yaha district: Malay "Jaha"' },
  // Songkhla (90)
  { name: 'Singgora', code: '90', source: 'FIELD; WP-TH Songkhla: Malay "Singgora"' },
  { name: 'Senggora', code: '90', source: 'FIELD; WP-TH Songkhla: Malay variant' },
  { name: 'Singora', code: '90', source: 'WP-TH Songkhla: older European spelling' },
  { name: 'Tiba', code: '9005', source: 'FIELD; WP-TH Thepha district: Malay "Tiba"' },
  { name: 'Padang Besar', code: '901007', source: 'WP-TH Sadao district: border town Padang Besar (ปาดังเบซาร์)' },
  {
    name: 'ปาดังเบซาร์',
    code: '901007',
    source: 'WP-TH Sadao district: border town Padang Besar, named alone like a town',
  },
  { name: 'Haadyai', code: '9011', source: 'COLLOQ: common romanisation of Hat Yai' },
  // Satun (91)
  { name: 'Setul', code: '91', source: 'WP-TH Satun province: Malay "Setul"' },
  // Elsewhere: names tipsters use for places people are moved to or from
  { name: 'กทม', code: '10', source: 'COLLOQ: abbreviation of กรุงเทพมหานคร' },
  { name: 'กรุงเทพ', code: '10', source: 'COLLOQ: short for กรุงเทพมหานคร' },
  { name: 'กรุงเทพฯ', code: '10', source: 'COLLOQ: short for กรุงเทพมหานคร' },
  { name: 'Krung Thep', code: '10', source: 'WP-TH Bangkok: Thai name romanised' },
  { name: 'โคราช', code: '30', source: 'COLLOQ: Khorat, Nakhon Ratchasima' },
  { name: 'Korat', code: '30', source: 'COLLOQ: Khorat, Nakhon Ratchasima' },
  { name: 'อยุธยา', code: '14', source: 'COLLOQ: short for พระนครศรีอยุธยา' },
  { name: 'Ayutthaya', code: '14', source: 'COLLOQ: short for Phra Nakhon Si Ayutthaya' },
];
