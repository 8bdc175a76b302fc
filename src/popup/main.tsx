import { render } from 'preact';
import '../ui/styles.css';
import { labelDocument } from '../ui/i18n';
import { activeTabId } from '../platform/pages';
import { Popup } from './Popup';

// Tests and "open in a tab" pass the tab to show as ?tab=<id>; otherwise the active tab.
async function tabToShow(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : activeTabId();
}

labelDocument('popupPageTitle');
document.documentElement.classList.add('in-popup');
const root = document.getElementById('app');
if (root) render(<Popup tabId={tabToShow()} />, root);
