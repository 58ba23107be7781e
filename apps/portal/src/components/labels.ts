import { AUTHORITIES, LANZHOU_DISTRICTS, OWNERSHIPS, SCHOOL_LEVELS, type Authority, type Ownership, type Role, type SchoolLevel } from '@skillbridge/contracts';
import type { TFunction } from 'i18next';

/** Translated names of the contract's enumerations, and select options built from them. */
export const ownershipLabel = (t: TFunction, ownership: Ownership) => t(`ownership.${ownership}`);
export const schoolLevelLabel = (t: TFunction, level: SchoolLevel) => t(`schoolLevel.${level}`);
export const authorityLabel = (t: TFunction, authority: Authority) => t(`authority.${authority}`);
export const roleLabel = (t: TFunction, role: Role) => t(`role.${role}`);

export const ownershipOptions = (t: TFunction) => OWNERSHIPS.map((value) => ({ value, label: ownershipLabel(t, value) }));
export const schoolLevelOptions = (t: TFunction) => SCHOOL_LEVELS.map((value) => ({ value, label: schoolLevelLabel(t, value) }));
export const authorityOptions = (t: TFunction) => AUTHORITIES.map((value) => ({ value, label: authorityLabel(t, value) }));

/** District names are data in Chinese; the English UI shows their English names when known. */
export const districtLabel = (t: TFunction, district: string) => t(`district.${district}`, { defaultValue: district });
export const districtOptions = (t: TFunction) => LANZHOU_DISTRICTS.map((value) => ({ value, label: districtLabel(t, value) }));
