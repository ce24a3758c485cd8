/** GS1 mod-10 check digit of the digits before it. */
function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Weights 3 and 1 alternate, starting with 3 at the digit next to the check digit.
    const weight = (body.length - i) % 2 === 1 ? 3 : 1;
    sum += Number(body[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** Validates a GTIN-8, -12, -13 or -14 and returns it as 14 digits, or an error message. */
export function normalizeGtin(input: string): { gtin: string } | { error: string } {
  const value = input.trim();
  if (!/^\d+$/.test(value) || ![8, 12, 13, 14].includes(value.length)) {
    return { error: `"${input}" is not a GTIN: expected 8, 12, 13 or 14 digits` };
  }
  const expected = checkDigit(value.slice(0, -1));
  if (Number(value.at(-1)) !== expected) {
    return { error: `"${input}" has a wrong check digit: expected ${expected}` };
  }
  return { gtin: value.padStart(14, '0') };
}

/** GS1 application identifiers 21 (serial) and 10 (batch): up to 20 characters of GS1 character set 82. */
export const GS1_ATTRIBUTE = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;
