/** The form-level result, announced to screen readers when it changes. */
export function FormMessage({ state }: { state: { ok?: boolean; message?: string } }) {
  return (
    <div role="status" aria-live="polite" className="min-h-0">
      {state.message && (
        <p data-outcome={state.ok ? "done" : "refused"} className={`rounded-md border px-3 py-2 ${state.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      )}
    </div>
  );
}
