import type { MessageKey } from '../../core/i18n/messages.ts';
import { isMessageKey } from '../../core/i18n/catalogue.ts';
import { findCellKind } from '../../core/notebook/cell-kinds.ts';
import type { ColumnInfo } from '../../core/storage/dataset-meta.ts';
import { i18n } from '../../state/i18n.svelte.ts';

const known = (key: string): key is MessageKey => isMessageKey(key);

/** A column's type in words: the importer's type when known, else the stored value kind. */
export function typeLabel(column: Pick<ColumnInfo, 'type' | 'valueType'>): string {
  const key = `type.${column.valueType}`;
  if (column.valueType !== undefined) return known(key) ? i18n.t(key) : column.valueType;
  return i18n.t(`datasets.kind.${column.type}` as const);
}

/** A column's CX role in words, or an empty string without one. */
export function roleLabel(role: string | undefined): string {
  if (role === undefined) return '';
  const key = `role.${role}`;
  return known(key) ? i18n.t(key) : role;
}

/** A cell kind's name in words (the kind id itself for kinds this version does not know). */
export function cellKindLabel(kind: string): string {
  const spec = findCellKind(kind);
  return spec ? i18n.t(spec.labelKey) : kind;
}
