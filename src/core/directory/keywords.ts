// Services that name only a function ("Hébergement de mails", "visioconférence") and no
// software. A short, explicit table maps unambiguous French and English words of the service's
// name to catalogue categories. It is used only when the software is absent or unrecognised,
// the result is marked `categoryBasis: 'name'`, and categories missing from the catalogue are
// ignored (and reported by the build), so the table can never invent a need.
//
// The plainest names members give ("Mail", "Pad", "Visio", "Sondages", "Agenda partagé") are in.
// Words left out on purpose: "cloud"/"nuage" alone or "plate-forme de cloud" (a file drive? a
// full suite? a server?), "messagerie" alone (mail or chat?), "chat"/"tchat" (team chat or
// instant messaging?), brand-like names ("Drop.Infini"), "Mailman" and "mailing" (a word of
// their own, not "mail").
// Web-site hosting ("hébergement de sites web", "site statique") names the need of someone
// leaving Wix or Google Sites: a site.

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
    pattern:
      /\b(?:e ?mails?|mails?|courriels?|webmails?|courriers? electroniques?|boites? (?:aux lettres|mails?|e ?mails?)|hebergement de (?:mails?|courriels?)|hebergement courriels?|messageries? (?:e ?mails?|electroniques?))\b/,
    categories: ['email'],
  },
  {
    label: 'video conferencing',
    pattern: /\b(?:visio ?conferences?|video ?conferences?|visio|webconf|video calls?)\b/,
    categories: ['video-conference'],
  },
  {
    label: 'instant messaging',
    pattern:
      /\b(?:conversation instantanee|messagerie instantanee|discussion instantanee|instant messaging)\b/,
    categories: ['instant-messaging'],
  },
  {
    label: 'collaborative writing',
    pattern: /\b(?:pads?|ecriture collaborative|edition collaborative|traitement de texte collaboratif)\b/,
    categories: ['text-collaboration'],
  },
  {
    label: 'office suite',
    pattern: /\b(?:suite bureautique|office suite|bureautique en ligne)\b/,
    categories: ['office-suite', 'text-collaboration', 'spreadsheet', 'presentation'],
  },
  {
    label: 'large file transfer',
    pattern: /\b(?:envoi de (?:gros |grands )?fichiers|transfert de (?:gros )?fichiers|file transfer)\b/,
    categories: ['file-transfer'],
  },
  {
    label: 'file storage',
    pattern:
      /\b(?:hebergement cloud|(?:stockage|espace|disque) (?:cloud|en ligne)|cloud (?:personnel|de stockage|de fichiers)|stockage (?:en ligne|de fichiers)|espace de stockage|partage de fichiers|file storage)\b/,
    categories: ['file-storage'],
  },
  {
    label: 'online forms',
    pattern: /\b(?:questionnaires? en ligne|formulaires? en ligne|online forms?)\b/,
    categories: ['forms'],
  },
  {
    label: 'polls and scheduling',
    pattern: /\b(?:sondages?|prise de rendez vous|planification de rendez vous|polls?)\b/,
    categories: ['polls'],
  },
  {
    label: 'project boards',
    pattern: /\b(?:gestionnaire de taches|gestion de taches|kanban)\b/,
    categories: ['project-boards'],
  },
  {
    label: 'mailing lists',
    pattern: /\b(?:listes? de (?:diffusion|discussion)|mailing lists?)\b/,
    categories: ['mailing-lists'],
  },
  {
    label: 'photo sharing',
    pattern: /\b(?:partage de photos|photo sharing)\b/,
    categories: ['photo-sharing'],
  },
  {
    label: 'calendar',
    pattern: /\b(?:agendas?|calendriers? partages?)\b/,
    categories: ['calendar'],
  },
  {
    label: 'web-site hosting',
    pattern:
      /\b(?:hebergement (?:de )?sites? (?:web|internet)|hebergement web|sites? (?:web )?statiques?|web ?site hosting|web hosting)\b/,
    categories: ['website'],
  },
  {
    label: 'URL shortener',
    pattern: /\b(?:raccourcisseur d ?(?:url|adresses?|liens?)|url shortener)\b/,
    categories: ['url-shortener'],
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
