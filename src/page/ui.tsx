/** Mounts the props-only Preact UI into the host's shadow root. */
import { render } from 'preact';
import { App, type AppProps } from '../ui/App';

export function renderUi(container: HTMLElement, props: AppProps): void {
  render(<App {...props} />, container);
}

export function unmountUi(container: HTMLElement): void {
  render(null, container);
}
