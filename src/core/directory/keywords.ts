// Services that name only a function ("Hébergement de mails", "visioconférence") and no
// software. A short, explicit table maps unambiguous French and English words of the service's
// name to catalogue categories. It is used only when the software is absent or unrecognised,
// the result is marked `categoryBasis: 'name'`, and categories missing from the catalogue are
// ignored (and reported by the build), so the table can never invent a need.
//
// Words left out on purpose: "cloud"/"nuage" alone (a file drive? a full suite? a server?),
// "pad" alone (Etherpad is recognised by its software name), brand-like names ("Drop.Infini").

import { foldPlaceName } from '../regions';

export interface FunctionKeyword {
  /** What the words mean, for the build report and the docs. */
  label: string;
  /** Matched against the service name lower-cased, without accents, hyphens as spaces. */
  pattern: RegExp;
  /** Catalogue category ids. */
  categories: readonly string[];
}

export const FUNCTION_KEYWORDS: readonly FunctionKeyword[] = [
  {
    label: 'e-mail',
    pattern: /\b(?:e ?mails?|courriels?|webmail|boites? (?:aux lettres|mails?|e ?mails?)|hebergement de (?:mails?|courriels?)|messagerie (?:e ?mail|electronique))\b/,
    categories: ['email'],
  },
  {
    label: 'video call',
    pattern: /\b(?:visio ?conferences?|video ?conferences?|visio|webconf|video calls?)\b/,
    categories: ['video-call'],
  },
  {
    label: 'instant messaging',
    pattern: /\b(?:conversation instantanee|messagerie instantanee|discussion instantanee|tchat|instant messaging)\b/,
    categories: ['chat'],
  },
  {
    label: 'office suite',
    pattern: /\b(?:suite bureautique|office suite|bureautique en ligne)\b/,
    categories: ['documents', 'spreadsheets', 'presentations'],
  },
  {
    label: 'large file transfer',
    pattern: /\b(?:envoi de (?:gros |grands )?fichiers|transfert de (?:gros )?fichiers|file transfer)\b/,
    categories: ['file-transfer'],
  },
  {
    label: 'online forms',
    pattern: /\b(?:questionnaires? en ligne|formulaires? en ligne|online forms?)\b/,
    categories: ['forms'],
  },
  {
    label: 'date polls',
    pattern: /\b(?:sondages? de dates?|prise de rendez vous|planification de rendez vous)\b/,
    categories: ['scheduling'],
  },
  {
    label: 'task boards',
    pattern: /\b(?:gestionnaire de taches|gestion de taches|kanban)\b/,
    categories: ['task-board'],
  },
];

/** Categories the keyword table gives a service name (before filtering by the catalogue). */
export function categoriesFromName(name: string): string[] {
  const folded = foldPlaceName(name.slice(0, 300));
  const out = new Set<string>();
  for (const keyword of FUNCTION_KEYWORDS) {
    if (keyword.pattern.test(folded)) for (const c of keyword.categories) out.add(c);
  }
  return [...out];
}
