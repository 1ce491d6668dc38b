import { describe, expect, it } from 'vitest';
import { foldForMatching, heldReasons, latinDigits } from '../../shared/held-content';

describe('held-content rules', () => {
  it.each([
    ['a Pakistani CNIC with dashes', 'Her CNIC is 35202-1234567-1, please check', 'national_id'],
    ['a CNIC without dashes', 'cnic 3520212345671', 'national_id'],
    ['a CNIC in Arabic-Indic digits', 'شناختی کارڈ ٣٥٢٠٢-١٢٣٤٥٦٧-١', 'national_id'],
    ['a CNIC in Persian digits', 'شماره ۳۵۲۰۲۱۲۳۴۵۶۷۱', 'national_id'],
    ['a Brazilian CPF', 'CPF 123.456.789-09', 'national_id'],
    ['a phone number', 'Call me on +92 300 1234567', 'phone_number'],
    ['a phone number in Persian digits', 'تلفن: ۰۹۱۲ ۳۴۵ ۶۷۸۹', 'phone_number'],
    ['an e-mail address', 'write to amina.q@police.gov.pk', 'email_address'],
    ['a passport number', 'passport no. AB1234567 was seized', 'passport_number'],
    ['a passport number in Urdu', 'پاسپورٹ نمبر 123456789', 'passport_number'],
    ['an FIR reference', 'FIR No. 123/2024 at Model Town', 'case_reference'],
    ['an FIR reference in Urdu', 'ایف آئی آر نمبر ۴۵۶', 'case_reference'],
    ['a case number', 'case #4521 is still open', 'case_reference'],
  ])('holds %s', (_label, text, reason) => {
    expect(heldReasons(text)).toContain(reason);
  });

  it.each([
    ['ordinary advice', 'Interview victims with a female officer present and a trusted interpreter.'],
    ['a date', 'We met on 2026-11-23 and again on 24/11/2026.'],
    ['a year and a count', 'In 2024 we trained 120 officers across 12 districts.'],
    ['a short number', 'Room 12, 3 pm'],
  ])('lets %s through', (_label, text) => {
    expect(heldReasons(text)).toEqual([]);
  });

  it('names a CNIC once, not also as a phone number', () => {
    expect(heldReasons('35202-1234567-1')).toEqual(['national_id']);
  });

  it('matches watched words after folding Arabic and Persian letter variants, diacritics and case', () => {
    expect(heldReasons('سلام، نام او علي است', ['علی'])).toEqual(['watched_word']);
    expect(heldReasons('مدرسة البنات', ['مدرسه'])).toEqual(['watched_word']);
    expect(heldReasons('الكتاب', ['الکتاب'])).toEqual(['watched_word']);
    expect(heldReasons('مُحَمَّد', ['محمد'])).toEqual(['watched_word']);
    expect(heldReasons('The SAFE HOUSE on Mall Road', ['safe house'])).toEqual(['watched_word']);
    expect(heldReasons('Café', ['cafe'])).toEqual(['watched_word']);
    expect(heldReasons('a safehouse', ['safe house'])).toEqual([]);
  });

  it('folds digits and letters as documented', () => {
    expect(latinDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
    expect(foldForMatching('كيف')).toBe(foldForMatching('کیف'));
  });
});
