// Settings › Shoes: each pair with its distance so far, a flag once it passes its retirement
// distance, add/edit/delete, and the shoe imported runs are given.
import { useRef, useState, type FormEvent } from 'react';
import { ShoeInput } from '../../../../shared/api';
import { localToday } from '../../../../shared/model';
import type { ShoeWithDistance } from '../../../../shared/shoes';
import { formatDistance, fromDisplayDistance, toDisplayDistance } from '../../../../shared/units';
import { api } from '../../api/client';
import { Field, FormError } from '../../components/Field';
import { useAppData } from '../../hooks/useAppData';
import { errorsFromUnknown, errorsFromZod, type FieldErrors } from '../../hooks/useFormErrors';
import { formatShortDay } from '../journal/entrySummary';
import { useShoes } from './useShoes';

interface Draft {
  id?: string | undefined;
  name: string;
  model: string;
  startDate: string;
  retireAt: string;
  retired: boolean;
}

const EMPTY: Draft = { name: '', model: '', startDate: '', retireAt: '', retired: false };

export function ShoesSection() {
  const { settings, changed, updateSettings } = useAppData();
  const unit = settings.distanceUnit;
  const { shoes, error } = useShoes();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const nameRef = useRef<HTMLInputElement>(null);

  const edit = (shoe: ShoeWithDistance) => {
    setErrors({});
    setDraft({
      id: shoe.id,
      name: shoe.name,
      model: shoe.model ?? '',
      startDate: shoe.startDate ?? '',
      retireAt:
        shoe.retireAtKm === undefined ? '' : String(Number(toDisplayDistance(shoe.retireAtKm, unit).toFixed(1))),
      retired: shoe.retired,
    });
    nameRef.current?.focus();
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const retireAt = draft.retireAt.trim() === '' ? undefined : Number(draft.retireAt.replace(',', '.'));
    const parsed = ShoeInput.safeParse({
      ...(draft.id ? { id: draft.id } : {}),
      name: draft.name,
      ...(draft.model.trim() ? { model: draft.model.trim() } : {}),
      ...(draft.startDate ? { startDate: draft.startDate } : {}),
      ...(retireAt === undefined
        ? {}
        : { retireAtKm: Number.isNaN(retireAt) ? retireAt : fromDisplayDistance(retireAt, unit) }),
      retired: draft.retired,
    });
    if (!parsed.success) return setErrors(errorsFromZod(parsed.error));
    try {
      const saved = await api.shoes.save(parsed.data);
      setMessage(`${draft.id ? 'Updated' : 'Added'} ${saved.name}.`);
      setDraft(EMPTY);
      setErrors({});
      changed();
    } catch (e) {
      setErrors(errorsFromUnknown(e));
    }
  }

  async function remove(shoe: ShoeWithDistance) {
    try {
      await api.shoes.delete({ id: shoe.id });
      setMessage(`Removed ${shoe.name} from the list; its runs keep its name.`);
      changed();
    } catch (e) {
      setMessage(`Could not remove it: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const active = shoes.filter((shoe) => !shoe.retired);
  return (
    <section aria-labelledby="shoes-title" className="shoes">
      <h2 id="shoes-title">Shoes</h2>
      {error && <p role="alert">The shoes could not be loaded: {error}</p>}
      {shoes.length === 0 ? (
        <p className="muted">No shoes yet. Add one here, or type a new name in a run’s Shoe field.</p>
      ) : (
        <table className="shoes__table">
          <caption className="visually-hidden">Your shoes and the distance run in each</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Brand and model</th>
              <th scope="col">Since</th>
              <th scope="col">Distance</th>
              <th scope="col">Retire at</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shoes.map((shoe) => (
              <tr key={shoe.id}>
                <th scope="row">{shoe.name}</th>
                <td>{shoe.model ?? ''}</td>
                <td>{shoe.startDate ? formatShortDay(shoe.startDate) : ''}</td>
                <td>
                  {formatDistance(shoe.distanceKm, unit, 1)} ({shoe.runs} {shoe.runs === 1 ? 'run' : 'runs'})
                </td>
                <td>{shoe.retireAtKm === undefined ? '' : formatDistance(shoe.retireAtKm, unit, 0)}</td>
                <td>
                  {shoe.retired ? (
                    'Retired'
                  ) : shoe.overRetirement ? (
                    <span className="shoe-flag">Past its retirement distance</span>
                  ) : (
                    'In use'
                  )}
                </td>
                <td className="shoes__actions">
                  <button type="button" onClick={() => edit(shoe)} aria-label={`Edit ${shoe.name}`}>
                    Edit
                  </button>
                  <button type="button" onClick={() => void remove(shoe)} aria-label={`Delete ${shoe.name}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form shoes__form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="shoe-form-title">
        <h3 id="shoe-form-title">{draft.id ? `Edit ${draft.name || 'shoe'}` : 'Add a shoe'}</h3>
        <div className="form__row">
          <Field label="Shoe name" error={errors.name}>
            <input
              type="text"
              value={draft.name}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              ref={nameRef}
            />
          </Field>
          <Field label="Brand and model" error={errors.model}>
            <input
              type="text"
              value={draft.model}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, model: e.target.value })}
            />
          </Field>
        </div>
        <div className="form__row">
          <Field label="In use since" error={errors.startDate}>
            <input
              type="date"
              value={draft.startDate}
              max={localToday()}
              onChange={(e) => setDraft({ ...draft, startDate: e.target.value })}
            />
          </Field>
          <Field
            label={`Retire at (${unit})`}
            error={errors.retireAtKm}
            hint="Many runners retire a pair at 500–800 km."
          >
            <input
              type="text"
              inputMode="decimal"
              value={draft.retireAt}
              onChange={(e) => setDraft({ ...draft, retireAt: e.target.value })}
            />
          </Field>
          <label className="choice shoes__retired">
            <input
              type="checkbox"
              checked={draft.retired}
              onChange={(e) => setDraft({ ...draft, retired: e.target.checked })}
            />
            Retired
          </label>
        </div>
        <FormError message={errors._form ?? errors.id} />
        <div className="form__actions">
          {draft.id && (
            <button type="button" onClick={() => setDraft(EMPTY)}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary">
            {draft.id ? 'Save shoe' : 'Add shoe'}
          </button>
        </div>
      </form>
      <div className="field">
        <label htmlFor="default-import-shoe">Shoe for imported runs</label>
        <select
          id="default-import-shoe"
          value={settings.defaultImportShoe ?? ''}
          onChange={(e) => void updateSettings({ defaultImportShoe: e.target.value })}
        >
          <option value="">None (leave the shoe empty)</option>
          {active.map((shoe) => (
            <option key={shoe.id} value={shoe.name}>
              {shoe.name}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="muted">
        {message ?? ''}
      </p>
    </section>
  );
}
