// Places Matou knows by name: French régions and départements, countries that matter to
// French speakers, and every ISO 3166-1 alpha-2 code. Pure data, no runtime dependency.
//
// Region codes: the team contract uses the 2016 three-letter ISO 3166-2:FR codes (FR-ARA…,
// FR-COR for Corse, FR-GUA/MTQ/GUF/LRE/MAY overseas). ISO 3166-2:FR has since changed Corse
// to FR-20R and coded the overseas regions with their alpha-2 codes (FR-GP, FR-MQ, FR-GF,
// FR-RE, FR-YT); `parseRegion` accepts those as aliases (see REGION_ALIASES).

import type { LocalizedText } from '../catalogue/types';

export interface FrenchRegion {
  /** Without the `FR-` prefix: `ARA`, `BRE`, `LRE`… */
  code: string;
  name: LocalizedText;
  overseas: boolean;
}

export interface Departement {
  /** INSEE code: `01`…`95`, `2A`, `2B`, `971`…`976` (no 975: Saint-Pierre-et-Miquelon is not a département). */
  code: string;
  name: string;
  /** Region code without the `FR-` prefix. */
  region: string;
  /** The département's chef-lieu, used only to read free-text addresses. */
  prefecture: string;
}

export const FRENCH_REGIONS: readonly FrenchRegion[] = [
  { code: 'ARA', name: { fr: 'Auvergne-Rhône-Alpes', en: 'Auvergne-Rhône-Alpes' }, overseas: false },
  { code: 'BFC', name: { fr: 'Bourgogne-Franche-Comté', en: 'Bourgogne-Franche-Comté' }, overseas: false },
  { code: 'BRE', name: { fr: 'Bretagne', en: 'Brittany' }, overseas: false },
  { code: 'CVL', name: { fr: 'Centre-Val de Loire', en: 'Centre-Val de Loire' }, overseas: false },
  { code: 'COR', name: { fr: 'Corse', en: 'Corsica' }, overseas: false },
  { code: 'GES', name: { fr: 'Grand Est', en: 'Grand Est' }, overseas: false },
  { code: 'HDF', name: { fr: 'Hauts-de-France', en: 'Hauts-de-France' }, overseas: false },
  { code: 'IDF', name: { fr: 'Île-de-France', en: 'Île-de-France' }, overseas: false },
  { code: 'NOR', name: { fr: 'Normandie', en: 'Normandy' }, overseas: false },
  { code: 'NAQ', name: { fr: 'Nouvelle-Aquitaine', en: 'Nouvelle-Aquitaine' }, overseas: false },
  { code: 'OCC', name: { fr: 'Occitanie', en: 'Occitania' }, overseas: false },
  { code: 'PDL', name: { fr: 'Pays de la Loire', en: 'Pays de la Loire' }, overseas: false },
  {
    code: 'PAC',
    name: { fr: "Provence-Alpes-Côte d'Azur", en: "Provence-Alpes-Côte d'Azur" },
    overseas: false,
  },
  { code: 'GUA', name: { fr: 'Guadeloupe', en: 'Guadeloupe' }, overseas: true },
  { code: 'MTQ', name: { fr: 'Martinique', en: 'Martinique' }, overseas: true },
  { code: 'GUF', name: { fr: 'Guyane', en: 'French Guiana' }, overseas: true },
  { code: 'LRE', name: { fr: 'La Réunion', en: 'Réunion' }, overseas: true },
  { code: 'MAY', name: { fr: 'Mayotte', en: 'Mayotte' }, overseas: true },
];

export const DEPARTEMENTS: readonly Departement[] = [
  { code: '01', name: 'Ain', region: 'ARA', prefecture: 'Bourg-en-Bresse' },
  { code: '02', name: 'Aisne', region: 'HDF', prefecture: 'Laon' },
  { code: '03', name: 'Allier', region: 'ARA', prefecture: 'Moulins' },
  { code: '04', name: 'Alpes-de-Haute-Provence', region: 'PAC', prefecture: 'Digne-les-Bains' },
  { code: '05', name: 'Hautes-Alpes', region: 'PAC', prefecture: 'Gap' },
  { code: '06', name: 'Alpes-Maritimes', region: 'PAC', prefecture: 'Nice' },
  { code: '07', name: 'Ardèche', region: 'ARA', prefecture: 'Privas' },
  { code: '08', name: 'Ardennes', region: 'GES', prefecture: 'Charleville-Mézières' },
  { code: '09', name: 'Ariège', region: 'OCC', prefecture: 'Foix' },
  { code: '10', name: 'Aube', region: 'GES', prefecture: 'Troyes' },
  { code: '11', name: 'Aude', region: 'OCC', prefecture: 'Carcassonne' },
  { code: '12', name: 'Aveyron', region: 'OCC', prefecture: 'Rodez' },
  { code: '13', name: 'Bouches-du-Rhône', region: 'PAC', prefecture: 'Marseille' },
  { code: '14', name: 'Calvados', region: 'NOR', prefecture: 'Caen' },
  { code: '15', name: 'Cantal', region: 'ARA', prefecture: 'Aurillac' },
  { code: '16', name: 'Charente', region: 'NAQ', prefecture: 'Angoulême' },
  { code: '17', name: 'Charente-Maritime', region: 'NAQ', prefecture: 'La Rochelle' },
  { code: '18', name: 'Cher', region: 'CVL', prefecture: 'Bourges' },
  { code: '19', name: 'Corrèze', region: 'NAQ', prefecture: 'Tulle' },
  { code: '2A', name: 'Corse-du-Sud', region: 'COR', prefecture: 'Ajaccio' },
  { code: '2B', name: 'Haute-Corse', region: 'COR', prefecture: 'Bastia' },
  { code: '21', name: "Côte-d'Or", region: 'BFC', prefecture: 'Dijon' },
  { code: '22', name: "Côtes-d'Armor", region: 'BRE', prefecture: 'Saint-Brieuc' },
  { code: '23', name: 'Creuse', region: 'NAQ', prefecture: 'Guéret' },
  { code: '24', name: 'Dordogne', region: 'NAQ', prefecture: 'Périgueux' },
  { code: '25', name: 'Doubs', region: 'BFC', prefecture: 'Besançon' },
  { code: '26', name: 'Drôme', region: 'ARA', prefecture: 'Valence' },
  { code: '27', name: 'Eure', region: 'NOR', prefecture: 'Évreux' },
  { code: '28', name: 'Eure-et-Loir', region: 'CVL', prefecture: 'Chartres' },
  { code: '29', name: 'Finistère', region: 'BRE', prefecture: 'Quimper' },
  { code: '30', name: 'Gard', region: 'OCC', prefecture: 'Nîmes' },
  { code: '31', name: 'Haute-Garonne', region: 'OCC', prefecture: 'Toulouse' },
  { code: '32', name: 'Gers', region: 'OCC', prefecture: 'Auch' },
  { code: '33', name: 'Gironde', region: 'NAQ', prefecture: 'Bordeaux' },
  { code: '34', name: 'Hérault', region: 'OCC', prefecture: 'Montpellier' },
  { code: '35', name: 'Ille-et-Vilaine', region: 'BRE', prefecture: 'Rennes' },
  { code: '36', name: 'Indre', region: 'CVL', prefecture: 'Châteauroux' },
  { code: '37', name: 'Indre-et-Loire', region: 'CVL', prefecture: 'Tours' },
  { code: '38', name: 'Isère', region: 'ARA', prefecture: 'Grenoble' },
  { code: '39', name: 'Jura', region: 'BFC', prefecture: 'Lons-le-Saunier' },
  { code: '40', name: 'Landes', region: 'NAQ', prefecture: 'Mont-de-Marsan' },
  { code: '41', name: 'Loir-et-Cher', region: 'CVL', prefecture: 'Blois' },
  { code: '42', name: 'Loire', region: 'ARA', prefecture: 'Saint-Étienne' },
  { code: '43', name: 'Haute-Loire', region: 'ARA', prefecture: 'Le Puy-en-Velay' },
  { code: '44', name: 'Loire-Atlantique', region: 'PDL', prefecture: 'Nantes' },
  { code: '45', name: 'Loiret', region: 'CVL', prefecture: 'Orléans' },
  { code: '46', name: 'Lot', region: 'OCC', prefecture: 'Cahors' },
  { code: '47', name: 'Lot-et-Garonne', region: 'NAQ', prefecture: 'Agen' },
  { code: '48', name: 'Lozère', region: 'OCC', prefecture: 'Mende' },
  { code: '49', name: 'Maine-et-Loire', region: 'PDL', prefecture: 'Angers' },
  { code: '50', name: 'Manche', region: 'NOR', prefecture: 'Saint-Lô' },
  { code: '51', name: 'Marne', region: 'GES', prefecture: 'Châlons-en-Champagne' },
  { code: '52', name: 'Haute-Marne', region: 'GES', prefecture: 'Chaumont' },
  { code: '53', name: 'Mayenne', region: 'PDL', prefecture: 'Laval' },
  { code: '54', name: 'Meurthe-et-Moselle', region: 'GES', prefecture: 'Nancy' },
  { code: '55', name: 'Meuse', region: 'GES', prefecture: 'Bar-le-Duc' },
  { code: '56', name: 'Morbihan', region: 'BRE', prefecture: 'Vannes' },
  { code: '57', name: 'Moselle', region: 'GES', prefecture: 'Metz' },
  { code: '58', name: 'Nièvre', region: 'BFC', prefecture: 'Nevers' },
  { code: '59', name: 'Nord', region: 'HDF', prefecture: 'Lille' },
  { code: '60', name: 'Oise', region: 'HDF', prefecture: 'Beauvais' },
  { code: '61', name: 'Orne', region: 'NOR', prefecture: 'Alençon' },
  { code: '62', name: 'Pas-de-Calais', region: 'HDF', prefecture: 'Arras' },
  { code: '63', name: 'Puy-de-Dôme', region: 'ARA', prefecture: 'Clermont-Ferrand' },
  { code: '64', name: 'Pyrénées-Atlantiques', region: 'NAQ', prefecture: 'Pau' },
  { code: '65', name: 'Hautes-Pyrénées', region: 'OCC', prefecture: 'Tarbes' },
  { code: '66', name: 'Pyrénées-Orientales', region: 'OCC', prefecture: 'Perpignan' },
  { code: '67', name: 'Bas-Rhin', region: 'GES', prefecture: 'Strasbourg' },
  { code: '68', name: 'Haut-Rhin', region: 'GES', prefecture: 'Colmar' },
  { code: '69', name: 'Rhône', region: 'ARA', prefecture: 'Lyon' },
  { code: '70', name: 'Haute-Saône', region: 'BFC', prefecture: 'Vesoul' },
  { code: '71', name: 'Saône-et-Loire', region: 'BFC', prefecture: 'Mâcon' },
  { code: '72', name: 'Sarthe', region: 'PDL', prefecture: 'Le Mans' },
  { code: '73', name: 'Savoie', region: 'ARA', prefecture: 'Chambéry' },
  { code: '74', name: 'Haute-Savoie', region: 'ARA', prefecture: 'Annecy' },
  { code: '75', name: 'Paris', region: 'IDF', prefecture: 'Paris' },
  { code: '76', name: 'Seine-Maritime', region: 'NOR', prefecture: 'Rouen' },
  { code: '77', name: 'Seine-et-Marne', region: 'IDF', prefecture: 'Melun' },
  { code: '78', name: 'Yvelines', region: 'IDF', prefecture: 'Versailles' },
  { code: '79', name: 'Deux-Sèvres', region: 'NAQ', prefecture: 'Niort' },
  { code: '80', name: 'Somme', region: 'HDF', prefecture: 'Amiens' },
  { code: '81', name: 'Tarn', region: 'OCC', prefecture: 'Albi' },
  { code: '82', name: 'Tarn-et-Garonne', region: 'OCC', prefecture: 'Montauban' },
  { code: '83', name: 'Var', region: 'PAC', prefecture: 'Toulon' },
  { code: '84', name: 'Vaucluse', region: 'PAC', prefecture: 'Avignon' },
  { code: '85', name: 'Vendée', region: 'PDL', prefecture: 'La Roche-sur-Yon' },
  { code: '86', name: 'Vienne', region: 'NAQ', prefecture: 'Poitiers' },
  { code: '87', name: 'Haute-Vienne', region: 'NAQ', prefecture: 'Limoges' },
  { code: '88', name: 'Vosges', region: 'GES', prefecture: 'Épinal' },
  { code: '89', name: 'Yonne', region: 'BFC', prefecture: 'Auxerre' },
  { code: '90', name: 'Territoire de Belfort', region: 'BFC', prefecture: 'Belfort' },
  { code: '91', name: 'Essonne', region: 'IDF', prefecture: 'Évry-Courcouronnes' },
  { code: '92', name: 'Hauts-de-Seine', region: 'IDF', prefecture: 'Nanterre' },
  { code: '93', name: 'Seine-Saint-Denis', region: 'IDF', prefecture: 'Bobigny' },
  { code: '94', name: 'Val-de-Marne', region: 'IDF', prefecture: 'Créteil' },
  { code: '95', name: "Val-d'Oise", region: 'IDF', prefecture: 'Cergy' },
  { code: '971', name: 'Guadeloupe', region: 'GUA', prefecture: 'Basse-Terre' },
  { code: '972', name: 'Martinique', region: 'MTQ', prefecture: 'Fort-de-France' },
  { code: '973', name: 'Guyane', region: 'GUF', prefecture: 'Cayenne' },
  { code: '974', name: 'La Réunion', region: 'LRE', prefecture: 'Saint-Denis' },
  { code: '976', name: 'Mayotte', region: 'MAY', prefecture: 'Mamoudzou' },
];

/**
 * Regions before the 2016 merger, still common in addresses ("Alsace", "Picardie").
 * Each lies wholly inside one current region, so the mapping is exact.
 */
export const FORMER_REGIONS: Readonly<Record<string, string>> = {
  Alsace: 'GES',
  Lorraine: 'GES',
  'Champagne-Ardenne': 'GES',
  Aquitaine: 'NAQ',
  Limousin: 'NAQ',
  'Poitou-Charentes': 'NAQ',
  'Languedoc-Roussillon': 'OCC',
  'Midi-Pyrénées': 'OCC',
  Auvergne: 'ARA',
  'Rhône-Alpes': 'ARA',
  Bourgogne: 'BFC',
  'Franche-Comté': 'BFC',
  'Basse-Normandie': 'NOR',
  'Haute-Normandie': 'NOR',
  'Nord-Pas-de-Calais': 'HDF',
  Picardie: 'HDF',
  PACA: 'PAC',
  Réunion: 'LRE',
};

/**
 * Alpha-2 codes of French overseas départements: ISO gives each its own country code too.
 * A host or a user that says `RE` is in the French département 974.
 */
export const OVERSEAS_ALPHA2: Readonly<Record<string, string>> = {
  GP: '971',
  MQ: '972',
  GF: '973',
  RE: '974',
  YT: '976',
};

/** Current ISO 3166-2:FR spellings accepted for the contract's codes. */
export const REGION_ALIASES: Readonly<Record<string, string>> = {
  'FR-20R': 'FR-COR',
  'FR-GP': 'FR-GUA',
  'FR-MQ': 'FR-MTQ',
  'FR-GF': 'FR-GUF',
  'FR-RE': 'FR-LRE',
  'FR-YT': 'FR-MAY',
  'FR-69M': 'FR-69', // Métropole de Lyon, inside the Rhône postal area
  'FR-75C': 'FR-75', // Ville de Paris
};

export interface Country {
  code: string;
  name: LocalizedText;
}

/**
 * Countries listed first in the region picker: where French is spoken, and France's
 * neighbours where CHATONS-like hosts exist. Any other ISO code still works (ISO_ALPHA2).
 */
export const COUNTRIES: readonly Country[] = [
  { code: 'FR', name: { fr: 'France', en: 'France' } },
  { code: 'BE', name: { fr: 'Belgique', en: 'Belgium' } },
  { code: 'CH', name: { fr: 'Suisse', en: 'Switzerland' } },
  { code: 'LU', name: { fr: 'Luxembourg', en: 'Luxembourg' } },
  { code: 'CA', name: { fr: 'Canada', en: 'Canada' } },
  { code: 'MC', name: { fr: 'Monaco', en: 'Monaco' } },
  { code: 'AD', name: { fr: 'Andorre', en: 'Andorra' } },
  { code: 'DE', name: { fr: 'Allemagne', en: 'Germany' } },
  { code: 'ES', name: { fr: 'Espagne', en: 'Spain' } },
  { code: 'IT', name: { fr: 'Italie', en: 'Italy' } },
  { code: 'NL', name: { fr: 'Pays-Bas', en: 'Netherlands' } },
  { code: 'GB', name: { fr: 'Royaume-Uni', en: 'United Kingdom' } },
  { code: 'PT', name: { fr: 'Portugal', en: 'Portugal' } },
  { code: 'US', name: { fr: 'États-Unis', en: 'United States' } },
  { code: 'MA', name: { fr: 'Maroc', en: 'Morocco' } },
  { code: 'DZ', name: { fr: 'Algérie', en: 'Algeria' } },
  { code: 'TN', name: { fr: 'Tunisie', en: 'Tunisia' } },
  { code: 'SN', name: { fr: 'Sénégal', en: 'Senegal' } },
  { code: 'CI', name: { fr: "Côte d'Ivoire", en: "Côte d'Ivoire" } },
  { code: 'CM', name: { fr: 'Cameroun', en: 'Cameroon' } },
  { code: 'CD', name: { fr: 'République démocratique du Congo', en: 'Democratic Republic of the Congo' } },
  { code: 'BF', name: { fr: 'Burkina Faso', en: 'Burkina Faso' } },
  { code: 'ML', name: { fr: 'Mali', en: 'Mali' } },
  { code: 'BJ', name: { fr: 'Bénin', en: 'Benin' } },
  { code: 'MG', name: { fr: 'Madagascar', en: 'Madagascar' } },
  { code: 'HT', name: { fr: 'Haïti', en: 'Haiti' } },
  { code: 'NC', name: { fr: 'Nouvelle-Calédonie', en: 'New Caledonia' } },
  { code: 'PF', name: { fr: 'Polynésie française', en: 'French Polynesia' } },
  { code: 'PM', name: { fr: 'Saint-Pierre-et-Miquelon', en: 'Saint Pierre and Miquelon' } },
  { code: 'WF', name: { fr: 'Wallis-et-Futuna', en: 'Wallis and Futuna' } },
  { code: 'BL', name: { fr: 'Saint-Barthélemy', en: 'Saint Barthélemy' } },
  { code: 'MF', name: { fr: 'Saint-Martin', en: 'Saint Martin' } },
];

/** Every officially assigned ISO 3166-1 alpha-2 code (249). */
export const ISO_ALPHA2: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
    'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
    'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
    'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
    'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
    'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
    'VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** Country names as hosts write them in `organization.country.name` (compared without accents or case). */
export const COUNTRY_NAME_ALIASES: Readonly<Record<string, string>> = {
  france: 'FR',
  belgique: 'BE',
  belgium: 'BE',
  suisse: 'CH',
  switzerland: 'CH',
  luxembourg: 'LU',
  canada: 'CA',
  quebec: 'CA',
  monaco: 'MC',
  andorre: 'AD',
  allemagne: 'DE',
  germany: 'DE',
  espagne: 'ES',
  italie: 'IT',
  'pays-bas': 'NL',
};

/** Time zones that tell the country (or the French overseas département) on their own. */
export const TIME_ZONE_REGIONS: Readonly<Record<string, string>> = {
  'Europe/Paris': 'FR',
  'Europe/Brussels': 'BE',
  'Europe/Zurich': 'CH',
  'Europe/Luxembourg': 'LU',
  'Europe/Monaco': 'MC',
  'Europe/Andorra': 'AD',
  'Europe/Berlin': 'DE',
  'Europe/Madrid': 'ES',
  'Europe/Rome': 'IT',
  'Europe/Amsterdam': 'NL',
  'Europe/London': 'GB',
  'Europe/Lisbon': 'PT',
  'America/Guadeloupe': 'FR-971',
  'America/Martinique': 'FR-972',
  'America/Cayenne': 'FR-973',
  'Indian/Reunion': 'FR-974',
  'Indian/Mayotte': 'FR-976',
  'America/Miquelon': 'PM',
  'America/St_Barthelemy': 'BL',
  'America/Marigot': 'MF',
  'Pacific/Noumea': 'NC',
  'Pacific/Tahiti': 'PF',
  'Pacific/Marquesas': 'PF',
  'Pacific/Gambier': 'PF',
  'Pacific/Wallis': 'WF',
  'America/Montreal': 'CA',
  'America/Toronto': 'CA',
  'America/Vancouver': 'CA',
  'America/Edmonton': 'CA',
  'America/Winnipeg': 'CA',
  'America/Regina': 'CA',
  'America/Halifax': 'CA',
  'America/Moncton': 'CA',
  'America/St_Johns': 'CA',
  'America/Glace_Bay': 'CA',
  'America/Goose_Bay': 'CA',
  'America/Blanc-Sablon': 'CA',
  'America/Iqaluit': 'CA',
  'America/Whitehorse': 'CA',
  'America/Yellowknife': 'CA',
  'America/Swift_Current': 'CA',
  'America/Thunder_Bay': 'CA',
  'America/Nipigon': 'CA',
  'America/Rainy_River': 'CA',
  'America/Atikokan': 'CA',
  'America/Rankin_Inlet': 'CA',
  'America/Dawson_Creek': 'CA',
  'America/Port-au-Prince': 'HT',
  'Africa/Casablanca': 'MA',
  'Africa/Algiers': 'DZ',
  'Africa/Tunis': 'TN',
  'Africa/Dakar': 'SN',
  'Africa/Abidjan': 'CI',
  'Africa/Douala': 'CM',
  'Africa/Kinshasa': 'CD',
  'Africa/Lubumbashi': 'CD',
  'Africa/Ouagadougou': 'BF',
  'Africa/Bamako': 'ML',
  'Africa/Porto-Novo': 'BJ',
  'Indian/Antananarivo': 'MG',
};
