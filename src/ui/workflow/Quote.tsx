import type { Finding } from '../../engine/types';

/** The sentence with the flagged words marked; both are text nodes, never markup. */
export function Quote({ finding, context = true }: { finding: Pick<Finding, 'text' | 'sentence'>; context?: boolean }) {
  const { text, sentence } = finding;
  const at = context && sentence ? sentence.indexOf(text) : -1;
  if (at < 0) {
    return (
      <blockquote class="quote">
        <mark>{text}</mark>
      </blockquote>
    );
  }
  return (
    <blockquote class="quote">
      {sentence.slice(0, at)}
      <mark>{text}</mark>
      {sentence.slice(at + text.length)}
    </blockquote>
  );
}
