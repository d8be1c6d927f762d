/** The check-text form: a labelled text area and a button (Ctrl/⌘+Enter also checks). */
export function CheckText({ text, onText, onCheck, busy }: { text: string; onText: (t: string) => void; onCheck: () => void; busy: boolean }) {
  return (
    <form
      class="stack"
      style="gap:8px"
      onSubmit={(e) => {
        e.preventDefault();
        onCheck();
      }}
    >
      <label for="check-input">
        <strong>Text to check</strong>
      </label>
      <p id="check-hint" class="hint">
        Paste a post before you approve it, or a product description. The text is checked on this computer and is not sent anywhere.
      </p>
      <textarea
        id="check-input"
        value={text}
        aria-describedby="check-hint"
        onInput={(e) => onText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onCheck();
          }
        }}
      />
      <div class="toolbar">
        <button type="submit" class="primary" disabled={busy || !text.trim()}>
          {busy ? 'Checking…' : 'Check text'}
        </button>
        <span class="hint">or press Ctrl+Enter</span>
      </div>
    </form>
  );
}
