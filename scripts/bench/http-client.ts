/**
 * A logged-in HTTP client over real loopback sockets (keep-alive), as a browser would be:
 * session cookie + CSRF header. Reports the server time the app measured (`Server-Timing: app;dur=`).
 */
import { Client, type Dispatcher } from 'undici';

export interface BenchResponse {
  status: number;
  body: string;
  /** Wall time seen by the client. */
  clientMs: number;
  /** Time the app spent on the request (handler + serialisation), from its Server-Timing header. */
  serverMs: number;
  json<T = unknown>(): T;
}

export class BenchClient {
  /** One keep-alive connection (undici: the bench's clients share the app's 2 cores, so they must cost little). */
  private readonly http: Client;
  private cookie = '';
  private csrf = '';

  constructor(baseUrl: string) {
    this.http = new Client(baseUrl, { pipelining: 1, keepAliveTimeout: 60_000, bodyTimeout: 600_000, headersTimeout: 600_000 });
  }

  async login(email: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/v1/auth/login', { email, password }, true);
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.body}`);
    this.csrf = res.json<{ csrfToken: string }>().csrfToken;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  put(path: string, body: unknown) {
    return this.request('PUT', path, body);
  }

  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }

  /** A multipart/form-data upload of one file (field `file`), as the browser's import screens send it. */
  upload(path: string, fileName: string, bytes: Buffer) {
    const boundary = `----carpeta-bench-${Date.now().toString(16)}`;
    const head = Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `content-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    );
    const payload = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return this.send('POST', path, payload, `multipart/form-data; boundary=${boundary}`);
  }

  request(method: string, path: string, body?: unknown, captureCookie = false): Promise<BenchResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return this.send(method, path, payload, 'application/json', captureCookie);
  }

  private async send(
    method: string,
    path: string,
    payload: Buffer | undefined,
    contentType: string,
    captureCookie = false,
  ): Promise<BenchResponse> {
    const started = performance.now();
    const res = await this.http.request({
      method: method as Dispatcher.HttpMethod,
      path,
      headers: {
        ...(payload ? { 'content-type': contentType, 'content-length': String(payload.length) } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: payload,
    });
    const text = await res.body.text();
    if (captureCookie) {
      const set = res.headers['set-cookie'];
      const first = Array.isArray(set) ? set[0] : set;
      if (first) this.cookie = first.split(';')[0]!;
    }
    return {
      status: res.statusCode,
      body: text,
      clientMs: performance.now() - started,
      serverMs: Number(/app;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1] ?? NaN),
      json: <T>() => JSON.parse(text) as T,
    };
  }

  close() {
    void this.http.destroy();
  }
}
