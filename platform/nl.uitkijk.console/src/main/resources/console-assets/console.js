import { api, useCsrfToken, whenSessionEnds } from './api.js';
import { setLanguage, translate, t } from './i18n.js';
import { VideoWall } from './wall.js';
import { showManagement } from './manage.js';
import { showExport } from './export.js';
import { showPlayback } from './playback.js';
import { showUsers } from './users.js';
import { showPlugins } from './plugins.js';
import { showIncidents } from './incidents.js';
import { showFigures } from './figures.js';
import { showSetup } from './setup.js';
import { showHandover } from './shift.js';
import { showCatalogue } from './catalogue.js';

/** The console's frame: sign-in, the signed-in user, navigation between its pages. */
const $ = (id) => document.getElementById(id);
const PAGES = ['wall', 'playback', 'export', 'manage', 'users', 'plugins', 'incidents', 'figures', 'setup', 'catalogue'];
let session = null;
let wall = null;

async function start() {
  document.querySelectorAll('[data-lang]').forEach((button) =>
    button.addEventListener('click', () => { setLanguage(button.dataset.lang); route(); }));
  setLanguage(localStorage.getItem('uitkijk.lang') || 'nl');
  $('sign-in').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  whenSessionEnds(() => showSignIn(t('sign.ended')));
  try {
    signedIn(await api('GET', 'session'));
  } catch (error) {
    showSignIn('');
  }
  document.body.dataset.ready = 'true'; // the page's scripts are in charge (tests wait for this)
}

async function signIn(event) {
  event.preventDefault();
  const form = new FormData($('sign-in'));
  try {
    const current = await api('POST', 'session', { user: form.get('user'), password: form.get('password') });
    signedIn(current);
    $('sign-in').reset();
    showHandover(current); // what the previous shift left, at every sign-in

  } catch (error) {
    $('sign-in-message').textContent = error.status === 401 ? t('sign.wrong') : error.message;
  }
}

async function signOut() {
  try { await api('DELETE', 'session'); } catch (error) { /* ended anyway */ }
  showSignIn('');
}

function signedIn(current) {
  session = current;
  useCsrfToken(current.csrfToken);
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  $('who').hidden = false;
  $('user').textContent = `${current.user} (${current.roles.join(', ')})`;
  document.body.dataset.roles = current.roles.join(' '); // a hint for the pages; the server decides
  // Only a hint: the server refuses camera management to anyone but an administrator.
  $('nav-manage').hidden = !current.roles.includes('admin');
  $('nav-export').hidden = !current.roles.some((role) => role === 'admin' || role === 'supervisor');
  $('nav-users').hidden = !current.roles.some((role) => role === 'admin' || role === 'supervisor');
  $('nav-plugins').hidden = !current.roles.includes('admin');
  const any = (...roles) => current.roles.some((role) => role === 'admin' || roles.includes(role));
  $('nav-incidents').hidden = !any('operator', 'supervisor', 'auditor');
  $('nav-figures').hidden = !any('supervisor', 'auditor');
  $('nav-setup').hidden = !any('supervisor');
  $('nav-catalogue').hidden = !any('procurement');
  // procurement sees no cameras: its console opens on the catalogue
  const wallless = current.roles.length > 0 && current.roles.every((role) => role === 'procurement');
  $('nav').querySelector('a[href="#wall"]').hidden = wallless;
  $('nav').querySelector('a[href="#playback"]').hidden = wallless;
  if (wallless && !location.hash.startsWith('#catalogue')) location.hash = '#catalogue';
  route();
}

function showSignIn(message) {
  session = null;
  wall?.hide();
  wall = null;
  useCsrfToken(null);
  ['nav', 'who', ...PAGES].forEach((id) => { $(id).hidden = true; });
  $('sign-in').hidden = false;
  $('sign-in-message').textContent = message;
}

function route() {
  translate(document);
  if (!session) return;
  const [name, detail] = location.hash.slice(1).split('/'); // #incidents/12: one incident
  const page = PAGES.includes(name) ? name : 'wall';
  PAGES.forEach((id) => { $(id).hidden = page !== id; });
  if (page === 'wall') {
    if (!wall) {
      wall = new VideoWall($('wall'));
      wall.show();
    }
    return;
  }
  wall?.hide();
  wall = null;
  if (page === 'manage') showManagement($('manage'));
  if (page === 'export') showExport($('export'));
  if (page === 'playback') showPlayback($('playback'));
  if (page === 'users') showUsers($('users'), session);
  if (page === 'plugins') showPlugins($('plugins'));
  if (page === 'incidents') showIncidents($('incidents'), session, detail);
  if (page === 'figures') showFigures($('figures'));
  if (page === 'setup') showSetup($('setup'));
  if (page === 'catalogue') showCatalogue($('catalogue'), session);
}

start();
