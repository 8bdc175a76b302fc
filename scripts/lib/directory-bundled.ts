// How the snapshot bundled in public/ is made: from the partial, hand-compiled mirror of the
// CHATONS directory kept in data/chatons-directory-mirror (see data/README.md, docs/directory.md).

/** The mirror's federation file, relative to the project's root. */
export const BUNDLED_FEDERATION = 'data/chatons-directory-mirror/federation/chatons.properties';

/** Where the extension reads its first-run copy. */
export const BUNDLED_OUT = 'public/directory/snapshot.json';

/** Shown to users as the copy's source, in their language: what it is, how complete, how old. */
export const BUNDLED_DESCRIPTION = {
  fr:
    "Copie partielle de l'annuaire CHATONS, compilée à la main depuis des pages publiques citées " +
    "(26 membres listés, fichier de fédération du 2026-12-01) : ce n'est pas l'annuaire complet.",
  en:
    'Partial, hand-compiled mirror of the CHATONS directory from cited public pages ' +
    '(26 listed members, federation file of 2026-12-01): not the whole directory.',
};
