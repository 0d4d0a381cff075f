import {describe, expect, it} from 'vitest';
import {I18n, MESSAGES} from '../../../src/i18n/I18n.js';
import {zh} from '../../../src/i18n/zh.js';
import {en} from '../../../src/i18n/en.js';
import {messages as accountMessages} from '../../../src/accounts/messages.js';
import {messages as changeMessages} from '../../../src/changes/messages.js';
import {messages as dashboardMessages} from '../../../src/dashboard/messages.js';
import {messages as importMessages} from '../../../src/imports/messages.js';
import {messages as parcelMessages} from '../../../src/parcels/messages.js';
import {messages as projectMessages} from '../../../src/projects/messages.js';
import {messages as riverMessages} from '../../../src/river/messages.js';
import {messages as fieldMessages} from '../../../src/field/messages.js';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ATTRIBUTE_FIELDS, ENUMS, THEMES, describedCollections, fieldLabelKey, fieldsOf} from '../../../src/catalog/Schema.js';
import {adoptServerFixtures} from '../../support/serverFixtures.js';
import {ROLES} from '../../../src/auth/Session.js';
import {HISTORY_ACTIONS} from '../../../src/ui/HistoryView.js';
import {SHAPES} from '../../../src/edit/EditorPanel.js';
import {TILE_STATUSES} from '../../../src/dashboard/TileStatus.js';
import {LIFECYCLE, allowedTransitions} from '../../../src/projects/Lifecycle.js';
import {SORT_KEYS} from '../../../src/projects/ProjectQuery.js';

/** The messages the pages bring with them (app/pages.js), loaded with each page. */
const PAGE_MESSAGES = {accountMessages, changeMessages, dashboardMessages, importMessages, parcelMessages, projectMessages, riverMessages, fieldMessages};
/** Everything a signed-in user can come to see: the map's messages and every page's. */
const zhAll = Object.assign({}, zh, ...Object.values(PAGE_MESSAGES).map((m) => m['zh-CN']));
const enAll = Object.assign({}, en, ...Object.values(PAGE_MESSAGES).map((m) => m.en));

/** The words of the server's schemas, added where the message files have none (as the map does at start). */
const served = adoptServerFixtures(new I18n());
const COLLECTIONS = describedCollections();
const withServed = (locale) => served._messages[locale];

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u3400-\u9FFF]/;

describe('messages', () => {
	it('have the same keys in Chinese and English', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
	});

	it('have no empty message', () => {
		for (const messages of Object.values(MESSAGES)) {
			for (const [key, text] of Object.entries(messages)) {
				expect(text.trim(), key).not.toBe('');
			}
		}
	});

	it('use the same placeholders in both languages', () => {
		for (const key of Object.keys(zh)) {
			expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
		}
	});

	it('keep Chinese characters out of English messages except the language switch', () => {
		const allowed = new Set(['lang.switchTo', 'lang.switchTitle']);
		for (const [key, text] of Object.entries(en)) {
			if (!allowed.has(key)) {
				expect(HAN.test(text), `${key}: ${text}`).toBe(false);
			}
		}
	});

	it('label every column of every collection in both languages, from the message files or the server\'s schema', () => {
		for (const collection of COLLECTIONS) {
			for (const field of fieldsOf(collection)) {
				for (const messages of [withServed('zh-CN'), withServed('en')]) {
					expect(fieldLabelKey(collection, field.key, messages) in messages, `${collection}.${field.key}`).toBe(true);
				}
			}
		}
	});

	it('label every enumeration value, theme and collection', () => {
		const keys = [
			...Object.entries(ENUMS).flatMap(([name, values]) => values.map((v) => `enum.${name}.${v}`)),
			...THEMES.map((theme) => `theme.${theme}`),
			...ATTRIBUTE_FIELDS.map((f) => `attr.${f.key}`)
		];
		for (const key of keys) {
			expect(key in withServed('zh-CN'), key).toBe(true);
			expect(key in withServed('en'), key).toBe(true);
		}
	});

	it('have every message that the code asks for by name, in both languages', () => {
		const root = fileURLToPath(new URL('../../../src/', import.meta.url));
		const files = (dir) => readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') && !path.includes('/i18n/') ? [path] : [];
		});
		// t('key'), t(cond ? 'a' : 'b'), {notice: 'key'}, titleKey = 'key', and key lists such as ['changes.when', ...]
		const family = /^(app|lang|search|panel|filter|theme|layer|legend|basemap|map|detail|value|unit|error|signin|auth|user|role|page|common|form|history|changes|account|accounts|tokens|public|field|attr|enum|nav|edit|pick|layerView|projects|project|dashboard)\./;
		const used = new Set();
		for (const file of files(root)) {
			for (const [, key] of readFileSync(file, 'utf8').matchAll(/'([a-z]+\.[a-zA-Z0-9_.]+)'/g)) {
				if (family.test(key) && !/\.(js|css|svg|png|geojson)$/.test(key)) {
					used.add(key);
				}
			}
		}
		expect(used.size).toBeGreaterThan(200);
		for (const key of used) {
			expect(key in zhAll, `zh: ${key}`).toBe(true);
			expect(key in enAll, `en: ${key}`).toBe(true);
		}
	});

	it('name every role, history action and token state', () => {
		const keys = [
			...ROLES.map((role) => `role.${role}`),
			...HISTORY_ACTIONS.map((action) => `history.action.${action}`),
			...['active', 'expired', 'revoked'].map((state) => `tokens.state.${state}`),
			'field.geom'
		];
		for (const key of keys) {
			expect(key in zhAll, key).toBe(true);
			expect(key in enAll, key).toBe(true);
		}
	});

	it('have the messages the editor, the projects and the dashboard put together from parts', () => {
		const shapes = [...new Set(Object.values(SHAPES).flat())];
		const statuses = [...new Set([...LIFECYCLE, 'suspended'].flatMap((s) => allowedTransitions(s)))];
		const keys = [
			...shapes.flatMap((shape) => [`edit.draw.${shape}`, `edit.redraw.${shape}`, `edit.drawing.${shape}`, `edit.hint.${shape}`]),
			...['point', 'line', 'area'].map((shape) => `edit.shape.${shape}`),
			...statuses.map((status) => `project.to.${status}`),
			...TILE_STATUSES.map((status) => `dashboard.tileStatus.${status}`),
			...['edit.geometry.selfIntersection', 'edit.geometry.outside', 'edit.geometry.wrongType', 'edit.geometry.tooManyVertices',
				'edit.geometry.tooFew', 'edit.geometry.rings', 'edit.geometry.coordinates', 'edit.geometry.invalid'],
			...['nav.map', 'nav.projects', 'nav.dashboard', 'user.projects', 'user.dashboard', 'layerView.clear', 'layerView.count', 'layerView.unknown']
		];
		expect(SORT_KEYS.length).toBeGreaterThan(5);
		for (const key of keys) {
			expect(key in zhAll, `zh: ${key}`).toBe(true);
			expect(key in enAll, `en: ${key}`).toBe(true);
		}
	});

	it('give every enumerated field an enumeration that exists', () => {
		for (const collection of COLLECTIONS) {
			for (const field of fieldsOf(collection).filter((f) => f.kind === 'enum')) {
				expect(ENUMS[field.enum], `${collection}.${field.key}`).toBeDefined();
			}
		}
	});

	it('bring each page’s own messages in both languages, with the same placeholders, clashing with none of the map’s', () => {
		for (const [name, bundle] of Object.entries(PAGE_MESSAGES)) {
			const [zhPage, enPage] = [bundle['zh-CN'], bundle.en];
			expect(Object.keys(enPage).sort(), name).toEqual(Object.keys(zhPage).sort());
			for (const key of Object.keys(zhPage)) {
				expect(key in zh || key in en, `${name}: ${key} is the map's`).toBe(false);
				expect(zhPage[key].trim(), key).not.toBe('');
				expect(placeholders(enPage[key]), key).toEqual(placeholders(zhPage[key]));
				expect(HAN.test(enPage[key]), `${key}: ${enPage[key]}`).toBe(false);
			}
		}
	});
});

describe('I18n', () => {
	it('defaults to Chinese', () => {
		const i18n = new I18n();
		expect(i18n.locale).toBe('zh-CN');
		expect(i18n.t('enum.work_status.under_construction')).toBe('在建');
	});

	it('falls back to Chinese for an unknown locale', () => {
		expect(new I18n({locale: 'fr'}).locale).toBe('zh-CN');
	});

	it('fills placeholders and leaves unknown ones', () => {
		const i18n = new I18n({locale: 'en'});
		expect(i18n.t('search.noResults', {q: 'abc'})).toBe('Nothing found for “abc”');
		expect(i18n.t('search.noResults')).toBe('Nothing found for “{q}”');
	});

	it('shows the key of a missing message', () => {
		expect(new I18n().t('no.such.key')).toBe('no.such.key');
	});

	it('tells listeners when the locale changes, once', () => {
		const i18n = new I18n();
		const seen = [];
		const stop = i18n.onChange((locale) => seen.push(locale));
		i18n.setLocale('en');
		i18n.setLocale('en');
		stop();
		i18n.setLocale('zh-CN');
		expect(seen).toEqual(['en']);
		expect(i18n.t('enum.work_status.none')).toBe('无项目');
	});

	it('picks the name variant of the locale, falling back to the other', () => {
		const i18n = new I18n({locale: 'en'});
		expect(i18n.pick('水闸', 'Sluices')).toBe('Sluices');
		expect(i18n.pick('水闸', '')).toBe('水闸');
		i18n.setLocale('zh-CN');
		expect(i18n.pick('水闸', 'Sluices')).toBe('水闸');
	});
});
