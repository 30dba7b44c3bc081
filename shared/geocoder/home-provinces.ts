/**
 * The southern border provinces Phithak serves (Narathiwat, Pattani, Yala, Songkhla): when
 * names tie, places here are preferred, and their short district names may stand alone.
 */
export const HOME_PROVINCES: ReadonlySet<string> = new Set(['96', '94', '95', '90']);
