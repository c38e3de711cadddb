import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';
import { loadPage, table } from './manage.js';

/**
 * The plugin catalogue for a tender team (role procurement) and administrators: per plugin what it is, who makes it,
 * its licence, the personal data it processes, protocols and models, the security contact, the API packages it
 * needs, whether its artifacts are as the build recorded them, what it was built with (from its SBOM, with
 * licences), its conformance and what it cost while the kit ran, and whether this installation certified it (a
 * report signed with the installation's key). Read only for procurement; an administrator can certify an installed
 * plugin here. Prints as a report.
 */
export async function showCatalogue(root, session) {
  const entries = await loadPage(root, 'catalogue.title', 'catalogue.forbidden', () => api('GET', 'plugins/catalogue'));
  if (!entries) return;
  const sbom = element('a', 'sbom-link', t('catalogue.sbom'));
  sbom.href = '/api/v1/plugins/sbom';
  sbom.download = 'uitkijk-sbom.cdx.json';
  const print = element('button', 'print', t('catalogue.print'));
  print.addEventListener('click', () => window.print());
  const key = element('a', 'key-link', t('catalogue.key'));
  key.href = '/api/v1/plugins/certification-key';
  key.download = 'uitkijk-installation-key.pem';
  root.append(element('p', 'catalogue-intro', t('catalogue.intro')), sbom, key, print);
  const rows = entries.map((entry) => [
    entry.name, t(`plugins.kind.${entry.kind}`), entry.version, entry.vendor, entry.licence,
    entry.personalData.length ? entry.personalData.map((kind) => t(`catalogue.data.${kind}`)).join(', ')
      : t('catalogue.noPersonalData'),
    entry.installed ? t('plugins.installed') : t('plugins.available'),
    entry.intact ? `✓ ${t('catalogue.intact')}` : `✗ ${t('catalogue.notIntact')}`,
  ]);
  const overview = table(['plugins.name', 'plugins.kind', 'plugins.version', 'catalogue.vendor', 'catalogue.licence',
    'catalogue.personalData', 'plugins.state', 'catalogue.integrity'], rows);
  overview.classList.add('catalogue');
  [...overview.querySelectorAll('tr')].slice(1).forEach((row, index) => {
    row.dataset.plugin = entries[index].name;
    row.dataset.intact = entries[index].intact;
  });
  root.append(overview);
  root.append(comparison(entries.filter((entry) => entry.kind === 'driver' && entry.installed)));
  const admin = session?.roles.includes('admin');
  for (const entry of entries) root.append(details(entry, admin ? () => certify(root, session, entry) : null));
}

/** Prints one plugin's report alone: the tender report a supplier's offer is judged on. */
function printSection(section) {
  document.body.classList.add('print-one');
  section.classList.add('printing');
  const done = () => {
    document.body.classList.remove('print-one');
    section.classList.remove('printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** Runs the plugin's conformance kit in this installation (an administrator's button), then shows the result. */
async function certify(root, session, entry) {
  const section = root.querySelector(`section.plugin-report[data-plugin="${entry.name}"]`);
  const status = section.querySelector('.certify-status');
  status.textContent = t('catalogue.certifying');
  try {
    await api('POST', `plugins/catalogue/${encodeURIComponent(entry.name)}/certification`);
    await showCatalogue(root, session);
  } catch (error) {
    status.textContent = error.message;
    status.setAttribute('role', 'alert');
  }
}

/** The installed camera drivers side by side, for a tender's comparison. */
function comparison(drivers) {
  const part = element('section', 'driver-comparison');
  part.append(element('h3', '', t('catalogue.compare')));
  const rows = [
    ['catalogue.vendor', (d) => d.vendor], ['catalogue.licence', (d) => d.licence],
    ['catalogue.protocols', (d) => d.protocols.join(', ')],
    ['catalogue.models', (d) => d.models.join(', ') || t('catalogue.anyModel')],
    ['catalogue.personalData', (d) => personalData(d)],
    ['catalogue.conformance', (d) => conformanceLine(d)],
    ['catalogue.resources', (d) => resourcesLine(d)],
    ['catalogue.api', (d) => apiLine(d)],
    ['catalogue.certification', (d) => certificationLine(d)],
    ['catalogue.integrity', (d) => (d.intact ? `✓ ${t('catalogue.intact')}` : `✗ ${t('catalogue.notIntact')}`)],
  ];
  const grid = element('table', 'comparison');
  const head = element('tr');
  head.append(element('th'), ...drivers.map((d) => element('th', '', d.name.replace('uitkijk-driver-', ''))));
  grid.append(head);
  for (const [key, value] of rows) {
    const line = element('tr');
    line.append(element('th', '', t(key)), ...drivers.map((d) => element('td', '', value(d))));
    grid.append(line);
  }
  part.append(grid);
  return part;
}

function personalData(entry) {
  return entry.personalData.length ? entry.personalData.map((kind) => t(`catalogue.data.${kind}`)).join(', ')
    : t('catalogue.noPersonalData');
}

function conformanceLine(entry) {
  const report = entry.conformance;
  if (!report) return t('catalogue.noConformance');
  const passed = report.checks.filter((c) => c.result === 'passed').length;
  const failed = report.checks.filter((c) => c.result === 'failed').length;
  const source = t(entry.conformanceSource === 'installation' ? 'catalogue.byInstallation' : 'catalogue.byBuild');
  return `${report.passed ? '✓' : '✗'} ${passed} ${t('catalogue.passed')}, ${failed} ${t('catalogue.failed')}, `
    + `${report.checks.length - passed - failed} ${t('catalogue.notApplicable')} (${report.kit}, `
    + `${report.at.slice(0, 10)}, ${source})`;
}

/** What the plugin cost while its kit ran, each figure with its unit in words. */
function resourcesLine(entry) {
  const measured = entry.conformance?.measured ?? {};
  const names = Object.keys(measured).filter((name) => typeof measured[name] === 'number' && name !== 'units');
  if (names.length === 0) return t('catalogue.notMeasured');
  return names.map((name) => `${known(`catalogue.measure.${name}`, name)}: ${measured[name].toLocaleString()}`)
    .join('; ') + (measured.per ? ` (${known(`catalogue.unit.${measured.per}`, measured.per)})` : '');
}

/** A figure's or unit's name in the console's language, or as the report has it when the console has no word. */
function known(key, raw) {
  return t(key) === key ? raw : t(key);
}

/** Whether the API this installation runs gives the plugin what it was built against (semantic versioning). */
function apiLine(entry) {
  return entry.apiCompatible ? `✓ ${t('catalogue.apiCompatible')}`
    : `✗ ${t('catalogue.apiUnmet')}: ${entry.apiUnmet.join('; ')}`;
}

function certificationLine(entry) {
  const c = entry.certification;
  if (!c) return t('catalogue.notCertified');
  if (!c.intact) return `✗ ${t('catalogue.signatureBroken')}`;
  return `${c.passed ? '✓' : '✗'} ${t(c.passed ? 'catalogue.certified' : 'catalogue.certifiedFailed')} `
    + `${c.at.slice(0, 10)} (${t('catalogue.keyShort')} ${c.keyFingerprint.slice(0, 16)}…)`;
}

/** One plugin as a tender report section. */
function details(entry, certifyAction) {
  const part = element('section', 'plugin-report');
  part.dataset.plugin = entry.name;
  part.append(element('h3', '', `${entry.name} ${entry.version}`), element('p', 'summary', entry.summary ?? ''));
  const facts = element('dl');
  const fact = (key, value) => facts.append(element('dt', '', t(key)), element('dd', '', value || '—'));
  fact('catalogue.vendor', entry.vendor);
  fact('catalogue.licence', entry.licence);
  fact('catalogue.personalData', personalData(entry));
  fact('catalogue.protocols', entry.protocols.join(', '));
  fact('catalogue.models', entry.models.join(', ') || t('catalogue.anyModel'));
  fact('catalogue.security', entry.securityContact);
  fact('catalogue.api', `${entry.apiPackages.join('; ')} — ${apiLine(entry)}`);
  fact('catalogue.conformance', conformanceLine(entry));
  fact('catalogue.resources', resourcesLine(entry));
  fact('catalogue.certification', certificationLine(entry));
  // what the DPIA gains when it is installed: the personal data, and that a designation must permit it
  fact('catalogue.dpia', entry.personalData.length ? t('catalogue.dpiaEntry').replace('{data}', personalData(entry))
    .replace('{kind}', t(`plugins.kind.${entry.kind}`)) : t('catalogue.dpiaNone'));
  fact('catalogue.integrity', entry.artifacts.map((a) => `${a.verified ? '✓' : '✗'} ${a.location} `
    + `(SHA-256 ${a.actualSha256 ?? '?'})`).join('; '));
  part.append(facts);
  const printOne = element('button', 'print-one', t('catalogue.printOne'));
  printOne.addEventListener('click', () => printSection(part));
  part.append(printOne);
  if (certifyAction && entry.installed) {
    const button = element('button', 'certify', t('catalogue.certify'));
    button.addEventListener('click', () => {
      button.disabled = true;
      certifyAction();
    });
    part.append(button, element('span', 'certify-status'));
  }
  if (!entry.metadataDeclared) part.append(element('p', 'warning', t('catalogue.noMetadata')));
  if (entry.components.length) {
    part.append(element('h4', '', t('catalogue.components')));
    part.append(table(['catalogue.component', 'plugins.version', 'catalogue.licence'],
      entry.components.map((c) => [c.name, c.version, c.licences.join(', ') || '?'])));
  }
  return part;
}
