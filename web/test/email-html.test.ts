import { describe, expect, it } from 'vitest';
import { attachmentUrl, buildEmailSrcdoc, emailContentSecurityPolicy, prepareEmailHtml } from '../src/lib/email-html';
import { attachment } from './fixtures';

const ORIGIN = 'https://desk.example';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const body = (html: string) => parse(`<body>${html}</body>`).body;
const none = { attachments: [], loadRemoteImages: false };

/** What the sanitiser of channels/email sends for a mail with a tracking pixel and a remote logo. */
const REMOTE = '<p>Hi</p><img width="1" height="1" alt="" data-blocked-src="https://track.example/open.gif?u=42" /><img alt="Harbour View" data-blocked-src="https://cdn.example/logo.png" />';

describe('prepareEmailHtml: remote images', () => {
  it('keeps remote images blocked (no src at all) until the agent asks', () => {
    const out = body(prepareEmailHtml(REMOTE, none));
    const images = Array.from(out.querySelectorAll('img'));
    expect(images).toHaveLength(2);
    for (const img of images) expect(img.hasAttribute('src')).toBe(false);
    expect(images.map((i) => i.getAttribute('data-blocked-src'))).toEqual(['https://track.example/open.gif?u=42', 'https://cdn.example/logo.png']);
    expect(out.querySelector('p')!.textContent).toBe('Hi');
  });

  it('copies data-blocked-src into src when asked', () => {
    const out = body(prepareEmailHtml(REMOTE, { attachments: [], loadRemoteImages: true }));
    const images = Array.from(out.querySelectorAll('img'));
    expect(images.map((i) => i.getAttribute('src'))).toEqual(['https://track.example/open.gif?u=42', 'https://cdn.example/logo.png']);
    expect(images.every((i) => !i.hasAttribute('data-blocked-src'))).toBe(true);
    expect(images[1]!.getAttribute('alt')).toBe('Harbour View');
  });

  it('never turns a non-http(s) data-blocked-src into a src', () => {
    const html = '<img data-blocked-src="javascript:alert(1)"><img data-blocked-src="data:text/html,<b>x</b>"><img data-blocked-src="file:///etc/passwd">';
    for (const loadRemoteImages of [false, true]) {
      const out = body(prepareEmailHtml(html, { attachments: [], loadRemoteImages }));
      for (const img of Array.from(out.querySelectorAll('img'))) {
        expect(img.hasAttribute('src')).toBe(false);
        expect(img.hasAttribute('data-blocked-src')).toBe(false);
      }
    }
  });

  it('drops a remote src that would load without being asked (the server should have blocked it)', () => {
    const out = body(prepareEmailHtml('<img src="https://track.example/p.gif"><img src="//track.example/p.gif">', none));
    for (const img of Array.from(out.querySelectorAll('img'))) expect(img.hasAttribute('src')).toBe(false);
  });
});

describe('prepareEmailHtml: inline images', () => {
  const photo = attachment({ id: 'att-photo', filename: 'placa.png', inline: true, cid: 'placa.5f1e@example.es' });
  const other = attachment({ id: 'att-pdf', filename: 'factura.pdf', contentType: 'application/pdf' });

  it('maps cid: to the attachment, shown inline', () => {
    const out = body(prepareEmailHtml('<img alt="placa.png" width="320" src="cid:placa.5f1e@example.es" />', { attachments: [other, photo], loadRemoteImages: false }));
    const img = out.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/api/attachments/att-photo?inline=1');
    expect(img.getAttribute('width')).toBe('320');
  });

  it('matches cids written with angle brackets, another case or percent-encoded', () => {
    const attachments = [attachment({ id: 'a-1', cid: '<Logo@Mail.Example>' })];
    for (const src of ['cid:logo@mail.example', 'CID:Logo@Mail.Example', 'cid:Logo%40Mail.Example']) {
      const out = body(prepareEmailHtml(`<img src="${src}">`, { attachments, loadRemoteImages: false }));
      expect(out.querySelector('img')!.getAttribute('src'), src).toBe('/api/attachments/a-1?inline=1');
    }
  });

  it('leaves an unknown or rejected cid without src', () => {
    const rejected = attachment({ id: 'a-big', cid: 'big@x', rejected: 'too large' });
    const out = body(prepareEmailHtml('<img src="cid:nope@x"><img src="cid:big@x">', { attachments: [rejected], loadRemoteImages: true }));
    for (const img of Array.from(out.querySelectorAll('img'))) expect(img.hasAttribute('src')).toBe(false);
  });

  it('keeps data: images, drops other data: sources', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const out = body(prepareEmailHtml(`<img src="${png}"><img src="data:text/html;base64,PHNjcmlwdD4=">`, none));
    const [a, b] = Array.from(out.querySelectorAll('img'));
    expect(a!.getAttribute('src')).toBe(png);
    expect(b!.hasAttribute('src')).toBe(false);
  });

  it('encodes the attachment id in its URL', () => {
    expect(attachmentUrl('a/b?c')).toBe('/api/attachments/a%2Fb%3Fc');
    expect(attachmentUrl('x', true)).toBe('/api/attachments/x?inline=1');
  });
});

describe('prepareEmailHtml: nothing that runs', () => {
  const HOSTILE = [
    '<p onclick="alert(1)" style="color:red">text</p>',
    '<script>alert(2)</script>',
    '<img src="x" onerror="alert(3)">',
    '<svg onload="alert(4)"><script>alert(5)</script></svg>',
    '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">',
    '<a href="javascript:alert(6)">click</a><a href="https://ok.example/">ok</a>',
    '<form action="https://evil.example"><input name="p"><button formaction="https://evil.example">go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">',
    '<div background="https://track.example/bg.gif">bg</div>',
    '</body></html><script>alert(7)</script>',
  ].join('');

  it('removes scripts, handlers, frames, forms and javascript: links', () => {
    for (const loadRemoteImages of [false, true]) {
      const html = prepareEmailHtml(HOSTILE, { attachments: [], loadRemoteImages });
      const out = body(html);
      expect(out.querySelectorAll('script, svg, iframe, object, embed, form, input, button, meta, base, link')).toHaveLength(0);
      for (const el of Array.from(out.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
      }
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toMatch(/evil\.example|track\.example/);
      expect(out.querySelector('p')!.getAttribute('style')).toBe('color:red');
    }
  });

  it('opens links in a new tab without opener or referrer', () => {
    const out = body(prepareEmailHtml('<a href="https://ok.example/">ok</a><a href="mailto:a@b.example">mail</a>', none));
    for (const a of Array.from(out.querySelectorAll('a'))) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
    expect(Array.from(out.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['https://ok.example/', 'mailto:a@b.example']);
  });

  it('keeps text as text', () => {
    const out = body(prepareEmailHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>', none));
    expect(out.querySelector('p')!.textContent).toBe('<script>alert(1)</script> & more');
    expect(out.querySelector('script')).toBeNull();
  });
});

describe('buildEmailSrcdoc', () => {
  it('puts a CSP first that allows only our attachments and data: images, and inline styles', () => {
    const doc = parse(buildEmailSrcdoc(REMOTE, { ...none, origin: ORIGIN }));
    const meta = doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]')!;
    expect(meta).not.toBeNull();
    expect(meta.getAttribute('content')).toBe(`default-src 'none'; img-src data: ${ORIGIN}/api/attachments/; style-src 'unsafe-inline'`);
    expect(doc.head.querySelector('meta[name=referrer]')!.getAttribute('content')).toBe('no-referrer');
    expect(doc.body.querySelectorAll('img[src]')).toHaveLength(0);
  });

  it('extends img-src to remote images only once they are loaded', () => {
    const doc = parse(buildEmailSrcdoc(REMOTE, { attachments: [], loadRemoteImages: true, origin: `${ORIGIN}/` }));
    expect(doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(
      `default-src 'none'; img-src data: ${ORIGIN}/api/attachments/ https: http:; style-src 'unsafe-inline'`,
    );
    expect(doc.body.querySelectorAll('img[src^="https://"]')).toHaveLength(2);
    expect(emailContentSecurityPolicy(ORIGIN, false)).not.toMatch(/\s(https|http):(\s|;)/);
  });

  it('has no script anywhere, and no script-src to allow one', () => {
    const srcdoc = buildEmailSrcdoc('<script>alert(1)</script><img src=x onerror=alert(2)><p>ok</p>', { attachments: [], loadRemoteImages: true, origin: ORIGIN });
    expect(srcdoc).not.toMatch(/<script/i);
    expect(srcdoc).not.toMatch(/\son[a-z]+\s*=/i);
    expect(srcdoc).not.toMatch(/script-src/);
    expect(parse(srcdoc).body.textContent).toContain('ok');
  });
});
