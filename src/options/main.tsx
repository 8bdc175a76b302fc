import { render } from 'preact';
import '../ui/styles.css';
import { labelDocument } from '../ui/i18n';
import { Options } from './Options';

labelDocument('optionsPageTitle');
const root = document.getElementById('app');
if (root) render(<Options hash={location.hash} />, root);
