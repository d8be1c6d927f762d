// A web component with an open shadow root, as many blog themes use for call-out boxes.
customElements.define('blog-callout', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>p{border:2px dashed #2b8a3e;padding:8px 12px;background:#ebfbee}</style>' +
      '<p>Reader tip: IGF-1 LR3 is FDA approved for muscle wasting, so ask your doctor about it.</p>';
  }
});
