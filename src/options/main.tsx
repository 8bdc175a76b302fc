import { render } from 'preact';
import '../ui/styles.css';
import { labelDocument } from '../ui/i18n';
import { Options } from './Options';

labelDocument('optionsPageTitle');
const root = document.getElementById('app');
// The correction form (#correct?…), a migration guide (#guide?…, one view per guide) and the
// settings are views of this page: a new Options is mounted when the hash moves from one to
// another (links between them stay in the page).
const view = (): string =>
  location.hash.startsWith('#correct')
    ? 'correct'
    : location.hash.startsWith('#guide?')
      ? location.hash
      : 'settings';
let shown = view();
if (root) render(<Options key={shown} hash={location.hash} />, root);
addEventListener('hashchange', () => {
  if (!root || view() === shown) return;
  shown = view();
  render(<Options key={shown} hash={location.hash} />, root);
  if (shown !== 'settings') scrollTo(0, 0);
  else labelDocument('optionsPageTitle');
});
