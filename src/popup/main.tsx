// First import on purpose: it asks the background for the tab's state before anything else runs.
import { firstState, tabId } from './early';
import { render } from 'preact';
import '../ui/styles.css';
import { labelDocument } from '../ui/i18n';
import { Popup } from './Popup';

labelDocument('popupPageTitle');
document.documentElement.classList.add('in-popup');
const root = document.getElementById('app');
if (root) render(<Popup tabId={tabId} state={firstState} />, root);
