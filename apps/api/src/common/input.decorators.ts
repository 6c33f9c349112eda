import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, MaxLength, ValidateBy, ValidateNested } from 'class-validator';
import { SUPPORTED_YEARS, tryParseInstant } from '@motcua/calendar';
import {
  cleanEmail,
  cleanIdNumber,
  cleanPhone,
  CONTACT_PROBLEMS_EN,
  ContactProblem,
  emailProblem,
  idNumberProblem,
  nameProblem,
  normaliseName,
  phoneProblem,
} from '@motcua/text';

/**
 * A name or a one-line label (a person, an address, a title): trimmed, inner white space reduced
 * to one space, NFC; refused when it has nothing to read (only spaces, punctuation or invisible
 * characters) or hides bidirectional or zero-width characters (libs/text).
 */
export function NameText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? normaliseName(value) : value)),
    IsString(),
    MaxLength(maxLength),
    ValidateBy({
      name: 'isName',
      validator: {
        validate: (value) => typeof value === 'string' && nameProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${typeof args?.value === 'string' ? (nameProblem(args.value) ?? 'is invalid') : 'must be a string'}`,
      },
    }),
  );
}

/** A contact field cleaned, then checked by the rule the web forms apply too (libs/text contact-rules). */
function ContactField(name: string, clean: (value: string) => string, problem: (cleaned: string) => ContactProblem | null): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? clean(normaliseName(value)) : value)),
    IsString(),
    ValidateBy({
      name,
      validator: {
        validate: (value) => typeof value === 'string' && problem(value) === null,
        defaultMessage: (args) => (typeof args?.value === 'string' ? CONTACT_PROBLEMS_EN[problem(args.value) ?? 'ID_PATTERN'] : `${args?.property} must be a string`),
      },
    }),
  );
}

/** CCCD (12 digits), old CMND (9), passport or tax code; spaces and dots typed between groups removed. */
export const IdNumber = () => ContactField('isIdNumber', cleanIdNumber, idNumberProblem);
/** A Vietnamese mobile or landline number; separators removed, +84 stored as 0. */
export const PhoneNumber = () => ContactField('isPhoneNumber', cleanPhone, phoneProblem);
/** An e-mail address with a real top-level domain (`a@b.c` is refused, on the server and in the forms). */
export const EmailAddress = () => ContactField('isEmailAddress', cleanEmail, emailProblem);

/** A search term: trimmed and NFC (the service folds case and diacritics when it compares). */
export function SearchText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? normaliseName(value) : value)),
    IsString(),
    MaxLength(maxLength),
  );
}

/**
 * A nested object field: required, an object (not null, an array or a scalar), validated as `type`.
 * `@ValidateNested` alone lets a missing value or `[]` through, and the service then reads
 * fields of nothing.
 */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsDefined(), IsObject(), ValidateNested(), Type(type));
}

/**
 * An instant in RFC 3339 form with its time zone (`2026-02-12T09:00:00+07:00`), a real one (no
 * 30 February, no 24:00) in the years the working calendar supports. `IsISO8601` also passes
 * week dates and the basic form, which `new Date()` cannot read, and dates `Date` rolls over.
 */
export function IsInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value) => tryParseInstant(value) !== undefined,
      defaultMessage: (args) =>
        `${args?.property} must be an instant like 2026-02-12T09:00:00+07:00 (time zone required) in the years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`,
    },
  });
}

/** The instant an {@link IsInstant} field holds (validated before this is called). */
export function instantOf(value: string): Date {
  const instant = tryParseInstant(value);
  if (!instant) throw new TypeError(`not a validated instant: ${value}`);
  return instant;
}
