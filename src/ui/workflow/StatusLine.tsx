/** The one line under a form: an error (announced at once) or a quiet status. Props only. */
export function StatusLine({ error, status }: { error?: string | null; status?: string | null }) {
  return error ? (
    <p class="error" role="alert">
      {error}
    </p>
  ) : (
    <p class="status" role="status">
      {status}
    </p>
  );
}
