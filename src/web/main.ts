import './styles.css';
import { loadCatalog } from './catalog';
import { renderLibrary } from './library';

const main = document.getElementById('main')!;
const catalog = loadCatalog();
document.getElementById('app-loading')?.remove();
main.append(renderLibrary(catalog));
