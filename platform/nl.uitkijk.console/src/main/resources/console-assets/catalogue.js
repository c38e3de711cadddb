import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';
import { loadPage, table } from './manage.js';

/**
 * The plugin catalogue for a tender team (role procurement) and administrators: per plugin what it is, who makes it,
 * its licence, the personal data it processes, protocols and models, the security contact, the API packages it
 * needs, whether its artifacts are as the build recorded them, and what it was built with (from its SBOM, with
 * licences). Read only; prints as a report.
 */
export async function showCatalogue(root) {
  const entries = await loadPage(root, 'catalogue.title', 'catalogue.forbidden', () => api('GET', 'plugins/catalogue'));
  if (!entries) return;
  const sbom = element('a', 'sbom-link', t('catalogue.sbom'));
  sbom.href = '/api/v1/plugins/sbom';
  sbom.download = 'uitkijk-sbom.cdx.json';
  const print = element('button', 'print', t('catalogue.print'));
  print.addEventListener('click', () => window.print());
  root.append(element('p', 'catalogue-intro', t('catalogue.intro')), sbom, print);
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
  for (const entry of entries) root.append(details(entry));
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
  return `${report.passed ? '✓' : '✗'} ${passed} ${t('catalogue.passed')}, ${failed} ${t('catalogue.failed')}, `
    + `${report.checks.length - passed - failed} ${t('catalogue.notApplicable')} (${report.kit}, ${report.at.slice(0, 10)})`;
}

/** One plugin as a tender report section. */
function details(entry) {
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
  fact('catalogue.api', entry.apiPackages.join('; '));
  fact('catalogue.conformance', conformanceLine(entry));
  // what the DPIA gains when it is installed: the personal data, and that a designation must permit it
  fact('catalogue.dpia', entry.personalData.length ? t('catalogue.dpiaEntry').replace('{data}', personalData(entry))
    .replace('{kind}', t(`plugins.kind.${entry.kind}`)) : t('catalogue.dpiaNone'));
  fact('catalogue.integrity', entry.artifacts.map((a) => `${a.verified ? '✓' : '✗'} ${a.location} `
    + `(SHA-256 ${a.actualSha256 ?? '?'})`).join('; '));
  part.append(facts);
  if (!entry.metadataDeclared) part.append(element('p', 'warning', t('catalogue.noMetadata')));
  if (entry.components.length) {
    part.append(element('h4', '', t('catalogue.components')));
    part.append(table(['catalogue.component', 'plugins.version', 'catalogue.licence'],
      entry.components.map((c) => [c.name, c.version, c.licences.join(', ') || '?'])));
  }
  return part;
}
