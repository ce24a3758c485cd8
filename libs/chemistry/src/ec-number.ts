// EC numbers (EINECS, ELINCS and NLP numbers, and the list numbers ECHA gives): NNN-NNN-R, e.g. 231-100-4 (lead).

const EC_NUMBER = /^(\d{3})-(\d{3})-(\d)$/;

/**
 * The check digit of an EC number given as its first six digits, e.g. "231100" for 231-100-4: the sum of the digits,
 * each multiplied by its position counting from the left (starting at 1), modulo 11. A remainder of 10 has no check
 * digit: no EC number is issued with it, so such digits have none (null).
 */
export function ecCheckDigit(digits: string): number | null {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (i + 1);
  const remainder = sum % 11;
  return remainder === 10 ? null : remainder;
}

/** Whether the value is a well-formed EC number whose check digit is right. */
export function isValidEcNumber(value: string): boolean {
  const match = EC_NUMBER.exec(value);
  return match !== null && ecCheckDigit(match[1] + match[2]) === Number(match[3]);
}
