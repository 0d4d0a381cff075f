import '../styles/land.css';
import {el} from '../util/dom.js';

const number = (value, digits) => Number(value).toLocaleString('zh-CN', {minimumFractionDigits: digits, maximumFractionDigits: digits});

/**
 * The warning shown in the page when a shape being saved enters a restrictive control line: the figures per
 * line, a reason to fill in, and two buttons. Going ahead needs a reason; Escape or 取消保存 cancels.
 */
export class ConflictDialog {
	constructor({document, i18n}) {
		this.document = document;
		this.i18n = i18n;
	}

	/** Shows the layers entered; answers {decision: 'proceed', reason} or {decision: 'cancel'}. */
	ask(layers) {
		const t = (key, params) => this.i18n.t(key, params);
		return new Promise((resolve) => {
			const reason = el('textarea', {id: 'hetu-conflict-reason', rows: '3', maxlength: '2000', placeholder: t('constraints.warn.reasonHint')});
			const missing = el('p', {class: 'hetu-conflict-dialog__missing', role: 'alert', hidden: true}, t('constraints.warn.reasonMissing'));
			const close = (answer) => {
				this.document.removeEventListener('keydown', onKey, true);
				overlay.remove();
				resolve(answer);
			};
			const proceed = () => {
				if (!reason.value.trim()) {
					missing.hidden = false;
					reason.focus();
					return;
				}
				close({decision: 'proceed', reason: reason.value.trim()});
			};
			const onKey = (event) => {
				if (event.key === 'Escape') {
					event.stopPropagation();
					close({decision: 'cancel'});
				}
			};
			const lines = layers.map((l) => el('li', {'data-layer': l.layer}, t('constraints.warn.line', {
				layer: t(`constraints.layer.${l.layer}`), m2: number(l.areaM2, 2), mu: number(l.areaMu, 2), features: l.features
			})));
			const overlay = el('div', {class: 'hetu-conflict-dialog', 'data-conflict-dialog': ''},
				el('div', {class: 'hetu-conflict-dialog__box', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'hetu-conflict-title'},
					el('h2', {id: 'hetu-conflict-title'}, t('constraints.warn.title')),
					el('ul', {class: 'hetu-conflict-dialog__lines'}, ...lines),
					el('p', {}, t('constraints.warn.confirm')),
					el('label', {for: 'hetu-conflict-reason'}, t('constraints.warn.reason')), reason, missing,
					el('div', {class: 'hetu-conflict-dialog__actions'},
						el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'cancel-save', onclick: () => close({decision: 'cancel'})},
							t('constraints.warn.cancel')),
						el('button', {type: 'button', class: 'hetu-button', 'data-action': 'proceed-save', onclick: proceed},
							t('constraints.warn.proceed')))));
			this.document.addEventListener('keydown', onKey, true);
			this.document.body.append(overlay);
			reason.focus();
		});
	}
}
