/** A table and a list of cards/digest.json (cells are plain strings; columns carry the alignment). */
export interface TableData {
  readonly heading: string;
  readonly note: string;
  readonly columns: readonly { readonly width: number; readonly align: 'Left' | 'Right' }[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}
export interface ListData {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly empty: string;
}
