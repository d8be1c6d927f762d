import type { ExportFormat } from '../../workflow/export';

const NAMES: Record<ExportFormat, string> = { markdown: 'Markdown', csv: 'CSV', json: 'JSON' };

/** Download buttons for the three formats plus "copy"; `status` is announced politely. */
export function ExportBar({
  label,
  onDownload,
  onCopy,
  status,
  disabled,
}: {
  label: string;
  onDownload: (f: ExportFormat) => void;
  onCopy?: (f: ExportFormat) => void;
  status?: string;
  disabled?: boolean;
}) {
  const formats: ExportFormat[] = ['markdown', 'csv', 'json'];
  return (
    <div class="stack" style="gap:6px">
      <div class="toolbar" role="group" aria-label={label}>
        <span class="label">{label}</span>
        {formats.map((f) => (
          <button type="button" key={f} onClick={() => onDownload(f)} disabled={disabled}>
            Download {NAMES[f]}
          </button>
        ))}
        {onCopy && (
          <button type="button" class="primary" onClick={() => onCopy('markdown')} disabled={disabled}>
            Copy moderation note
          </button>
        )}
      </div>
      <p class="status" role="status">
        {status ?? ''}
      </p>
    </div>
  );
}
