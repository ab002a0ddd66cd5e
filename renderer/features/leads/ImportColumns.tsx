import type { Dispatch, SetStateAction } from 'react';
import { IMPORT_FIELDS, unmappedRequired, type ColumnMapping, type ImportField } from '../../../shared/leads/leadImport';
import { SelectField } from '../common/SelectField';

const PREVIEW_ROWS = 5;

export interface ImportColumnsProps {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  mapping: ColumnMapping;
  onChange: Dispatch<SetStateAction<ColumnMapping>>;
}

/** Which file column feeds each lead field (guessed from the header, changeable), what every row will lack, and the first rows as mapped. */
export function ImportColumns({ headers, rows, mapping, onChange }: ImportColumnsProps) {
  const missing = unmappedRequired(mapping);
  const columns = headers.map((h, i) => ({ value: String(i), label: h || `Column ${i + 1}` }));
  return (
    <>
      <h3>Columns</h3>
      <div className="form-grid">
        {IMPORT_FIELDS.map(({ field, label }) => (
          <SelectField
            key={field}
            id={`lead-import-${field}`}
            label={label}
            value={mapping[field] === undefined ? '' : String(mapping[field])}
            options={columns}
            placeholder="(no column)"
            onChange={(value) => onChange((m) => ({ ...m, [field as ImportField]: value === '' ? undefined : Number(value) }))}
          />
        ))}
      </div>
      {missing.length > 0 ? (
        <p className="notice notice--warning">Every row will lack: {missing.join(', ')}. Choose a column for each.</p>
      ) : null}
      <table className="table" aria-label="Import preview">
        <thead>
          <tr>
            {IMPORT_FIELDS.map(({ field, label }) => (
              <th key={field} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PREVIEW_ROWS).map((row, i) => (
            <tr key={i}>
              {IMPORT_FIELDS.map(({ field }) => (
                <td key={field}>{mapping[field] === undefined ? '' : (row[mapping[field]] ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
