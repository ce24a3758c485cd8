import { Controller, Get, Header, Inject, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { Public } from '@registry/auth';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const WEB_APP_DIR = Symbol('WEB_APP_DIR');

/**
 * The policy of every answer under /app: scripts, styles, images and data from this origin only; no inline script or
 * style element, no frames, no plugins. Inline style attributes set by scripts through the CSSOM are not affected.
 */
export const WEB_APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.topojson': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

const FOLDERS = new Set(['assets', 'geo']);

/** The headers both HTTP platforms' replies take the same way (Express `res.header`, Fastify `reply.header`). */
interface HeaderReply {
  header(name: string, value: string): unknown;
}

/**
 * Serves the built web application (dist/web, made by `npm run build`) at /app. A small controller rather than a
 * platform's static middleware, so it works the same on Express and Fastify.
 */
@Controller('app')
@Public()
export class WebAppController {
  constructor(@Inject(WEB_APP_DIR) private readonly root: string) {}

  @Get()
  @Header('Content-Security-Policy', WEB_APP_CSP)
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Referrer-Policy', 'no-referrer')
  index(@Res({ passthrough: true }) reply: HeaderReply): Promise<StreamableFile> {
    return this.file('index.html', reply);
  }

  // Plain route parameters rather than a wildcard: they mean the same on Express and Fastify. The build is flat:
  // index.html and public files at the top, bundles in assets/, boundaries in geo/.
  @Get(':file')
  @Header('Content-Security-Policy', WEB_APP_CSP)
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Referrer-Policy', 'no-referrer')
  top(@Param('file') file: string, @Res({ passthrough: true }) reply: HeaderReply): Promise<StreamableFile> {
    return this.file(file, reply);
  }

  @Get(':folder/:file')
  @Header('Content-Security-Policy', WEB_APP_CSP)
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Referrer-Policy', 'no-referrer')
  nested(@Param('folder') folder: string, @Param('file') file: string, @Res({ passthrough: true }) reply: HeaderReply): Promise<StreamableFile> {
    if (!FOLDERS.has(folder)) throw new NotFoundException(`No file /app/${folder}/${file}`);
    return this.file(`${folder}/${file}`, reply);
  }

  private async file(relative: string, reply: HeaderReply): Promise<StreamableFile> {
    const root = resolve(this.root);
    const file = resolve(root, relative);
    const type = TYPES[extname(file)];
    if (!type || !file.startsWith(root + sep) || relative.includes('\\')) throw new NotFoundException(`No file /app/${relative}`);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      if (relative === 'index.html') throw new NotFoundException('The web application is not built: run `npm run build`');
      throw new NotFoundException(`No file /app/${relative}`);
    }
    // Vite names bundles by content hash: they never change. Everything else is checked on every load.
    const immutable = relative.startsWith('assets/');
    reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return new StreamableFile(createReadStream(file), { type, length: info.size });
  }
}
