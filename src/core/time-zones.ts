// "Did you mean ...?" for time zones: common city names (Hà Nội, Saigon, Delhi) and close spellings of IANA names.
import { closest } from './commands/suggest.js';

/**
 * Longer than any IANA name (the longest, America/Argentina/ComodRivadavia, has 32 characters) or any
 * city below; anything longer is refused before any search, so one pasted paragraph costs nothing.
 */
export const MAX_ZONE_INPUT_LENGTH = 64;

/** How far in length a candidate may be from the input and still be a typo of it (the edit tolerance). */
const MAX_LENGTH_GAP = 3;

/**
 * Cities members type whose zone is named after another city, or whose name they write differently.
 * Keys are folded (see `fold`): lower case, no diacritics, `đ` as `d`, single spaces.
 */
const CITY_ZONES: Readonly<Record<string, string>> = {
  // Việt Nam: one zone for the whole country, named after Ho Chi Minh City.
  'ha noi': 'Asia/Ho_Chi_Minh', hanoi: 'Asia/Ho_Chi_Minh',
  'ho chi minh': 'Asia/Ho_Chi_Minh', hochiminh: 'Asia/Ho_Chi_Minh', 'ho chi minh city': 'Asia/Ho_Chi_Minh',
  'tp ho chi minh': 'Asia/Ho_Chi_Minh', 'thanh pho ho chi minh': 'Asia/Ho_Chi_Minh',
  hcm: 'Asia/Ho_Chi_Minh', hcmc: 'Asia/Ho_Chi_Minh', 'tp hcm': 'Asia/Ho_Chi_Minh', tphcm: 'Asia/Ho_Chi_Minh',
  saigon: 'Asia/Ho_Chi_Minh', 'sai gon': 'Asia/Ho_Chi_Minh',
  'da nang': 'Asia/Ho_Chi_Minh', danang: 'Asia/Ho_Chi_Minh', 'hai phong': 'Asia/Ho_Chi_Minh', haiphong: 'Asia/Ho_Chi_Minh',
  'can tho': 'Asia/Ho_Chi_Minh', hue: 'Asia/Ho_Chi_Minh', 'nha trang': 'Asia/Ho_Chi_Minh', 'da lat': 'Asia/Ho_Chi_Minh',
  'vung tau': 'Asia/Ho_Chi_Minh', 'viet nam': 'Asia/Ho_Chi_Minh', vietnam: 'Asia/Ho_Chi_Minh',
  // Elsewhere in Asia and Oceania.
  beijing: 'Asia/Shanghai', peking: 'Asia/Shanghai', shenzhen: 'Asia/Shanghai', guangzhou: 'Asia/Shanghai',
  delhi: 'Asia/Kolkata', 'new delhi': 'Asia/Kolkata', mumbai: 'Asia/Kolkata', bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata', chennai: 'Asia/Kolkata', calcutta: 'Asia/Kolkata',
  osaka: 'Asia/Tokyo', kyoto: 'Asia/Tokyo', busan: 'Asia/Seoul', 'phnom penh': 'Asia/Phnom_Penh',
  canberra: 'Australia/Sydney', wellington: 'Pacific/Auckland',
  // Europe.
  munich: 'Europe/Berlin', frankfurt: 'Europe/Berlin', hamburg: 'Europe/Berlin', cologne: 'Europe/Berlin',
  geneva: 'Europe/Zurich', milan: 'Europe/Rome', barcelona: 'Europe/Madrid', manchester: 'Europe/London',
  edinburgh: 'Europe/London', 'the hague': 'Europe/Amsterdam', rotterdam: 'Europe/Amsterdam', kiev: 'Europe/Kyiv',
  // The Americas.
  washington: 'America/New_York', 'washington dc': 'America/New_York', boston: 'America/New_York',
  philadelphia: 'America/New_York', miami: 'America/New_York', atlanta: 'America/New_York',
  'san francisco': 'America/Los_Angeles', seattle: 'America/Los_Angeles', 'san jose': 'America/Los_Angeles',
  portland: 'America/Los_Angeles', 'las vegas': 'America/Los_Angeles',
  houston: 'America/Chicago', dallas: 'America/Chicago', austin: 'America/Chicago', montreal: 'America/Toronto',
  'rio de janeiro': 'America/Sao_Paulo', 'sao paulo': 'America/Sao_Paulo',
};

/** "Sài Gòn" → "sai gon", "Hà_Nội" → "ha noi", "Đà Nẵng" → "da nang". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[\s_.\-,]+/gu, ' ')
    .trim();
}

// ICU still lists some zones under their old names; suggest the names in use today.
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Asia/Calcutta': 'Asia/Kolkata', 'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Rangoon': 'Asia/Yangon', 'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
};

let zoneList: readonly string[] | undefined;
const zones = (): readonly string[] =>
  (zoneList ??= [...new Set(Intl.supportedValuesOf('timeZone').map((zone) => CURRENT_NAMES[zone] ?? zone))]);
const cityOf = (zone: string): string => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

/** Only candidates near the input's length can be within the edit tolerance; prefixes count too. */
function near(input: string, candidates: readonly string[]): string[] {
  const lower = input.toLowerCase();
  return candidates.filter((c) => Math.abs(c.length - input.length) <= MAX_LENGTH_GAP || c.toLowerCase().startsWith(lower));
}

/**
 * The zone a member most plausibly meant by `raw`, which is not a zone name itself: a city from the
 * table above (`Hanoi`, `Sài Gòn` → Asia/Ho_Chi_Minh), then a close spelling of a zone's full name or
 * of its city (`Europe/Berln`, `London`), then a close spelling of a city in the table (`Hannoi`).
 * Input longer than MAX_ZONE_INPUT_LENGTH gets no suggestion and no search.
 */
export function suggestTimeZone(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '' || text.length > MAX_ZONE_INPUT_LENGTH) return undefined;
  const folded = fold(text);
  const listed = CITY_ZONES[folded];
  if (listed) return listed;

  const byName = closest(text, near(text, zones()));
  if (byName) return byName;
  const city = closest(text.replace(/_/g, ' '), near(text, zones().map(cityOf)));
  if (city !== undefined) return zones().find((z) => cityOf(z) === city);
  const nearCity = closest(folded, near(folded, Object.keys(CITY_ZONES)));
  return nearCity === undefined ? undefined : CITY_ZONES[nearCity];
}
