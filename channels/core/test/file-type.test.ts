import { describe, expect, it } from 'vitest';
import { classifyFile, sniffType } from '../file-type.js';

const MB = 1024 * 1024;
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'latin1');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
const zip = Buffer.from('504b0304140000000800', 'hex');

describe('attachments are typed by their content', () => {
  it('recognises the files customers and technicians send', () => {
    expect(sniffType(png)).toBe('image/png');
    expect(sniffType(pdf)).toBe('application/pdf');
    expect(sniffType(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('image/jpeg');
    expect(sniffType(Buffer.from('000000186674797068656963', 'hex'))).toBe('image/heic');
    expect(sniffType(Buffer.from('Hola, adjunto la lista.\r\n', 'utf8'))).toBe('text/plain');
  });

  it('keeps a PDF whatever it is called, and refuses a program that calls itself a PDF', () => {
    expect(classifyFile(pdf, 'application/octet-stream', 10 * MB)).toEqual({ contentType: 'application/pdf' });
    expect(classifyFile(exe, 'application/pdf', 10 * MB)).toEqual({ contentType: 'application/x-msdownload', rejected: 'programs and archives are not accepted' });
  });

  it('keeps office documents (zip inside) only as office documents, not bare archives', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(classifyFile(zip, docx, 10 * MB)).toEqual({ contentType: docx });
    expect(classifyFile(zip, 'application/zip', 10 * MB).rejected).toBe('archives are not accepted');
  });

  it('refuses HTML, SVG and scripts, which can carry code, even as text', () => {
    expect(classifyFile(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'), 'image/svg+xml', MB).rejected).toMatch(/SVG/);
    expect(classifyFile(Buffer.from('<!DOCTYPE html><html><script>'), 'text/html', MB).rejected).toMatch(/web pages/);
    expect(classifyFile(Buffer.from('#!/bin/sh\nrm -rf /'), 'text/plain', MB).rejected).toMatch(/scripts/);
    expect(classifyFile(Buffer.from('a;b\n1;2\n'), 'text/csv', MB)).toEqual({ contentType: 'text/csv' });
  });

  it('refuses what is too large or unknown', () => {
    expect(classifyFile(Buffer.concat([png, Buffer.alloc(2 * MB)]), 'image/png', MB).rejected).toBe('larger than 1 MB');
    expect(classifyFile(Buffer.from([0x00, 0x01, 0x02, 0x03]), 'application/x-thing', MB).rejected).toBe('the file type is not recognised');
  });
});
