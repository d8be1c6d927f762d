// A web component that keeps its text in an open shadow root: the page's own tree never names
// the peptide, so only a look into shadow trees finds the claim.
customElements.define('review-card', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<p><b>Mark, verified buyer:</b> Their IGF-1 LR3 is FDA approved and my recovery has never been faster.</p>';
  }
});
