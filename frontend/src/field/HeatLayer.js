import {DomUtil, Layer} from 'leaflet';

/** Blue (few) through yellow to red (many): 256 colours as RGBA bytes. */
function palette() {
	const canvas = document.createElement('canvas');
	canvas.width = 256;
	canvas.height = 1;
	const context = canvas.getContext('2d');
	const gradient = context.createLinearGradient(0, 0, 256, 0);
	gradient.addColorStop(0.2, '#2C7BB6');
	gradient.addColorStop(0.45, '#ABD9E9');
	gradient.addColorStop(0.65, '#FFFFBF');
	gradient.addColorStop(0.85, '#FDAE61');
	gradient.addColorStop(1, '#D7191C');
	context.fillStyle = gradient;
	context.fillRect(0, 0, 256, 1);
	return context.getImageData(0, 0, 256, 1).data;
}

/**
 * A heat map of points on one canvas over the view: each point adds a soft spot of `radius`
 * pixels, and the sum is coloured from blue to red. Drawn again after each move or zoom.
 */
export const HeatLayer = Layer.extend({
	options: {radius: 22, pane: 'overlayPane', opacity: 0.75},

	initialize(latlngs = [], options) {
		this.setLatLngs(latlngs);
		Layer.prototype.initialize?.call(this, options);
		Object.assign(this.options, options);
	},

	setLatLngs(latlngs) {
		this._latlngs = latlngs;
		this._redraw();
		return this;
	},

	onAdd(map) {
		this._canvas = DomUtil.create('canvas', 'hetu-heat leaflet-zoom-hide');
		this._canvas.style.opacity = String(this.options.opacity);
		this._canvas.style.pointerEvents = 'none';
		this.getPane().append(this._canvas);
		map.on('moveend zoomend resize', this._redraw, this);
		this._redraw();
	},

	onRemove(map) {
		map.off('moveend zoomend resize', this._redraw, this);
		this._canvas.remove();
		this._canvas = null;
	},

	_redraw() {
		const map = this._map;
		const canvas = this._canvas;
		if (!map || !canvas) {
			return;
		}
		const size = map.getSize();
		canvas.width = size.x;
		canvas.height = size.y;
		DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
		const context = canvas.getContext('2d');
		const {radius} = this.options;
		for (const latlng of this._latlngs) {
			const {x, y} = map.latLngToContainerPoint(latlng);
			if (x < -radius || y < -radius || x > size.x + radius || y > size.y + radius) {
				continue;
			}
			const spot = context.createRadialGradient(x, y, 0, x, y, radius);
			spot.addColorStop(0, 'rgba(0,0,0,0.35)');
			spot.addColorStop(1, 'rgba(0,0,0,0)');
			context.fillStyle = spot;
			context.fillRect(x - radius, y - radius, radius * 2, radius * 2);
		}
		if (!size.x || !size.y) {
			return;
		}
		const image = context.getImageData(0, 0, size.x, size.y);
		const colours = this._palette ||= palette();
		const data = image.data;
		for (let i = 3; i < data.length; i += 4) {
			const alpha = data[i];
			if (alpha) {
				const at = alpha * 4;
				data[i - 3] = colours[at];
				data[i - 2] = colours[at + 1];
				data[i - 1] = colours[at + 2];
				data[i] = Math.min(255, 60 + alpha);
			}
		}
		context.putImageData(image, 0, 0);
	}
});
