// The auditor dashboard: reads the auditor endpoints of /api/v1 with the signed-in auditor's token.
// No inline script or style (the page's Content-Security-Policy forbids both): every element is built
// here with the DOM API, every style comes from app.css.
import * as echarts from '../webjars/echarts/dist/echarts.esm.min.js';
import { translate } from './i18n.js';

const API = '../api/v1';
const TOKEN_KEY = 'pasar.auditor.token';
const LANG_KEY = 'pasar.auditor.lang';
const PAGES = ['sellers', 'listings', 'decisions', 'exposure', 'access'];

const state = {
  lang: sessionStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id',
  token: sessionStorage.getItem(TOKEN_KEY),
  data: {},          // the last answer of each page, for re-rendering in the other language
  verification: null,
  decisions: { items: [], nextCursor: null },
  access: { items: [], nextCursor: null },
  charts: {},
};

const $ = (id) => document.getElementById(id);
const t = (key, values) => translate(state.lang, key, values);

// ---- formatting -------------------------------------------------------------------------

function locale() {
  return state.lang === 'en' ? 'en-GB' : 'id-ID';
}
function formatCount(value) {
  return value === null || value === undefined ? t('noData') : new Intl.NumberFormat(locale()).format(value);
}
function formatShare(value) {
  return value === null || value === undefined ? t('noData')
    : new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}
function formatTime(value) {
  if (!value) {
    return t('noData');
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Jakarta' })
    .format(new Date(value));
}
function jakartaDate(date) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date);
}

// ---- the DOM ------------------------------------------------------------------------------

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name === 'className') {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of [].concat(children)) {
    if (child !== null && child !== undefined) {
      node.append(child);
    }
  }
  return node;
}

/** A figure: dt and dd, with the API's raw value in data-value for checking. */
function figures(container, prefix, entries) {
  container.replaceChildren(...entries.map(([key, value, format]) => el('div', {}, [
    el('dt', { text: t(key) }),
    el('dd', { 'data-figure': `${prefix}.${key}`, 'data-value': value === null ? '' : String(value), text: format(value) }),
  ])));
}

/**
 * Fills a table under its caption: columns [{key, num}], rows {key, cells: [{text, value, className}]}.
 */
function fillTable(table, columns, rows) {
  const caption = table.querySelector('caption');
  const head = el('thead', {}, el('tr', {}, columns.map((column) => el('th', {
    scope: 'col', className: column.num ? 'num' : null, text: t(column.key),
  }))));
  const body = el('tbody', {}, rows.length === 0
    ? el('tr', {}, el('td', { colspan: columns.length, text: t('noEntries') }))
    : rows.map((row) => el('tr', { 'data-key': row.key }, row.cells.map((cell, i) => el(i === 0 ? 'th' : 'td', {
      scope: i === 0 ? 'row' : null,
      className: [columns[i].num ? 'num' : '', cell.className || ''].join(' ').trim() || null,
      'data-value': cell.value === undefined ? null : (cell.value === null ? '' : String(cell.value)),
      title: cell.title || null,
      text: cell.text,
    })))));
  table.replaceChildren(caption, head, body);
}

function announce(message) {
  $('status').textContent = message;
}

function applyTranslations() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of document.querySelectorAll('[data-i18n-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  }
  $('lang').setAttribute('lang', state.lang === 'en' ? 'id' : 'en');
}

// ---- the API ------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status) {
    super(`HTTP ${status}`);
    this.status = status;
  }
}

async function call(path, accept = 'application/json') {
  const response = await fetch(`${API}${path}`, {
    headers: { Authorization: `Bearer ${state.token}`, Accept: accept, 'Accept-Language': state.lang },
    cache: 'no-store',
  });
  if (response.status === 401) {
    signOut(t('sessionEnded'));
    throw new ApiError(401);
  }
  if (!response.ok) {
    throw new ApiError(response.status);
  }
  return response;
}

async function json(path) {
  return (await call(path)).json();
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function period() {
  return { from: $('from').value, to: $('to').value };
}

// ---- sign-in ------------------------------------------------------------------------------

function rolesOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).roles || [];
  } catch (e) {
    return [];
  }
}

async function signIn(event) {
  event.preventDefault();
  const error = $('signin-error');
  error.textContent = '';
  let response;
  try {
    response = await fetch(`${API}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': state.lang },
      body: JSON.stringify({ email: $('email').value.trim(), password: $('password').value }),
    });
  } catch (e) {
    error.textContent = t('networkError');
    return;
  }
  if (!response.ok) {
    error.textContent = t(response.status === 429 ? 'tooMany' : 'badCredentials');
    return;
  }
  const token = (await response.json()).accessToken;
  const roles = rolesOf(token);
  if (!roles.includes('AUDITOR') && !roles.includes('ADMIN')) {
    error.textContent = t('notAuditor');
    return;
  }
  state.token = token;
  sessionStorage.setItem(TOKEN_KEY, token);
  $('password').value = '';
  showApp();
}

function signOut(message) {
  state.token = null;
  state.data = {};
  state.verification = null;
  sessionStorage.removeItem(TOKEN_KEY);
  $('app-view').hidden = true;
  $('signout').hidden = true;
  $('signin-view').hidden = false;
  $('signin-error').textContent = message || '';
  $('email').focus();
}

function showApp() {
  $('signin-view').hidden = true;
  $('app-view').hidden = false;
  $('signout').hidden = false;
  if (!location.hash || !PAGES.includes(location.hash.slice(1))) {
    history.replaceState(null, '', '#sellers');
  }
  route();
}

// ---- pages ----------------------------------------------------------------------------------

function currentPage() {
  const page = location.hash.slice(1);
  return PAGES.includes(page) ? page : 'sellers';
}

async function route() {
  if (!state.token) {
    return;
  }
  const page = currentPage();
  for (const name of PAGES) {
    $(`page-${name}`).hidden = name !== page;
  }
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.page === page) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  await load(page);
}

async function load(page, force = false) {
  $('load-error').textContent = '';
  document.body.dataset.loading = page;
  try {
    if (force || !state.data[page]) {
      state.data[page] = await LOADERS[page]();
    }
    RENDERERS[page](state.data[page]);
    announce(t('loaded'));
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) {
      $('load-error').textContent = t('loadFailed', { status: e instanceof ApiError ? e.status : e.message });
    }
  } finally {
    delete document.body.dataset.loading;
    document.body.dataset.loaded = page;
  }
}

const LOADERS = {
  sellers: () => json(`/compliance/reports/sellers${query(period())}`),
  listings: async () => {
    const [report, ruleSets] = await Promise.all([
      json(`/compliance/reports/listings${query(period())}`),
      json('/compliance/rule-sets'),
    ]);
    return { report, ruleSets };
  },
  decisions: async () => {
    state.decisions = await json(`/compliance/decisions${query({ ...period(), ...decisionFilter(), size: 50 })}`);
    return state.decisions;
  },
  exposure: () => json(`/compliance/reports/exposure${query(period())}`),
  access: async () => {
    state.access = await json(`/compliance/reports/data-access${query({ ...period(), ...accessFilter(), size: 50 })}`);
    return state.access;
  },
};

function countRows(map) {
  return Object.entries(map || {}).map(([key, value]) => ({
    key, cells: [{ text: key }, { text: formatCount(value), value }],
  }));
}

function renderSellers(report) {
  figures($('sellers-figures'), 'sellers', [
    ['totalSellers', report.totalSellers, formatCount],
    ['verifiedSellers', report.verifiedSellers, formatCount],
    ['verifiedShare', report.verifiedShare, formatShare],
    ['rejectedApplications', report.rejectedApplications, formatCount],
    ['rejectedCrossBorder', report.rejectedCrossBorder, formatCount],
    ['revokedSellers', report.revokedSellers, formatCount],
  ]);
  fillTable($('sellers-by-document'), [{ key: 'documentType' }, { key: 'sellers', num: true }],
    countRows(report.byDocumentType));
  fillTable($('sellers-by-class'), [{ key: 'umkmClass' }, { key: 'sellers', num: true }], countRows(report.byUmkmClass));
  fillTable($('sellers-by-province'), [{ key: 'province' }, { key: 'sellers', num: true }],
    report.byProvince.map((row) => ({
      key: row.provinceCode,
      cells: [{ text: `${row.provinceName} (${row.provinceCode})` }, { text: formatCount(row.sellers), value: row.sellers }],
    })));
}

function renderListings({ report, ruleSets }) {
  const withoutPass = report.publishedWithoutPass;
  const box = $('without-pass-box');
  box.classList.toggle('alarm', withoutPass > 0);
  $('without-pass').textContent = formatCount(withoutPass);
  $('without-pass').dataset.value = withoutPass;
  $('without-pass-note').textContent = t(withoutPass > 0 ? 'withoutPassAlarm' : 'withoutPassOk');
  figures($('listings-figures'), 'listings', [
    ['publishedNow', report.publishedNow, formatCount],
    ['checks', report.checks, formatCount],
    ['passed', report.passed, formatCount],
    ['rejected', report.rejected, formatCount],
  ]);
  fillTable($('listings-by-reason'), [{ key: 'reason' }, { key: 'count', num: true }], countRows(report.byReason));
  const active = (ruleSets.items || []).find((item) => item.active);
  figures($('ruleset-figures'), 'ruleSet', [
    ['activeRuleSet', report.activeRuleSetVersion, (v) => v || t('noData')],
    ['effectiveFrom', active ? active.effectiveFrom : null, formatTime],
  ]);
  const recheck = report.recheck;
  const progress = $('recheck-progress');
  if (recheck && recheck.state === 'DONE') {
    progress.value = 1;
  } else {
    progress.removeAttribute('value');
  }
  progress.dataset.state = recheck ? recheck.state : '';
  $('recheck-text').textContent = recheck
    ? t(recheck.state === 'DONE' ? 'recheckDone' : 'recheckRunning', {
      checked: formatCount(recheck.checked), suspended: formatCount(recheck.suspended), version: recheck.ruleSetVersion,
    })
    : t('noData');
  $('ruleset-rules').replaceChildren(...(active ? active.rules : []).map((rule) => el('li', {}, [
    el('code', { text: rule.code }), ` ${rule.description}`,
  ])));
}

function renderVerification() {
  const box = $('verification');
  const result = state.verification;
  if (!result) {
    box.replaceChildren();
    return;
  }
  const list = el('dl', { className: 'figures compact' });
  figures(list, 'verification', [
    ['result', result.valid, (v) => t(v ? 'valid' : 'invalid')],
    ['entries', result.entries, formatCount],
    ['firstBrokenSequence', result.firstBrokenSequence, (v) => (v === null ? t('none') : formatCount(v))],
  ]);
  list.querySelector('[data-figure="verification.result"]').className = result.valid ? 'result-ok' : 'result-bad';
  const head = el('p', {}, [el('strong', { text: `${t('headHash')}: ` }),
    el('span', { id: 'head-hash', className: 'hash', 'data-value': result.headHash || '', text: result.headHash || t('noData') })]);
  box.replaceChildren(list, head);
}

async function verify() {
  const button = $('verify');
  button.disabled = true;
  $('verification').replaceChildren(el('p', { text: t('verifying') }));
  try {
    state.verification = await json('/compliance/decisions/verification');
    renderVerification();
    announce(`${t('verificationTitle')}: ${t(state.verification.valid ? 'valid' : 'invalid')}`);
  } catch (e) {
    $('verification').replaceChildren(el('p', { className: 'error', text: t('loadFailed', { status: e.status || e.message }) }));
  } finally {
    button.disabled = false;
  }
}

function decisionFilter() {
  return { subjectType: $('subject-type').value, outcome: $('outcome').value };
}

function renderDecisions(page) {
  renderVerification();
  fillTable($('decisions-table'), [{ key: 'sequence', num: true }, { key: 'decidedAt' }, { key: 'subjectType' },
    { key: 'subject' }, { key: 'outcome' }, { key: 'reasons' }, { key: 'actor' }, { key: 'ruleSet' }, { key: 'hash' }],
  page.items.map((entry) => ({
    key: entry.sequence,
    cells: [
      { text: String(entry.sequence), value: entry.sequence },
      { text: formatTime(entry.decidedAt) },
      { text: entry.subjectType },
      { text: entry.subjectId, className: 'mono' },
      { text: entry.outcome, value: entry.outcome },
      { text: (entry.reasons || []).join(', ') || t('noData') },
      { text: entry.actor, className: 'mono' },
      { text: entry.ruleSetVersion || t('noData') },
      { text: `${entry.hash.slice(0, 16)}…`, title: entry.hash, value: entry.hash, className: 'mono' },
    ],
  })));
  $('decisions-more').hidden = !page.nextCursor;
}

async function moreDecisions() {
  const next = await json(`/compliance/decisions${query({
    ...period(), ...decisionFilter(), size: 50, cursor: state.decisions.nextCursor,
  })}`);
  state.decisions = { items: state.decisions.items.concat(next.items), nextCursor: next.nextCursor };
  state.data.decisions = state.decisions;
  renderDecisions(state.decisions);
}

function shareCells(row) {
  const keys = ['listingsShare', 'impressionsShare', 'detailViewsShare', 'ordersShare'];
  return keys.map((key) => (row.suppressed
    ? { text: t('suppressed'), value: 'suppressed', className: 'suppressed' }
    : { text: formatShare(row[key]), value: row[key] }));
}

function exposureColumns(first) {
  return [{ key: first }, { key: 'sellers', num: true }, { key: 'listingsShare', num: true },
    { key: 'impressionsShare', num: true }, { key: 'detailViewsShare', num: true }, { key: 'ordersShare', num: true }];
}

function renderExposure(report) {
  figures($('exposure-figures'), 'exposure', [
    ['rankingVersion', report.rankingVersion, (v) => v || t('noData')],
    ['smallestGroup', report.smallestGroup, formatCount],
  ]);
  const classes = report.byUmkmClass.map((row) => ({ ...row, key: row.umkmClass, label: row.umkmClass }));
  const provinces = report.byProvince.map((row) => ({ ...row, key: row.provinceCode, label: row.provinceName }));
  const rows = (groups) => groups.map((row) => ({
    key: row.key,
    cells: [{ text: row.suppressed ? `${row.label}: ${t('suppressedLong')}` : row.label },
      { text: formatCount(row.sellers), value: row.sellers }, ...shareCells(row)],
  }));
  fillTable($('exposure-by-class'), exposureColumns('umkmClass'), rows(classes));
  fillTable($('exposure-by-province'), exposureColumns('province'), rows(provinces));
  drawChart('class-chart', classes, t('byUmkmClass').toLowerCase());
  drawChart('province-chart', provinces, t('byProvince').toLowerCase());
}

function drawChart(id, groups, dimension) {
  const node = $(id);
  const hidden = groups.filter((g) => g.suppressed).map((g) => g.label);
  node.setAttribute('aria-label', t('chartLabel', { dimension, hidden: hidden.length ? hidden.join(', ') : t('none') }));
  node.style.height = `${Math.max(220, 90 + groups.length * 56)}px`;
  let chart = state.charts[id];
  if (chart) {
    chart.resize();
  } else {
    chart = echarts.init(node, null, { renderer: 'canvas' });
    state.charts[id] = chart;
  }
  const keys = ['listingsShare', 'impressionsShare', 'detailViewsShare', 'ordersShare'];
  const labels = groups.map((g) => (g.suppressed ? `${g.label} (${t('suppressed')})` : g.label));
  chart.setOption({
    animation: false,
    aria: { enabled: false },
    color: ['#0b5d3b', '#3b7dd8', '#e0a100', '#b84a8c'],
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: keys.map((k) => t(k)) },
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (v) => (v === null || v === undefined ? t('suppressed') : `${v} %`) },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: {
      type: 'category', inverse: true, data: labels,
      axisLabel: { color: (value, index) => (groups[index] && groups[index].suppressed ? '#8a948f' : '#1d2521') },
    },
    series: keys.map((key) => ({
      name: t(key), type: 'bar',
      data: groups.map((g) => (g.suppressed || g[key] === null ? null : Math.round(g[key] * 10000) / 100)),
    })),
  }, true);
}

function accessFilter() {
  return { sellerId: $('seller-id').value.trim(), creatorId: $('creator-id').value.trim() };
}

function renderAccess(page) {
  fillTable($('access-table'), [{ key: 'accessedAt' }, { key: 'actor' }, { key: 'actorRole' }, { key: 'sellerId' },
    { key: 'creatorId' }, { key: 'resource' }, { key: 'reason' }],
  page.items.map((entry) => ({
    key: entry.id,
    cells: [
      { text: formatTime(entry.accessedAt) },
      { text: entry.actor, className: 'mono' },
      { text: entry.actorRole },
      { text: entry.sellerId || t('noData'), className: 'mono' },
      { text: entry.creatorId || t('noData'), className: 'mono' },
      { text: entry.resource },
      { text: entry.reason },
    ],
  })));
  $('access-more').hidden = !page.nextCursor;
}

async function moreAccess() {
  const next = await json(`/compliance/reports/data-access${query({
    ...period(), ...accessFilter(), size: 50, cursor: state.access.nextCursor,
  })}`);
  state.access = { items: state.access.items.concat(next.items), nextCursor: next.nextCursor };
  state.data.access = state.access;
  renderAccess(state.access);
}

const RENDERERS = {
  sellers: renderSellers,
  listings: renderListings,
  decisions: renderDecisions,
  exposure: renderExposure,
  access: renderAccess,
};

// ---- CSV downloads -----------------------------------------------------------------------------

const CSV = {
  sellers: () => [`/compliance/reports/sellers${query(period())}`, 'seller-report.csv'],
  listings: () => [`/compliance/reports/listings${query(period())}`, 'listing-report.csv'],
  decisions: () => [`/compliance/decisions${query({ ...period(), ...decisionFilter() })}`, 'decisions.csv'],
  verification: () => ['/compliance/decisions/verification', 'verification.csv'],
  exposure: () => [`/compliance/reports/exposure${query(period())}`, 'exposure-report.csv'],
  access: () => [`/compliance/reports/data-access${query({ ...period(), ...accessFilter() })}`, 'data-access.csv'],
};

async function download(kind) {
  const [path, fallback] = CSV[kind]();
  try {
    const response = await call(path, 'text/csv');
    const disposition = response.headers.get('Content-Disposition') || '';
    const named = /filename="?([^";]+)"?/.exec(disposition);
    const file = named ? named[1] : fallback;
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: file, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    announce(t('downloaded', { file }));
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) {
      $('load-error').textContent = t('loadFailed', { status: e.status || e.message });
    }
  }
}

// ---- wiring --------------------------------------------------------------------------------------

function validIds() {
  const pattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
  const bad = [$('seller-id'), $('creator-id')].filter((input) => input.value.trim() && !pattern.test(input.value.trim()));
  for (const input of [$('seller-id'), $('creator-id')]) {
    input.setAttribute('aria-invalid', bad.includes(input) ? 'true' : 'false');
  }
  $('access-filter-error').textContent = bad.length ? t('invalidId') : '';
  return bad.length === 0;
}

function start() {
  const today = new Date();
  $('to').value = jakartaDate(today);
  $('from').value = jakartaDate(new Date(today.getTime() - 29 * 86400000));
  applyTranslations();

  $('signin-form').addEventListener('submit', signIn);
  $('signout').addEventListener('click', () => signOut(''));
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'id' ? 'en' : 'id';
    sessionStorage.setItem(LANG_KEY, state.lang);
    applyTranslations();
    if (state.token && !$('app-view').hidden) {
      // rule descriptions come from the API in the chosen language
      delete state.data.listings;
      route();
    }
  });
  $('period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!$('period-form').reportValidity()) {
      return;
    }
    state.data = {};
    route();
  });
  $('decision-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    load('decisions', true);
  });
  $('access-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    if (validIds()) {
      load('access', true);
    }
  });
  $('verify').addEventListener('click', verify);
  $('decisions-more').addEventListener('click', () => moreDecisions().catch(() => {}));
  $('access-more').addEventListener('click', () => moreAccess().catch(() => {}));
  for (const button of document.querySelectorAll('button[data-csv]')) {
    button.addEventListener('click', () => download(button.dataset.csv));
  }
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => Object.values(state.charts).forEach((chart) => chart.resize()));

  if (state.token) {
    showApp();
  } else {
    $('email').focus();
  }
}

start();
