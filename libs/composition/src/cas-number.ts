// CAS Registry Numbers: up to 7 digits, 2 digits and a check digit, e.g. 7429-90-5 (aluminium).

const CAS_NUMBER = /^(\d{2,7})-(\d{2})-(\d)$/;

/**
 * The check digit of a CAS number given without its check digit, e.g. "742990" for 7429-90-5: the sum of the digits,
 * each multiplied by its position counting from the right (starting at 1), modulo 10.
 */
export function casCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[digits.length - 1 - i]) * (i + 1);
  }
  return sum % 10;
}

/** Whether the value is a well-formed CAS number whose check digit is right. */
export function isValidCasNumber(value: string): boolean {
  const match = CAS_NUMBER.exec(value);
  return match !== null && casCheckDigit(match[1] + match[2]) === Number(match[3]);
}
