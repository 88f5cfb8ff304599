/**
 * A minimal HTTP/1.1 JSON client over node:http with keep-alive and a cookie jar.
 * (node:http rather than fetch: less client CPU per request, which matters when the
 * benchmark shares the machine with the server.)
 */
import http from 'node:http';

export interface HttpResponse<T = unknown> {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: T;
  text: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export class HttpClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;
  private readonly cookies = new Map<string, string>();
  private readonly useCookies: boolean;
  private csrfToken?: string;

  constructor(
    readonly baseUrl: string,
    options: { maxSockets?: number; useCookies?: boolean } = {},
  ) {
    const u = new URL(baseUrl);
    if (u.protocol !== 'http:') throw new Error(`only http:// is supported, got ${baseUrl}`);
    this.host = u.hostname;
    this.port = Number(u.port || 80);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
    this.useCookies = options.useCookies ?? true;
  }

  /** The value of one stored cookie. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sends this token as x-csrf-token on every non-GET request from now on. */
  setCsrfToken(token: string): void {
    this.csrfToken = token;
  }

  get<T = unknown>(path: string, options?: RequestOptions): Promise<HttpResponse<T>> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = unknown>(path: string, body: unknown, options?: RequestOptions): Promise<HttpResponse<T>> {
    return this.request<T>('POST', path, body, options);
  }

  /** A form post (application/x-www-form-urlencoded), as a browser form or a webhook sends it. */
  postForm<T = unknown>(path: string, fields: Record<string, string>, options?: RequestOptions): Promise<HttpResponse<T>> {
    return this.send<T>('POST', path, { type: 'application/x-www-form-urlencoded', data: Buffer.from(new URLSearchParams(fields).toString()) }, options);
  }

  request<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    return this.send<T>(method, path, body === undefined ? undefined : { type: 'application/json', data: Buffer.from(JSON.stringify(body)) }, options);
  }

  private send<T>(method: string, path: string, payload: { type: string; data: Buffer } | undefined, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (payload) {
      headers['content-type'] = payload.type;
      headers['content-length'] = String(payload.data.length);
    }
    if (this.useCookies && this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const timeoutMs = options.timeoutMs ?? 30_000;

    return new Promise<HttpResponse<T>>((resolve, reject) => {
      const req = http.request({ host: this.host, port: this.port, path, method, headers, agent: this.agent, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          if (this.useCookies) this.storeCookies(res.headers['set-cookie']);
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text.length > 0) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed as T, text });
        });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms: ${method} ${path}`)));
      req.on('error', reject);
      req.end(payload?.data);
    });
  }

  /** "name=value; name2=value2" for the Cookie header (also for socket.io's extraHeaders). */
  cookieHeader(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private storeCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a)) || attrs.some((a) => isPastExpiry(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Closes the kept-alive sockets. */
  close(): void {
    this.agent.destroy();
  }
}

function isPastExpiry(attr: string): boolean {
  const m = /^\s*expires\s*=\s*(.+)$/i.exec(attr);
  if (!m) return false;
  const t = Date.parse(m[1]);
  return Number.isFinite(t) && t < Date.now();
}

/** One GET without keep-alive (health polling); resolves the status code, rejects on network errors. */
export function probe(url: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}
