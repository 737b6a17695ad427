/** Shows a <time data-epoch="…"> in the reader's own time zone, in words ("23 Nov 2026, 18:13"). */
export default class LocalTime {
  constructor(root) {
    this.root = root;
  }

  init() {
    const epoch = Number(this.root.dataset.epoch);
    if (!Number.isFinite(epoch) || epoch <= 0) {
      return;
    }
    const date = new Date(epoch);
    this.root.setAttribute('datetime', date.toISOString());
    this.root.textContent = date.toLocaleString(undefined, {
      day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    });
  }
}
