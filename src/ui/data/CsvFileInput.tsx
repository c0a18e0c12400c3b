import type { Ref } from "react";

/**
 * The hidden file picker for CSV bars: click the element `ref` points to, to open it. `onPick` gets the chosen
 * file, or null when the picker was dismissed; the input is cleared so the same file can be
 * chosen again.
 */
export function CsvFileInput({
  ref,
  testId,
  onPick,
}: {
  ref: Ref<HTMLInputElement>;
  testId: string;
  onPick: (file: File | null) => void;
}) {
  return (
    <input
      ref={ref}
      type="file"
      accept=".csv,text/csv"
      hidden
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0] ?? null;
        e.target.value = "";
        onPick(file);
      }}
    />
  );
}
