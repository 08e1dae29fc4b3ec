/**
 * A logged-in HTTP client over real loopback sockets (keep-alive), as a browser would be:
 * session cookie + CSRF header. Reports the server time the app measured (`Server-Timing: app;dur=`).
 */
import http from 'node:http';

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
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

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

  private send(
    method: string,
    path: string,
    payload: Buffer | undefined,
    contentType: string,
    captureCookie = false,
  ): Promise<BenchResponse> {
    const url = new URL(path, this.baseUrl);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            ...(payload ? { 'content-type': contentType, 'content-length': String(payload.length) } : {}),
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (captureCookie) {
              const set = res.headers['set-cookie'];
              const first = Array.isArray(set) ? set[0] : set;
              if (first) this.cookie = first.split(';')[0]!;
            }
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              body: text,
              clientMs: performance.now() - started,
              serverMs: Number(/app;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1] ?? NaN),
              json: <T>() => JSON.parse(text) as T,
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}
